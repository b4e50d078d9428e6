package org.jnova.api.openstack.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.LongNode;
import java.math.BigInteger;
import java.util.Iterator;
import java.util.Optional;

/** Python's equality of decoded JSON as jsonschema applies it (1 == 1.0, True != 1). */
final class JsonEquality {
    private JsonEquality() {
    }

    static boolean equal(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return compare(a, b) == 0;
        }
        if (a.getNodeType() != b.getNodeType()) {
            return false;
        }
        if (a.isArray()) {
            if (a.size() != b.size()) {
                return false;
            }
            for (int i = 0; i < a.size(); i++) {
                if (!equal(a.get(i), b.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a.isObject()) {
            if (a.size() != b.size()) {
                return false;
            }
            Iterator<String> names = a.fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                if (!b.has(name) || !equal(a.get(name), b.get(name))) {
                    return false;
                }
            }
            return true;
        }
        return a.equals(b);
    }

    /** Numbers compared exactly, or as doubles when one is infinite (a JSON number beyond double's range). */
    static int compare(JsonNode a, JsonNode b) {
        if (!Double.isFinite(a.doubleValue()) || !Double.isFinite(b.doubleValue())) {
            return Double.compare(a.doubleValue(), b.doubleValue());
        }
        return a.decimalValue().compareTo(b.decimalValue());
    }

    static boolean unique(JsonNode array) {
        for (int i = 0; i < array.size(); i++) {
            for (int j = i + 1; j < array.size(); j++) {
                if (equal(array.get(i), array.get(j))) {
                    return false;
                }
            }
        }
        return true;
    }

    /** nova's _number_from_str: int(x), else float(x), else nothing. */
    static Optional<JsonNode> numberFromPython(JsonNode instance) {
        if (instance.isNumber()) {
            return Optional.of(instance);
        }
        if (instance.isBoolean()) {
            return Optional.of(LongNode.valueOf(instance.booleanValue() ? 1 : 0));
        }
        if (!instance.isTextual()) {
            return Optional.empty();
        }
        String text = instance.textValue().strip().replace("_", "");
        try {
            return Optional.of(BigIntegerNode.valueOf(new BigInteger(text)));
        } catch (NumberFormatException notInt) {
            try {
                if (text.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")) {
                    return Optional.of(DoubleNode.valueOf(Double.parseDouble(text)));
                }
            } catch (NumberFormatException notFloat) {
                return Optional.empty();
            }
            return Optional.empty();
        }
    }
}
