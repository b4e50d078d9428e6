package org.jnova.fuzz;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * KNOWN 500s FIXED ON OTHER BRANCHES: requests the fuzzer makes but does not send, because
 * jnova answers them with a 500 that another change fixes. Remove an entry once
 * its fix is merged; the fuzz test then sends those requests too ({@code -Djnova.fuzz.send-known=true}
 * sends them meanwhile).
 */
final class KnownFiveHundreds {
    /** One known problem: a name for the figures and which generated requests show it. */
    record Known(String name, Predicate<FuzzRequest> matches) {
    }

    private static final Pattern QUERY_INTEGER = Pattern.compile("(?:^|&)[^=&]*=([+-]?[0-9]+)(?=&|$)");
    private static final Pattern COUNT = Pattern.compile("\"(?:min_count|max_count)\"\\s*:\\s*\"?(-?[0-9.eE+]+)");

    static final List<Known> KNOWN_500S_FIXED_ELSEWHERE = List.of(
            new Known("query integer out of range (e.g. GET /flavors?limit=99999999999)",
                    KnownFiveHundreds::outOfRangeQueryInteger),
            new Known("malformed key pair public key", r -> r.method().equals("POST")
                    && r.uri().contains("os-keypairs") && body(r).contains("\"public_key\"")
                    && !body(r).contains(FuzzFixtures.PUBLIC_KEY)),
            new Known("huge max_count / min_count", KnownFiveHundreds::hugeCount));

    private KnownFiveHundreds() {
    }

    /** The known problem this request would show, if any. */
    static Optional<Known> match(FuzzRequest r) {
        return KNOWN_500S_FIXED_ELSEWHERE.stream().filter(k -> k.matches().test(r)).findFirst();
    }

    private static boolean outOfRangeQueryInteger(FuzzRequest r) {
        int q = r.uri().indexOf('?');
        if (q < 0) {
            return false;
        }
        String query;
        try {
            query = URLDecoder.decode(r.uri().substring(q + 1).replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            query = r.uri().substring(q + 1);
        }
        Matcher m = QUERY_INTEGER.matcher(query.strip());
        while (m.find()) {
            String digits = m.group(1).strip();
            if (digits.replaceFirst("^[+-]", "").replaceFirst("^0+", "").length() > 9
                    && !fitsInt(digits)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hugeCount(FuzzRequest r) {
        Matcher m = COUNT.matcher(body(r));
        while (m.find()) {
            try {
                if (Math.abs(Double.parseDouble(m.group(1))) > 1000) {
                    return true;
                }
            } catch (NumberFormatException e) {
                return true;
            }
        }
        return false;
    }

    private static boolean fitsInt(String digits) {
        try {
            Integer.parseInt(digits.startsWith("+") ? digits.substring(1) : digits);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String body(FuzzRequest r) {
        return r.body() == null ? "" : new String(r.body(), StandardCharsets.ISO_8859_1);
    }
}
