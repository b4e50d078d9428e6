package org.jnova.paste;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An {@code Accept} (or {@code Content-Type}) header read as nova's URL map reads it: media
 * ranges with parameters, the best supported type chosen by quality, then by specificity.
 */
final class AcceptHeader {
    /** A media range and its parameters, keys and values unquoted. */
    record MediaRange(String mask, Map<String, String> params) {
    }

    /** The best supported type and the parameters of the range that chose it. */
    record Match(String contentType, Map<String, String> params) {
    }

    private final List<MediaRange> ranges;

    AcceptHeader(String value) {
        List<MediaRange> parsed = new ArrayList<>();
        for (String item : splitList(value == null ? "" : value)) {
            parsed.add(parseOptions(item));
        }
        this.ranges = List.copyOf(parsed);
    }

    /** The type of a {@code type/subtype; key=value} header and its parameters. */
    static MediaRange parseOptions(String value) {
        Map<String, String> params = new LinkedHashMap<>();
        String[] pieces = splitOutsideQuotes(value, ';');
        String name = pieces.length == 0 ? "" : unquote(pieces[0].strip());
        for (int i = 1; i < pieces.length; i++) {
            String piece = pieces[i].strip();
            if (piece.isEmpty()) {
                continue;
            }
            int eq = piece.indexOf('=');
            if (eq < 0) {
                params.put(unquote(piece), "");
            } else {
                params.put(unquote(piece.substring(0, eq).strip()), unquote(piece.substring(eq + 1).strip()));
            }
        }
        return new MediaRange(name, params);
    }

    Match bestMatch(List<String> supported) {
        double bestQuality = -1;
        String bestType = null;
        Map<String, String> bestParams = Map.of();
        String bestMask = "*/*";
        for (String type : supported) {
            for (MediaRange range : ranges) {
                double quality;
                try {
                    quality = Double.parseDouble(range.params().getOrDefault("q", "1"));
                } catch (NumberFormatException e) {
                    continue;
                }
                if (quality < bestQuality) {
                    continue;
                }
                if (quality == bestQuality && stars(bestMask) <= stars(range.mask())) {
                    continue;
                }
                if (matches(range.mask(), type)) {
                    bestQuality = quality;
                    bestType = type;
                    bestParams = range.params();
                    bestMask = range.mask();
                }
            }
        }
        return new Match(bestType, bestParams);
    }

    private static boolean matches(String mask, String type) {
        if (mask.indexOf('*') < 0) {
            return type.equals(mask);
        }
        if (mask.equals("*/*")) {
            return true;
        }
        String major = mask.length() >= 2 ? mask.substring(0, mask.length() - 2) : "";
        int slash = type.indexOf('/');
        return (slash < 0 ? type : type.substring(0, slash)).equals(major);
    }

    private static long stars(String mask) {
        return mask.chars().filter(c -> c == '*').count();
    }

    private static List<String> splitList(String value) {
        List<String> items = new ArrayList<>();
        for (String item : splitOutsideQuotes(value, ',')) {
            String trimmed = item.strip();
            if (!trimmed.isEmpty()) {
                items.add(trimmed.length() > 1 && trimmed.startsWith("\"") && trimmed.endsWith("\"")
                        ? trimmed.substring(1, trimmed.length() - 1) : trimmed);
            }
        }
        return items;
    }

    private static String[] splitOutsideQuotes(String value, char separator) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && quoted && i + 1 < value.length()) {
                current.append(c).append(value.charAt(++i));
            } else if (c == '"') {
                quoted = !quoted;
                current.append(c);
            } else if (c == separator && !quoted) {
                parts.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        parts.add(current.toString());
        return parts.toArray(new String[0]);
    }

    private static String unquote(String value) {
        if (value.length() > 1 && value.startsWith("\"") && value.endsWith("\"")) {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }
}
