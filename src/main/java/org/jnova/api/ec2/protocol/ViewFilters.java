package org.jnova.api.ec2.protocol;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * {@code Filter.N} of a Describe call over the elements it answers: each filter names one
 * element of an item, a value matches with {@code *} and {@code ?} wildcards, values of one
 * filter are alternatives and filters all apply. An unknown filter is InvalidParameterValue.
 */
public final class ViewFilters implements Predicate<Map<String, Object>> {
    private final Map<String, List<String>> filters;
    private final Map<String, String> elements;

    /** {@code elements}: filter name to the element of the item it reads. */
    public ViewFilters(Map<String, List<String>> filters, Map<String, String> elements) {
        this.filters = Map.copyOf(Objects.requireNonNull(filters, "filters is null"));
        this.elements = Map.copyOf(Objects.requireNonNull(elements, "elements is null"));
        for (String name : filters.keySet()) {
            if (!elements.containsKey(name)) {
                throw Ec2Error.invalidParameterValue("The filter '" + name + "' is invalid");
            }
        }
    }

    @Override
    public boolean test(Map<String, Object> item) {
        for (Map.Entry<String, List<String>> filter : filters.entrySet()) {
            Object actual = item.get(elements.get(filter.getKey()));
            if (actual == null || filter.getValue().stream().noneMatch(v -> Wildcards.matches(v,
                    String.valueOf(actual)))) {
                return false;
            }
        }
        return true;
    }
}
