package org.jnova.rpc;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The arguments of one received message, read field by field with the type each field must
 * have: a required field that is missing, or any field of the wrong type, is a
 * {@link MalformedMessage} naming the method and field. Fields the reader never asks for are
 * ignored, so a newer sender may add arguments.
 */
public final class WireArgs {
    private final String method;
    private final Map<String, Object> args;

    public WireArgs(String method, Map<String, Object> args) {
        this.method = method;
        this.args = args == null ? Map.of() : args;
    }

    public String method() {
        return method;
    }

    public String string(String key) {
        return required(key, optionalString(key));
    }

    /** The string, or null when absent or null. */
    public String optionalString(String key) {
        return typed(key, String.class, "a string");
    }

    public int integer(String key) {
        return required(key, optionalInteger(key));
    }

    public Integer optionalInteger(String key) {
        Number n = typed(key, Number.class, "an integer");
        if (n == null) {
            return null;
        }
        if (n.longValue() != n.doubleValue() || n.longValue() != n.intValue()) {
            throw wrongType(key, "an integer", n);
        }
        return n.intValue();
    }

    /** The flag; absent or null is false. */
    public boolean flag(String key) {
        Boolean b = typed(key, Boolean.class, "a boolean");
        return Boolean.TRUE.equals(b);
    }

    public List<String> strings(String key) {
        List<?> list = required(key, typed(key, List.class, "a list"));
        List<String> out = new ArrayList<>(list.size());
        for (Object item : list) {
            if (!(item instanceof String s)) {
                throw wrongType(key, "a list of strings", item);
            }
            out.add(s);
        }
        return List.copyOf(out);
    }

    /** A map of string keys; absent or null is an empty map. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> map(String key) {
        Map<?, ?> map = typed(key, Map.class, "a map");
        if (map == null) {
            return Map.of();
        }
        for (Object k : map.keySet()) {
            if (!(k instanceof String)) {
                throw wrongType(key, "a map of string keys", map);
            }
        }
        return java.util.Collections.unmodifiableMap((Map<String, Object>) map);
    }

    private <T> T typed(String key, Class<T> type, String expected) {
        Object value = args.get(key);
        if (value == null) {
            return null;
        }
        if (!type.isInstance(value)) {
            throw wrongType(key, expected, value);
        }
        return type.cast(value);
    }

    private <T> T required(String key, T value) {
        if (value == null) {
            throw new MalformedMessage("Message " + method + " lacks its required argument " + key);
        }
        return value;
    }

    private MalformedMessage wrongType(String key, String expected, Object value) {
        return new MalformedMessage("Argument " + key + " of message " + method + " should be " + expected + ", not "
                + value.getClass().getSimpleName());
    }
}
