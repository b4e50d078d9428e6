package org.jnova.api.ec2.protocol;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * {@code Filter.N} of a Describe call over the elements it answers: each filter names one
 * element of an item, a value matches with {@code *} and {@code ?} wildcards, values of one
 * filter are alternatives and filters all apply. An unknown filter is InvalidParameterValue.
 *
 * <p>An element is a path through the answer: {@code ipPermissions.ipRanges.cidrIp} reads
 * {@code cidrIp} of every range of every permission, and the filter matches when one of them
 * does (as AWS's filters on nested elements). With a tag set element, {@code tag:KEY} matches
 * the value of the tag KEY, {@code tag-key} any tag's key and {@code tag-value} any tag's value.
 */
public final class ViewFilters implements Predicate<Map<String, Object>> {
    /** Times as the answer shows them, so a filter on a time matches what the caller saw. */
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final String TAG_PREFIX = "tag:";

    private final Map<String, List<String>> filters;
    private final Map<String, String> elements;
    private final String tagSet;

    /** {@code elements}: filter name to the element (or path) of the item it reads. */
    public ViewFilters(Map<String, List<String>> filters, Map<String, String> elements) {
        this(filters, elements, null);
    }

    /**
     * As {@link #ViewFilters(Map, Map)}, with the tag filters over {@code tagSet}, the element
     * listing the item's tags as {@code key} and {@code value}.
     */
    public ViewFilters(Map<String, List<String>> filters, Map<String, String> elements, String tagSet) {
        this.filters = Map.copyOf(Objects.requireNonNull(filters, "filters is null"));
        Map<String, String> known = new HashMap<>(Objects.requireNonNull(elements, "elements is null"));
        if (tagSet != null) {
            known.put("tag-key", tagSet + ".key");
            known.put("tag-value", tagSet + ".value");
        }
        this.elements = Map.copyOf(known);
        this.tagSet = tagSet;
        for (String name : filters.keySet()) {
            boolean tag = tagSet != null && name.startsWith(TAG_PREFIX) && name.length() > TAG_PREFIX.length();
            if (!tag && !this.elements.containsKey(name)) {
                throw Ec2Error.invalidParameterValue("The filter '" + name + "' is invalid");
            }
        }
    }

    @Override
    public boolean test(Map<String, Object> item) {
        for (Map.Entry<String, List<String>> filter : filters.entrySet()) {
            List<String> actual = values(item, filter.getKey());
            if (actual.stream().noneMatch(a -> filter.getValue().stream().anyMatch(v -> Wildcards.matches(v, a)))) {
                return false;
            }
        }
        return true;
    }

    /** The texts the filter reads from the item; none when the element is absent. */
    private List<String> values(Map<String, Object> item, String name) {
        String path = elements.get(name);
        if (path != null) {
            List<String> out = new ArrayList<>();
            collect(item, path.split("\\."), 0, out);
            return out;
        }
        String key = name.substring(TAG_PREFIX.length());
        List<String> out = new ArrayList<>();
        if (item.get(tagSet) instanceof List<?> tags) {
            for (Object tag : tags) {
                if (tag instanceof Map<?, ?> pair && key.equals(pair.get("key")) && pair.get("value") != null) {
                    out.add(text(pair.get("value")));
                }
            }
        }
        return out;
    }

    private static void collect(Object node, String[] path, int depth, List<String> out) {
        if (node == null) {
            return;
        }
        if (node instanceof List<?> list) {
            for (Object element : list) {
                collect(element, path, depth, out);
            }
        } else if (depth == path.length) {
            out.add(text(node));
        } else if (node instanceof Map<?, ?> map) {
            collect(map.get(path[depth]), path, depth + 1, out);
        }
    }

    private static String text(Object value) {
        return value instanceof Instant instant ? TIME.format(instant) : String.valueOf(value);
    }
}
