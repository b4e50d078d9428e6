package org.jnova.api.openstack.validation;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.Map;
import org.jnova.utils.PythonText;

/**
 * Renders JSON values as Python prints them, because nova's validation messages embed
 * {@code repr()} (inside jsonschema's messages) and {@code str()} (the "Value:" part) of the
 * decoded JSON: {@code 'x'}, {@code True}, {@code None}, {@code {'a': 1}}, {@code [1, 2.5]}.
 */
public final class PyRepr {
    private PyRepr() {
    }

    /** Python's {@code repr(value)}. */
    public static String repr(JsonNode value) {
        StringBuilder out = new StringBuilder();
        append(out, value);
        return out.toString();
    }

    /** Python's {@code str(value)}: strings bare, everything else as repr. */
    public static String str(JsonNode value) {
        return value.isTextual() ? value.textValue() : repr(value);
    }

    /** Python's repr of a str. */
    public static String repr(String text) {
        StringBuilder out = new StringBuilder();
        appendString(out, text);
        return out.toString();
    }

    private static void append(StringBuilder out, JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            out.append("None");
        } else if (value.isBoolean()) {
            out.append(value.booleanValue() ? "True" : "False");
        } else if (value.isTextual()) {
            appendString(out, value.textValue());
        } else if (value.isIntegralNumber()) {
            out.append(value.bigIntegerValue());
        } else if (value.isNumber()) {
            out.append(pyFloat(value.doubleValue()));
        } else if (value.isArray()) {
            out.append('[');
            for (int i = 0; i < value.size(); i++) {
                if (i > 0) {
                    out.append(", ");
                }
                append(out, value.get(i));
            }
            out.append(']');
        } else if (value.isObject()) {
            out.append('{');
            Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
            boolean first = true;
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (!first) {
                    out.append(", ");
                }
                first = false;
                appendString(out, field.getKey());
                out.append(": ");
                append(out, field.getValue());
            }
            out.append('}');
        } else {
            out.append(value.asText());
        }
    }

    /** Python's repr of a float: shortest round-trip digits, exponent form outside 1e-4..1e16. */
    static String pyFloat(double value) {
        if (Double.isNaN(value)) {
            return "nan";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        if (value == 0) {
            return (1 / value < 0) ? "-0.0" : "0.0";
        }
        BigDecimal decimal = new BigDecimal(Double.toString(value)).stripTrailingZeros();
        double magnitude = Math.abs(value);
        if (magnitude >= 1e16 || magnitude < 1e-4) {
            String digits = decimal.unscaledValue().abs().toString();
            int exponent = digits.length() - 1 - decimal.scale();
            String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            return (value < 0 ? "-" : "") + mantissa + "e" + (exponent < 0 ? "-" : "+")
                    + (Math.abs(exponent) < 10 ? "0" : "") + Math.abs(exponent);
        }
        String plain = decimal.toPlainString();
        return plain.contains(".") ? plain : plain + ".0";
    }

    private static void appendString(StringBuilder out, String text) {
        out.append(PythonText.repr(text));
    }
}
