package org.jnova.api.openstack.identity.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import org.jnova.identity.IdentityError;

/**
 * Request-body checks worded as Keystone's JSON-schema validation words its 400s:
 * {@code Invalid input for field '<path>': <what jsonschema says>}, values shown as Python
 * shows them.
 */
public final class IdentityInput {
    private IdentityInput() {
    }

    /** The object under {@code name}; 400 when it is missing or not an object. */
    public static JsonNode requiredObject(JsonNode body, String name) {
        JsonNode value = body.get(name);
        if (value == null) {
            throw IdentityError.badRequest("'" + name + "' is a required property");
        }
        if (!value.isObject()) {
            throw invalid(name, python(value) + " is not of type 'object'");
        }
        return value;
    }

    /** A string of 1 to 255 characters, not only blanks (Keystone's {@code parameter_types.name}). */
    public static String requiredName(JsonNode owner, String ownerPath, String name) {
        JsonNode value = owner.get(name);
        if (value == null) {
            throw invalid(ownerPath, "'" + name + "' is a required property");
        }
        String path = ownerPath + "/" + name;
        if (!value.isTextual()) {
            throw invalid(path, python(value) + " is not of type 'string'");
        }
        String text = value.asText();
        if (text.isEmpty()) {
            throw invalid(path, "'' is too short");
        }
        if (text.codePointCount(0, text.length()) > 255) {
            throw invalid(path, python(value) + " is too long");
        }
        refuseNul(path, text);
        if (text.isBlank()) {
            throw invalid(path, python(value) + " does not match '[\\\\S]+'");
        }
        return text;
    }

    /** A string or null ({@code ["string", "null"]}); empty when absent or null. */
    public static Optional<String> optionalText(JsonNode owner, String ownerPath, String name) {
        JsonNode value = owner.get(name);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw invalid(ownerPath + "/" + name, python(value) + " is not of type 'string', 'null'");
        }
        refuseNul(ownerPath + "/" + name, value.asText());
        return Optional.of(value.asText());
    }

    /** A text no database column can hold everywhere (PostgreSQL refuses U+0000). */
    private static void refuseNul(String path, String text) {
        if (text.indexOf('\0') >= 0) {
            throw invalid(path, "A string cannot contain NUL (0x00) characters.");
        }
    }

    /** A boolean or null; {@code otherwise} when absent or null. */
    public static boolean optionalBoolean(JsonNode owner, String ownerPath, String name, boolean otherwise) {
        JsonNode value = owner.get(name);
        if (value == null || value.isNull()) {
            return otherwise;
        }
        if (!value.isBoolean()) {
            throw invalid(ownerPath + "/" + name, python(value) + " is not of type 'boolean', 'null'");
        }
        return value.asBoolean();
    }

    public static IdentityError invalid(String path, String message) {
        return IdentityError.badRequest("Invalid input for field '" + path + "': " + message);
    }

    /** How Python's repr shows a JSON value (strings quoted, true as True, null as None). */
    public static String python(JsonNode value) {
        if (value.isTextual()) {
            String text = value.asText();
            return "'" + (text.length() > 64 ? text.substring(0, 64) + "..." : text) + "'";
        }
        if (value.isBoolean()) {
            return value.asBoolean() ? "True" : "False";
        }
        if (value.isNull()) {
            return "None";
        }
        String text = value.toString();
        return text.length() > 64 ? text.substring(0, 64) + "..." : text;
    }
}
