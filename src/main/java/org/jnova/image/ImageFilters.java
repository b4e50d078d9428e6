package org.jnova.image;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jnova.objects.GlanceImage;

/**
 * glance's Image v2 list filters as its database layer reads them: {@code os_hidden} (false
 * unless asked), {@code protected}, ranges ({@code size_min}, {@code size_max}, ...), times
 * with operators ({@code created_at=gte:2024-01-01T00:00:00Z}), {@code in:} lists and
 * equality on name, id, status and the formats, equality on the other columns, and custom
 * properties by equality; bad values get glance's 400s. {@code visibility} is the caller's.
 */
final class ImageFilters {
    private static final List<String> LISTABLE = List.of("name", "id", "status", "container_format", "disk_format");
    private static final Pattern QUOTED = Pattern.compile("\"([^\"\\\\]*(?:\\\\.[^\"\\\\]*)*)\",?|([^,]+),?|,");
    private static final Pattern ISO_DATE_TIME = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}([T ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?)?(Z|[+-]\\d{2}(:?\\d{2})?)?");

    private ImageFilters() {
    }

    /** The images a list keeps, refusing bad filter values as glance does. */
    static Predicate<GlanceImage> of(Map<String, String> filters) {
        List<Predicate<GlanceImage>> all = new ArrayList<>();
        String hidden = filters.getOrDefault("os_hidden", "false").toLowerCase(java.util.Locale.ROOT);
        if (!hidden.equals("true") && !hidden.equals("false")) {
            throw GlanceError.badRequest("Invalid value '" + hidden + "' for 'os_hidden' filter. Valid values are "
                    + "'true' or 'false'.");
        }
        boolean wantHidden = hidden.equals("true");
        all.add(g -> g.osHidden() == wantHidden);
        for (Map.Entry<String, String> filter : filters.entrySet()) {
            String key = filter.getKey();
            String value = filter.getValue();
            switch (key) {
                case "visibility", "os_hidden", "deleted" -> {
                }
                case "protected" -> {
                    if (!value.equals("true") && !value.equals("false")) {
                        throw GlanceError.badRequest("Invalid value '" + value + "' for 'protected' filter. Valid "
                                + "values are 'true' or 'false'.");
                    }
                    boolean wanted = value.equals("true");
                    all.add(g -> g.isProtected() == wanted);
                }
                case "created_at", "updated_at" -> all.add(time(key, value));
                default -> {
                    if (key.endsWith("_min") || key.endsWith("_max")) {
                        all.add(range(key, value));
                    } else if (LISTABLE.contains(key)) {
                        all.add(listable(key, value));
                    } else {
                        all.add(g -> equal(key, column(g, key), value));
                    }
                }
            }
        }
        return g -> all.stream().allMatch(p -> p.test(g));
    }

    private static Predicate<GlanceImage> range(String key, String value) {
        long bound;
        try {
            bound = Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw GlanceError.badRequest("Unable to filter on a range with a non-numeric value.");
        }
        String column = key.substring(0, key.length() - 4);
        boolean min = key.endsWith("_min");
        return g -> {
            Long actual = switch (column) {
                case "size" -> g.image().size();
                case "min_ram" -> (long) g.image().minRam();
                case "min_disk" -> (long) g.image().minDisk();
                default -> null;
            };
            return actual != null && (min ? actual >= bound : actual <= bound);
        };
    }

    private static Predicate<GlanceImage> time(String key, String expression) {
        String operator = "eq";
        String threshold = expression;
        int colon = expression.indexOf(':');
        if (colon >= 0 && parseTime(expression) == null) {
            operator = expression.substring(0, colon);
            threshold = expression.substring(colon + 1);
        }
        Instant when = parseTime(threshold);
        if (when == null) {
            throw GlanceError.badRequest("Bad \"" + key + "\" query filter format. Use ISO 8601 DateTime notation.");
        }
        String op = operator;
        if (!List.of("gt", "gte", "lt", "lte", "neq", "eq").contains(op)) {
            throw GlanceError.badRequest("Unable to filter on a unknown operator.");
        }
        return g -> {
            Instant actual = key.equals("created_at") ? g.image().createdAt()
                    : g.image().updatedAt() != null ? g.image().updatedAt() : g.image().createdAt();
            if (actual == null) {
                return false;
            }
            int c = actual.compareTo(when);
            return switch (op) {
                case "gt" -> c > 0;
                case "gte" -> c >= 0;
                case "lt" -> c < 0;
                case "lte" -> c <= 0;
                case "neq" -> c != 0;
                default -> c == 0;
            };
        };
    }

    /** An ISO 8601 time as oslo's parse_isotime takes it (no zone: UTC); null when it is not one. */
    static Instant parseTime(String text) {
        String t = text.strip();
        if (!ISO_DATE_TIME.matcher(t).matches()) {
            return null;
        }
        t = t.replace(' ', 'T');
        try {
            if (t.length() == 10) {
                return LocalDate.parse(t).atStartOfDay().toInstant(ZoneOffset.UTC);
            }
            if (t.endsWith("Z") || t.matches(".*[+-]\\d{2}(:?\\d{2})?$")) {
                String normal = t.replaceAll("([+-]\\d{2})(\\d{2})$", "$1:$2").replaceAll("([+-]\\d{2})$", "$1:00");
                if (normal.matches("[^T]*T\\d{2}:\\d{2}(Z|[+-].*)")) {
                    normal = normal.replaceFirst("(T\\d{2}:\\d{2})", "$1:00");
                }
                return OffsetDateTime.parse(normal).toInstant();
            }
            return LocalDateTime.parse(t.length() == 16 ? t + ":00" : t).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Predicate<GlanceImage> listable(String key, String expression) {
        int colon = expression.indexOf(':');
        String operator = colon < 0 ? "eq" : expression.substring(0, colon);
        String value = colon < 0 ? expression : expression.substring(colon + 1);
        if (operator.equals("in")) {
            List<String> wanted = splitQuoted(value);
            return g -> wanted.contains(column(g, key));
        }
        if (!operator.equals("eq")) {
            throw GlanceError.badRequest("Unable to filter by unknown operator '" + operator + "'.");
        }
        return g -> value.equals(column(g, key));
    }

    /** glance's split of an {@code in:} list: commas, double quotes around values holding commas. */
    static List<String> splitQuoted(String value) {
        boolean open = true;
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) != '"' || (i > 0 && value.charAt(i - 1) == '\\')) {
                continue;
            }
            if (open && i > 0 && value.charAt(i - 1) != ',') {
                throw GlanceError.badRequest("Invalid filter value " + value + ". There is no comma before opening "
                        + "quotation mark.");
            }
            if (!open && i + 1 != value.length() && value.charAt(i + 1) != ',') {
                throw GlanceError.badRequest("Invalid filter value " + value + ". There is no comma after closing "
                        + "quotation mark.");
            }
            open = !open;
        }
        if (!open) {
            throw GlanceError.badRequest("Invalid filter value " + value + ". The quote is not closed.");
        }
        List<String> values = new ArrayList<>();
        Matcher m = QUOTED.matcher(value);
        while (m.find()) {
            values.add(m.group(1) != null && !m.group(1).isEmpty() ? m.group(1)
                    : Objects.requireNonNullElse(m.group(2), ""));
        }
        return values;
    }

    private static String column(GlanceImage g, String key) {
        return switch (key) {
            case "name" -> g.image().name();
            case "id" -> g.id();
            case "status" -> g.image().status();
            case "container_format" -> g.containerFormat();
            case "disk_format" -> g.diskFormat();
            case "owner" -> g.image().owner();
            case "checksum" -> g.checksum();
            case "os_hash_value" -> g.osHashValue();
            case "os_hash_algo" -> g.osHashAlgo();
            case "size" -> Long.toString(g.image().size());
            case "min_ram" -> Integer.toString(g.image().minRam());
            case "min_disk" -> Integer.toString(g.image().minDisk());
            default -> g.image().properties().get(key);
        };
    }

    private static boolean equal(String key, String actual, String wanted) {
        if (actual == null) {
            return false;
        }
        if (actual.equals(wanted) || !List.of("size", "min_ram", "min_disk").contains(key)) {
            return actual.equals(wanted);
        }
        try {
            return Long.parseLong(actual) == Long.parseLong(wanted.strip());
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
