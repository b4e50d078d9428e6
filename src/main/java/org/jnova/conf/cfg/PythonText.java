package org.jnova.conf.cfg;

import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;

/** Values written as Python's {@code str()} shows them, so option dumps read like nova's. */
final class PythonText {
    private PythonText() {
    }

    static String of(Object value) {
        if (value == null) {
            return "None";
        }
        if (value instanceof Boolean b) {
            return b ? "True" : "False";
        }
        if (value instanceof Collection<?> items) {
            return items.stream().map(PythonText::repr).collect(Collectors.joining(", ", "[", "]"));
        }
        if (value instanceof Map<?, ?> map) {
            return map.entrySet().stream().map(e -> repr(e.getKey()) + ": " + repr(e.getValue()))
                    .collect(Collectors.joining(", ", "{", "}"));
        }
        return String.valueOf(value);
    }

    private static String repr(Object value) {
        if (value instanceof String s) {
            return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
        }
        return of(value);
    }
}
