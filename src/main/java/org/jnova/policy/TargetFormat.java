package org.jnova.policy;

import java.util.Map;
import java.util.Optional;
import org.jnova.utils.PythonText;

/**
 * Python's {@code str % dict} and {@code str()} as policy checks use them: {@code %(key)s}
 * takes the target's value written as Python would ({@code True}, {@code None}), a key the
 * target lacks makes the check fail.
 */
final class TargetFormat {
    private TargetFormat() {
    }

    /** The template with each {@code %(key)s} replaced; empty when a key is missing or the template is malformed. */
    static Optional<String> format(String template, Map<String, Object> target) {
        if (template.indexOf('%') < 0) {
            return Optional.of(template);
        }
        StringBuilder out = new StringBuilder(template.length() + 16);
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            if (c != '%') {
                out.append(c);
                i++;
                continue;
            }
            if (template.startsWith("%%", i)) {
                out.append('%');
                i += 2;
                continue;
            }
            int close = template.indexOf(')', i);
            if (!template.startsWith("%(", i) || close < 0 || close + 1 >= template.length()
                    || template.charAt(close + 1) != 's') {
                return Optional.empty();
            }
            String key = template.substring(i + 2, close);
            if (!target.containsKey(key)) {
                return Optional.empty();
            }
            out.append(PythonText.str(target.get(key)));
            i = close + 2;
        }
        return Optional.of(out.toString());
    }

    /**
     * The check kind read as a Python literal (as {@code ast.literal_eval}) and written with
     * {@code str()}, or empty when the kind is a credential name.
     */
    static Optional<String> literal(String kind) {
        switch (kind) {
            case "True", "False", "None" -> {
                return Optional.of(kind);
            }
            default -> {
            }
        }
        if (kind.length() >= 2 && (kind.charAt(0) == '\'' || kind.charAt(0) == '"')
                && kind.charAt(kind.length() - 1) == kind.charAt(0)) {
            return Optional.of(kind.substring(1, kind.length() - 1));
        }
        if (kind.matches("[-+]?\\d+")) {
            return Optional.of(new java.math.BigInteger(kind.startsWith("+") ? kind.substring(1) : kind).toString());
        }
        if (kind.matches("[-+]?(\\d+\\.\\d*|\\.\\d+)([eE][-+]?\\d+)?")) {
            return Optional.of(Double.toString(Double.parseDouble(kind)));
        }
        return Optional.empty();
    }
}
