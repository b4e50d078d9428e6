package org.jnova.api.image;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jnova.image.GlanceError;
import org.jnova.image.ImageQuery;

/**
 * An Image v2 list request read as glance's deserializer reads it: paging, member status,
 * tags, both sorting syntaxes, and every other parameter a filter (the last value of each),
 * with glance's 400s.
 */
final class ImageListQuery {
    /** The list's parameters that are not filters. */
    private static final List<String> LIST_PARAMS = List.of("limit", "marker", "member_status", "tag", "sort",
            "sort_key", "sort_dir");
    private static final List<String> SORT_KEYS = List.of("name", "status", "container_format", "disk_format", "size",
            "id", "created_at", "updated_at");

    private ImageListQuery() {
    }

    static ImageQuery parse(Map<String, List<String>> params, int limitDefault, int limitMax) {
        Map<String, String> filters = new LinkedHashMap<>();
        params.forEach((name, values) -> {
            if (!LIST_PARAMS.contains(name) && !values.isEmpty()) {
                filters.put(name, values.get(values.size() - 1));
            }
        });
        String visibility = filters.get("visibility");
        if (visibility != null && !visibility.isEmpty()
                && !List.of("community", "public", "private", "shared", "all").contains(visibility)) {
            throw new GlanceError(400, "Invalid visibility value: " + visibility);
        }
        if (filters.containsKey("changes-since") && !filters.get("changes-since").isEmpty()) {
            throw new GlanceError(400, "The \"changes-since\" filter is no longer available on v2.");
        }
        if (visibility != null && visibility.isEmpty()) {
            filters.remove("visibility");
        }
        filters.remove("changes-since");
        List<String> tags = params.getOrDefault("tag", List.of()).stream().map(String::strip).toList();
        List<String> keys = new ArrayList<>();
        List<String> dirs = new ArrayList<>();
        sorting(params, keys, dirs);
        int limit = first(params, "limit").map(ImageListQuery::limit).orElse(limitDefault);
        return new ImageQuery(filters, tags, keys, dirs, Math.min(limit, limitMax),
                first(params, "marker").orElse(null), memberStatus(params));
    }

    /**
     * glance's two sorting syntaxes: {@code sort=key:dir,...}, or repeated {@code sort_key} and
     * {@code sort_dir} (one direction for all keys, or one per key).
     */
    private static void sorting(Map<String, List<String>> params, List<String> keys, List<String> dirs) {
        if (params.containsKey("sort")) {
            if (params.containsKey("sort_key") || params.containsKey("sort_dir")) {
                throw new GlanceError(400, "Old and new sorting syntax cannot be combined");
            }
            for (String pair : params.get("sort").get(0).strip().split(",", -1)) {
                int colon = pair.indexOf(':');
                String key = (colon < 0 ? pair : pair.substring(0, colon)).strip();
                String dir = colon < 0 || pair.substring(colon + 1).isEmpty() ? "desc" : pair.substring(colon + 1);
                keys.add(sortKey(key));
                dirs.add(sortDir(dir.strip()));
            }
            return;
        }
        params.getOrDefault("sort_key", List.of()).forEach(k -> keys.add(sortKey(k.strip())));
        params.getOrDefault("sort_dir", List.of()).forEach(d -> dirs.add(sortDir(d.strip())));
        if (dirs.size() > 1 && dirs.size() != keys.size()) {
            throw new GlanceError(400, "Number of sort dirs does not match the number of sort keys");
        }
    }

    private static String sortKey(String key) {
        if (!SORT_KEYS.contains(key)) {
            throw new GlanceError(400, "Invalid sort key: " + key + ". It must be one of the following: "
                    + String.join(", ", SORT_KEYS) + ".");
        }
        return key;
    }

    private static String sortDir(String dir) {
        if (!dir.equals("asc") && !dir.equals("desc")) {
            throw new GlanceError(400, "Invalid sort direction: " + dir);
        }
        return dir;
    }

    private static String memberStatus(Map<String, List<String>> params) {
        String status = first(params, "member_status").orElse("accepted");
        if (!List.of("pending", "accepted", "rejected", "all").contains(status)) {
            throw new GlanceError(400, "Invalid status: " + status);
        }
        return status;
    }

    private static int limit(String value) {
        long limit;
        try {
            limit = new java.math.BigInteger(value.strip()).max(java.math.BigInteger.valueOf(-1))
                    .min(java.math.BigInteger.valueOf(Integer.MAX_VALUE)).longValue();
        } catch (NumberFormatException e) {
            throw new GlanceError(400, "limit param must be an integer");
        }
        if (limit < 0) {
            throw new GlanceError(400, "limit param must be positive");
        }
        return (int) limit;
    }

    static String withoutMarker(String query) {
        List<String> kept = new ArrayList<>();
        for (String pair : query.split("&")) {
            if (!pair.isEmpty() && !pair.startsWith("marker=") && !pair.equals("marker")) {
                kept.add(pair);
            }
        }
        return String.join("&", kept);
    }

    private static Optional<String> first(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }
}
