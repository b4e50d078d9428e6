package org.jnova.wsgi;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * HTTP headers in arrival order, looked up without regard to case. Mutable: a response's
 * headers are filled in by each layer it passes through.
 */
public final class Headers {
    private final List<String[]> entries = new ArrayList<>();

    public Optional<String> first(String name) {
        for (String[] entry : entries) {
            if (entry[0].equalsIgnoreCase(name)) {
                return Optional.of(entry[1]);
            }
        }
        return Optional.empty();
    }

    public List<String> all(String name) {
        List<String> values = new ArrayList<>();
        for (String[] entry : entries) {
            if (entry[0].equalsIgnoreCase(name)) {
                values.add(entry[1]);
            }
        }
        return values;
    }

    public boolean contains(String name) {
        return first(name).isPresent();
    }

    /** Adds a value, keeping any the header already has. */
    public Headers add(String name, String value) {
        entries.add(new String[] {name, value});
        return this;
    }

    /** Replaces every value the header has with this one. */
    public Headers set(String name, String value) {
        remove(name);
        return add(name, value);
    }

    public Headers remove(String name) {
        entries.removeIf(entry -> entry[0].equalsIgnoreCase(name));
        return this;
    }

    /** Name/value pairs in order; the arrays are copies. */
    public List<String[]> entries() {
        List<String[]> copy = new ArrayList<>(entries.size());
        for (String[] entry : entries) {
            copy.add(new String[] {entry[0], entry[1]});
        }
        return Collections.unmodifiableList(copy);
    }

    public int size() {
        return entries.size();
    }

    static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
