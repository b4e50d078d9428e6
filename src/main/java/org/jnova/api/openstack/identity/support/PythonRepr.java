package org.jnova.api.openstack.identity.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/** JSON values written as Python's {@code repr} writes them once decoded, as Keystone's messages show them. */
final class PythonRepr {
    private PythonRepr() {
    }

    static String of(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return "None";
        }
        if (value.isBoolean()) {
            return value.asBoolean() ? "True" : "False";
        }
        if (value.isTextual()) {
            return text(value.asText());
        }
        if (value.isIntegralNumber()) {
            return value.bigIntegerValue().toString();
        }
        if (value.isNumber()) {
            return floating(value.asDouble());
        }
        StringBuilder out = new StringBuilder();
        if (value.isArray()) {
            out.append('[');
            for (int i = 0; i < value.size(); i++) {
                out.append(i == 0 ? "" : ", ").append(of(value.get(i)));
            }
            return out.append(']').toString();
        }
        out.append('{');
        boolean first = true;
        for (Iterator<Map.Entry<String, JsonNode>> fields = value.fields(); fields.hasNext();) {
            Map.Entry<String, JsonNode> field = fields.next();
            out.append(first ? "" : ", ").append(text(field.getKey())).append(": ").append(of(field.getValue()));
            first = false;
        }
        return out.append('}').toString();
    }

    /** A str's repr: single quotes unless it holds one and no double quote, escapes for the unprintable. */
    static String text(String text) {
        char quote = text.indexOf('\'') >= 0 && text.indexOf('"') < 0 ? '"' : '\'';
        StringBuilder out = new StringBuilder().append(quote);
        text.codePoints().forEach(c -> {
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c == quote) {
                        out.append('\\').append((char) c);
                    } else if (c < 0x20 || (c >= 0x7f && c <= 0xa0) || c == 0xad) {
                        out.append(String.format("\\x%02x", c));
                    } else if (!Character.isDefined(c) || Character.getType(c) == Character.SURROGATE) {
                        out.append(c > 0xffff ? String.format("\\U%08x", c) : String.format("\\u%04x", c));
                    } else {
                        out.appendCodePoint(c);
                    }
                }
            }
        });
        return out.append(quote).toString();
    }

    private static String floating(double value) {
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e16) {
            return Long.toString((long) value) + ".0";
        }
        return Double.toString(value).replace("E", "e+").replace("e+-", "e-");
    }
}
