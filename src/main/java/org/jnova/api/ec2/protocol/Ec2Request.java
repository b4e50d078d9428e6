package org.jnova.api.ec2.protocol;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jnova.context.RequestContext;

/**
 * One EC2 call as {@code cloudrequest} (nova's {@code Requestify}) read it: the caller, the
 * action, the API version and the action's own parameters (authentication ones removed).
 */
public record Ec2Request(RequestContext context, String action, String version, Map<String, String> params,
        String endpoint) {
    /** The attribute under which the request carries it. */
    public static final String ATTRIBUTE = "ec2.request";

    public Ec2Request {
        Objects.requireNonNull(context, "context is null");
        Objects.requireNonNull(action, "action is null");
        Objects.requireNonNull(version, "version is null");
        params = Map.copyOf(params);
        Objects.requireNonNull(endpoint, "endpoint is null");
    }

    public Optional<String> param(String name) {
        return Optional.ofNullable(params.get(name));
    }

    /** A parameter the action cannot do without: MissingParameter when absent. */
    public String required(String name) {
        return param(name).orElseThrow(() -> Ec2Error.missingParameter(name));
    }

    /** An integer parameter; InvalidParameterValue when it is not one. */
    public Optional<Integer> integer(String name) {
        Optional<String> text = param(name);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Integer.parseInt(text.get().strip()));
        } catch (NumberFormatException e) {
            throw Ec2Error.invalidParameterValue("Invalid value '" + text.get() + "' for " + name);
        }
    }

    /** A boolean parameter (true/false, any case); InvalidParameterValue otherwise. */
    public Optional<Boolean> bool(String name) {
        return param(name).map(value -> switch (value.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw Ec2Error.invalidParameterValue("Invalid value '" + value + "' for " + name
                    + ": it must be true or false");
        });
    }

    /** The values of a numbered list, {@code Name.1}, {@code Name.2}, ..., in number order. */
    public List<String> list(String name) {
        Map<Integer, String> numbered = new java.util.TreeMap<>();
        String prefix = name + ".";
        params.forEach((key, value) -> {
            if (key.startsWith(prefix)) {
                index(key.substring(prefix.length())).ifPresent(i -> numbered.put(i, value));
            }
        });
        return new ArrayList<>(numbered.values());
    }

    /**
     * The members of a numbered list of structures, {@code Name.N.Field...}: for each N in
     * order, its fields without the prefix ({@code Field}, {@code Value.1}, ...).
     */
    public List<Map<String, String>> structures(String name) {
        Map<Integer, Map<String, String>> numbered = new java.util.TreeMap<>();
        String prefix = name + ".";
        params.forEach((key, value) -> {
            if (!key.startsWith(prefix)) {
                return;
            }
            String rest = key.substring(prefix.length());
            int dot = rest.indexOf('.');
            if (dot < 0) {
                return;
            }
            index(rest.substring(0, dot)).ifPresent(i -> numbered.computeIfAbsent(i, k -> new LinkedHashMap<>())
                    .put(rest.substring(dot + 1), value));
        });
        return new ArrayList<>(numbered.values());
    }

    /** Filters ({@code Filter.N.Name}, {@code Filter.N.Value.M}) by name; values in order. */
    public Map<String, List<String>> filters() {
        Map<String, List<String>> filters = new LinkedHashMap<>();
        for (Map<String, String> filter : structures("Filter")) {
            String filterName = filter.get("Name");
            if (filterName == null) {
                throw Ec2Error.invalidParameterValue("A filter needs a Name");
            }
            Map<Integer, String> values = new java.util.TreeMap<>();
            filter.forEach((key, value) -> {
                if (key.startsWith("Value.")) {
                    index(key.substring("Value.".length())).ifPresent(i -> values.put(i, value));
                }
            });
            filters.computeIfAbsent(filterName, k -> new ArrayList<>()).addAll(values.values());
        }
        return filters;
    }

    private static Optional<Integer> index(String text) {
        if (text.isEmpty() || text.length() > 9 || !text.chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        return Optional.of(Integer.parseInt(text));
    }
}
