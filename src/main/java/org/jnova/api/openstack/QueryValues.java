package org.jnova.api.openstack;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.jnova.exception.InvalidInput;

/**
 * Query and body integers read as nova reads them: the last value of a query parameter
 * (webob's {@code req.GET[name]}), Python's {@code int()} of any size, and page limits
 * clamped to {@code [api] max_limit}. Every integer a caller sends goes through here, so no
 * value is too long, too large or too strange to answer with nova's 400 or its clamped page.
 */
public final class QueryValues {
    private static final BigInteger INT_MAX = BigInteger.valueOf(Integer.MAX_VALUE);
    private static final BigInteger INT_MIN = BigInteger.valueOf(Integer.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);
    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    /** CPython 3.11's sys.int_info.default_max_str_digits: longer text is a ValueError. */
    private static final int MAX_DIGITS = 4300;

    private QueryValues() {
    }

    /** {@code req.GET[name]}: the last value, if any. */
    public static Optional<String> last(ApiRequest req, String name) {
        List<String> values = req.queryParams().get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(values.size() - 1));
    }

    /**
     * Python's {@code int(text)}: surrounding whitespace, one sign, decimal digits of any
     * script with single underscores between them; empty where Python raises ValueError.
     */
    public static Optional<BigInteger> pythonInt(String text) {
        if (text == null) {
            return Optional.empty();
        }
        int start = 0;
        int end = text.length();
        while (start < end && isSpace(text.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(text.charAt(end - 1))) {
            end--;
        }
        boolean negative = false;
        if (start < end && (text.charAt(start) == '+' || text.charAt(start) == '-')) {
            negative = text.charAt(start) == '-';
            start++;
        }
        StringBuilder digits = new StringBuilder();
        boolean lastUnderscore = true; // no leading underscore
        for (int i = start; i < end; ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == '_') {
                if (lastUnderscore) {
                    return Optional.empty();
                }
                lastUnderscore = true;
                continue;
            }
            if (Character.getType(cp) != Character.DECIMAL_DIGIT_NUMBER) {
                return Optional.empty();
            }
            digits.append((char) ('0' + Character.digit(cp, 10)));
            lastUnderscore = false;
            if (digits.length() > MAX_DIGITS) {
                return Optional.empty();
            }
        }
        if (digits.isEmpty() || lastUnderscore) {
            return Optional.empty();
        }
        BigInteger value = new BigInteger(digits.toString());
        return Optional.of(negative ? value.negate() : value);
    }

    /** The value within the int range: larger ones become Integer.MAX_VALUE, smaller ones MIN_VALUE. */
    public static int saturatedInt(BigInteger value) {
        return value.compareTo(INT_MAX) > 0 ? Integer.MAX_VALUE
                : value.compareTo(INT_MIN) < 0 ? Integer.MIN_VALUE : value.intValue();
    }

    /** The value within the long range: larger ones become Long.MAX_VALUE, smaller ones MIN_VALUE. */
    public static long saturatedLong(BigInteger value) {
        return value.compareTo(LONG_MAX) > 0 ? Long.MAX_VALUE
                : value.compareTo(LONG_MIN) < 0 ? Long.MIN_VALUE : value.longValue();
    }

    /**
     * An integer the body schema accepted (a JSON integer, or a string Python's int() reads),
     * saturated to the int range; a value no schema could have passed is a 400.
     */
    public static int schemaInt(JsonNode value) {
        if (value.isIntegralNumber()) {
            return saturatedInt(value.bigIntegerValue());
        }
        return saturatedInt(pythonInt(value.asText())
                .orElseThrow(() -> new InvalidInput("Invalid input received: " + value.asText() + " is not an integer")));
    }

    /** A non-negative integer the query schema accepted, capped at Integer.MAX_VALUE. */
    public static int nonNegative(String digits) {
        return saturatedInt(pythonInt(digits).orElse(BigInteger.ZERO).max(BigInteger.ZERO));
    }

    /** The last value of an integer parameter the query schema accepted, capped at Integer.MAX_VALUE. */
    public static Optional<Integer> lastInt(ApiRequest req, String name) {
        return last(req, name).map(QueryValues::nonNegative);
    }

    /**
     * nova's {@code utils.validate_integer(value, name, min_value=0)} as its paging parameters
     * use it: 400 "Invalid input received: limit must be an integer" or "... must be &gt;= 0",
     * else the value, capped at Integer.MAX_VALUE.
     */
    public static int validateNonNegative(String value, String name) {
        BigInteger parsed = pythonInt(value)
                .orElseThrow(() -> new InvalidInput("Invalid input received: " + name + " must be an integer"));
        if (parsed.signum() < 0) {
            throw new InvalidInput("Invalid input received: " + name + " must be >= 0");
        }
        return saturatedInt(parsed);
    }

    /**
     * nova's {@code common.get_limit_and_marker} limit: the last {@code limit} value checked as
     * {@link #validateNonNegative}, at most {@code maxLimit}; {@code maxLimit} when absent.
     */
    public static int limit(ApiRequest req, int maxLimit) {
        return last(req, "limit").map(v -> Math.min(maxLimit, validateNonNegative(v, "limit"))).orElse(maxLimit);
    }

    /**
     * The size of the page asked for, as nova's {@code _get_collection_links} reads it:
     * {@code min(int(limit), max_limit)}; {@code maxLimit} when absent or not a number (the
     * limit was checked before, so that only happens when nothing reads it).
     */
    public static int pageSize(String limit, int maxLimit) {
        if (limit == null) {
            return maxLimit;
        }
        return pythonInt(limit).map(v -> saturatedInt(v.min(BigInteger.valueOf(maxLimit)))).orElse(maxLimit);
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || (c >= 0x1c && c <= 0x1f) || c == 0x85;
    }
}
