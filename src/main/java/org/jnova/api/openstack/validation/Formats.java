package org.jnova.api.openstack.validation;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jnova.utils.PythonText;

/**
 * nova's format checkers ({@code nova/api/validation/validators.py}). {@link #check} answers
 * empty when the value conforms, else the failure: a plain failure (jsonschema's "is not a"
 * message) or a nova {@code InvalidName} whose message replaces the whole detail.
 */
final class Formats {
    private static final Pattern HEX32 = Pattern.compile("[0-9a-f]{32}");
    private static final Pattern DATE_TIME = Pattern.compile(
            "\\d{4}-?\\d{2}(-?\\d{2})?([T ]\\d{2}(:?\\d{2}(:?\\d{2}([.,]\\d+)?)?)?)?\\s*(Z|[+-]\\d{2}(:?\\d{2})?)?");
    private static final Pattern IPV4 = Pattern.compile(
            "((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
    private static final String NAME_PREFIX = "An invalid 'name' value was provided. The name must be: ";
    private static final String KEYPAIR_20 = "_- 0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final String KEYPAIR_292 = "@._- 0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

    /** Result of a failed check. */
    record Failure(Optional<String> cause) {
    }

    private Formats() {
    }

    static Optional<Failure> check(String format, JsonNode instance) {
        boolean ok = switch (format) {
            // nova (and nova-ref) check formats on strings only: "port": null passes {"format": "uuid"}
            case "uuid" -> !instance.isTextual() || isUuidLike(instance.textValue());
            case "date-time" -> instance.isTextual() && isDateTime(instance.textValue().trim());
            case "ipv4" -> !instance.isTextual() || IPV4.matcher(instance.textValue()).matches();
            case "ipv6" -> !instance.isTextual() || isIpv6(instance.textValue());
            case "cidr" -> !instance.isTextual() || isCidr(instance.textValue());
            case "uri" -> instance.isTextual() && isUri(instance.textValue());
            case "regex" -> instance.isTextual() && !instance.textValue().isEmpty() && compiles(instance.textValue());
            case "base64" -> !instance.isTextual() || isBase64(instance.textValue());
            default -> true;
        };
        if (!ok) {
            return Optional.of(new Failure(Optional.empty()));
        }
        return nameFailure(format, instance);
    }

    private static Optional<Failure> nameFailure(String format, JsonNode instance) {
        String text = instance.isTextual() ? instance.textValue() : null;
        return switch (format) {
            case "name" -> text != null && isName(text, "") ? Optional.empty()
                    : failure("printable characters. Can not start or end with whitespace.");
            case "az_name" -> text != null && isName(text, ":") ? Optional.empty()
                    : failure("printable characters except :.Can not start or end with whitespace.");
            case "name_with_leading_trailing_spaces" -> text != null && hasNonSpacePrintable(text, "") ? Optional.empty()
                    : failure("printable characters with at least one non space character");
            case "az_name_with_leading_trailing_spaces" -> text != null && hasNonSpacePrintable(text, ":")
                    ? Optional.empty()
                    : failure("printable characters except :, with at least one non space character");
            case "keypair_name_20", "keypair_name_292" -> {
                String safe = format.equals("keypair_name_20") ? KEYPAIR_20 : KEYPAIR_292;
                yield text != null && text.chars().allMatch(c -> safe.indexOf(c) >= 0) ? Optional.empty()
                        : failure("Only expected characters: [" + safe + "]");
            }
            default -> Optional.empty();
        };
    }

    private static Optional<Failure> failure(String reason) {
        return Optional.of(new Failure(Optional.of(NAME_PREFIX + reason)));
    }

    /** ISO 8601 as the iso8601 library reads it, with real months, days and times. */
    private static boolean isDateTime(String text) {
        if (!DATE_TIME.matcher(text).matches()) {
            return false;
        }
        String digits = text.replaceAll("[^0-9].*$", "");
        String plain = text.replace("-", "").replace(":", "");
        try {
            int month = Integer.parseInt(plain.substring(4, 6));
            int day = plain.length() >= 8 && Character.isDigit(plain.charAt(6)) ? Integer.parseInt(plain.substring(6, 8)) : 1;
            java.time.LocalDate.of(Integer.parseInt(plain.substring(0, 4)), month, day);
            int t = plain.indexOf('T') >= 0 ? plain.indexOf('T') : plain.indexOf(' ');
            if (t > 0 && plain.length() >= t + 3) {
                int hour = Integer.parseInt(plain.substring(t + 1, t + 3));
                int minute = plain.length() >= t + 5 && Character.isDigit(plain.charAt(t + 3))
                        ? Integer.parseInt(plain.substring(t + 3, t + 5)) : 0;
                int second = plain.length() >= t + 7 && Character.isDigit(plain.charAt(t + 5))
                        ? Integer.parseInt(plain.substring(t + 5, t + 7)) : 0;
                return hour < 24 && minute < 60 && second < 61 && !digits.isEmpty();
            }
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** oslo's is_uuid_like: 32 hex digits once "urn:", "uuid:", braces and dashes are dropped. */
    static boolean isUuidLike(String text) {
        String plain = text.toLowerCase().replace("urn:", "").replace("uuid:", "").replace("{", "").replace("}", "")
                .replace("-", "");
        return HEX32.matcher(plain).matches();
    }

    private static boolean isIpv6(String text) {
        if (!text.contains(":") || text.contains("%") || text.contains("/")) {
            return false;
        }
        if (!text.matches("[0-9A-Fa-f:.]+")) {
            return false;
        }
        try {
            // a literal with ':' is parsed, never looked up
            java.net.InetAddress.getByName(text);
            return true;
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    private static boolean isCidr(String text) {
        int slash = text.indexOf('/');
        if (slash < 0 || text.chars().anyMatch(Character::isWhitespace)) {
            return false;
        }
        String address = text.substring(0, slash);
        String prefix = text.substring(slash + 1);
        if (!prefix.matches("\\d{1,3}")) {
            return false;
        }
        int bits = Integer.parseInt(prefix);
        if (IPV4.matcher(address).matches()) {
            return bits <= 32;
        }
        return isIpv6(address) && bits <= 128;
    }

    private static boolean isUri(String text) {
        try {
            URI uri = new URI(text);
            return uri.getScheme() != null && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** nova's regex format: Python's re.compile succeeds (see {@link org.jnova.utils.PythonRegex#isValid}). */
    private static boolean compiles(String regex) {
        return org.jnova.utils.PythonRegex.isValid(regex);
    }

    /** nova's base64 format: base64.decodebytes of the UTF-8 text, which skips what is not base64. */
    private static boolean isBase64(String text) {
        return org.jnova.utils.PythonBase64.decode(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)).isPresent();
    }

    /** nova's valid_name_regex: printable, no leading/trailing whitespace (other than Zs inside). */
    private static boolean isName(String text, String excluded) {
        if (text.isEmpty()) {
            return true;
        }
        if (!text.codePoints().allMatch(cp -> isNameChar(cp, excluded))) {
            return false;
        }
        int first = text.codePointAt(0);
        int last = text.codePointBefore(text.length());
        return !isSpace(first) && !isSpace(last);
    }

    private static boolean hasNonSpacePrintable(String text, String excluded) {
        return text.codePoints().allMatch(cp -> isNameChar(cp, excluded))
                && text.codePoints().anyMatch(cp -> !isSpace(cp));
    }

    private static boolean isNameChar(int cp, String excluded) {
        return cp < 0xFFFF && excluded.indexOf(cp) < 0 && PythonText.isPrintable(cp);
    }

    private static boolean isSpace(int cp) {
        return Character.getType(cp) == Character.SPACE_SEPARATOR;
    }
}
