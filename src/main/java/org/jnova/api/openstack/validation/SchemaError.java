package org.jnova.api.openstack.validation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One schema violation as python-jsonschema reports it: the keyword that failed, the path
 * from the validated root to the failing value (property names and array indexes), the
 * failing value, jsonschema's message, and for oneOf/anyOf the errors of each branch.
 *
 * @param cause a message that replaces the whole detail (nova's InvalidName format errors)
 * @param branch for errors inside a oneOf/anyOf context, the index of the branch
 */
public record SchemaError(String keyword, List<Object> path, JsonNode instance, String message,
        List<SchemaError> context, Optional<String> cause, int branch) {

    public SchemaError(String keyword, List<Object> path, JsonNode instance, String message, List<SchemaError> context,
            Optional<String> cause) {
        this(keyword, path, instance, message, context, cause, -1);
    }

    public SchemaError {
        Objects.requireNonNull(keyword, "keyword is null");
        path = List.copyOf(path);
        Objects.requireNonNull(instance, "instance is null");
        Objects.requireNonNull(message, "message is null");
        context = List.copyOf(context);
        Objects.requireNonNull(cause, "cause is null");
    }

    static SchemaError of(String keyword, JsonNode instance, String message) {
        return new SchemaError(keyword, List.of(), instance, message, List.of(), Optional.empty());
    }

    /** This error seen from one level up: {@code step} prepended to the path. */
    SchemaError under(Object step) {
        List<Object> longer = new ArrayList<>(path.size() + 1);
        longer.add(step);
        longer.addAll(path);
        return new SchemaError(keyword, longer, instance, message, context, cause, branch);
    }

    /** nova's body message: "Invalid input for field/attribute <last>. Value: <str>. <message>". */
    public String novaBodyMessage() {
        if (cause.isPresent()) {
            return cause.get();
        }
        if (path.isEmpty()) {
            return message;
        }
        return "Invalid input for field/attribute " + path.get(path.size() - 1) + ". Value: "
                + PyRepr.str(instance) + ". " + message;
    }

    /** nova's query message: "Invalid input for query parameters <first>. Value: ...". */
    public String novaQueryMessage() {
        if (cause.isPresent()) {
            return cause.get();
        }
        if (path.isEmpty()) {
            return message;
        }
        return "Invalid input for query parameters " + path.get(0) + ". Value: " + PyRepr.str(instance) + ". "
                + message;
    }

    /** "/a/0/b: message", for test reports. */
    public String describe() {
        return pointer(path) + ": " + message;
    }

    /**
     * Readable lines for a report: this error, or for oneOf/anyOf the errors of the branch
     * that came closest (fewest errors), each with its full path.
     */
    public List<String> explain() {
        if (context.isEmpty()) {
            return List.of(describe());
        }
        java.util.Map<Integer, List<SchemaError>> byBranch = new java.util.TreeMap<>();
        for (SchemaError error : context) {
            byBranch.computeIfAbsent(error.branch(), k -> new ArrayList<>()).add(error);
        }
        List<SchemaError> closest = null;
        int closestBranch = -1;
        for (java.util.Map.Entry<Integer, List<SchemaError>> entry : byBranch.entrySet()) {
            if (closest == null || entry.getValue().size() < closest.size()) {
                closest = entry.getValue();
                closestBranch = entry.getKey();
            }
        }
        List<String> lines = new ArrayList<>();
        lines.add(pointer(path) + ": matches none of the " + keyword + " branches; closest is branch " + closestBranch + ":");
        for (SchemaError error : closest) {
            SchemaError full = error;
            for (int i = path.size() - 1; i >= 0; i--) {
                full = full.under(path.get(i));
            }
            for (String line : full.explain()) {
                lines.add("    " + line);
            }
        }
        return lines;
    }

    private static String pointer(List<Object> path) {
        StringBuilder out = new StringBuilder();
        for (Object step : path) {
            out.append('/').append(step);
        }
        return out.isEmpty() ? "/" : out.toString();
    }

    /** Which oneOf/anyOf branch a context error came from; -1 elsewhere. */
    public int branch() {
        return branch;
    }

    SchemaError inBranch(int index) {
        return new SchemaError(keyword, path, instance, message, context, cause, index);
    }
}
