package org.jnova.api.openstack.compute.servers;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The scheduler hints of a create body as nova's request spec keeps them
 * (RequestSpec._from_hints): {@code os:scheduler_hints} wins over
 * {@code OS-SCH-HNT:scheduler_hints}; a value that is not a list becomes a list of one; each
 * item is written as Python's str() writes it. Items nova cannot store as text (null,
 * objects, nested lists) are kept as their JSON text.
 */
final class SchedulerHints {
    private SchedulerHints() {
    }

    static Map<String, List<String>> of(JsonNode body) {
        JsonNode hints = body.has("os:scheduler_hints") ? body.path("os:scheduler_hints")
                : body.path("OS-SCH-HNT:scheduler_hints");
        Map<String, List<String>> out = new LinkedHashMap<>();
        hints.fields().forEachRemaining(e -> {
            List<String> items = new ArrayList<>();
            if (e.getValue().isArray()) {
                e.getValue().forEach(item -> items.add(text(item)));
            } else {
                items.add(text(e.getValue()));
            }
            out.put(e.getKey(), items);
        });
        return out;
    }

    private static String text(JsonNode item) {
        if (item.isTextual()) {
            return item.textValue();
        }
        if (item.isBoolean()) {
            return item.booleanValue() ? "True" : "False";
        }
        if (item.isIntegralNumber()) {
            return item.bigIntegerValue().toString();
        }
        if (item.isNumber()) {
            return pythonFloat(item.doubleValue());
        }
        return item.toString();
    }

    /** Python's repr of a float: plain between 1e-4 and 1e16, else d.ddde+XX. */
    static String pythonFloat(double d) {
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        BigDecimal exact = new BigDecimal(Double.toString(d));
        double abs = Math.abs(d);
        if (abs == 0 || abs >= 1e-4 && abs < 1e16) {
            String plain = exact.stripTrailingZeros().toPlainString();
            return plain.contains(".") ? plain : plain + ".0";
        }
        String digits = exact.unscaledValue().abs().toString().replaceAll("0+$", "");
        int exponent = exact.precision() - exact.scale() - 1;
        String mantissa = digits.length() > 1 ? digits.charAt(0) + "." + digits.substring(1) : digits;
        return (d < 0 ? "-" : "") + mantissa + "e" + (exponent < 0 ? "-" : "+")
                + String.format("%02d", Math.abs(exponent));
    }
}
