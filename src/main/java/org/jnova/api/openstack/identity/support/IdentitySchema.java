package org.jnova.api.openstack.identity.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jnova.identity.IdentityError;

/**
 * The JSON-schema checks Keystone runs on request bodies, with its messages: jsonschema's
 * words about the failing value (written as Python writes it) after {@code Invalid input for
 * field '<path>': }, or without a field for a missing required property. Each check fails
 * with Keystone's 400; call them in the order of Keystone's schema, which is the order its
 * errors come in.
 */
public final class IdentitySchema {
    /** Keystone's names of domains and projects: 1 to 64 characters, some not white space. */
    public static final StringRule RESOURCE_NAME = new StringRule(false, 1, 64, "[\\S]+");
    /** Keystone's names of users: 1 to 255 characters, some not white space. */
    public static final StringRule IDENTITY_NAME = new StringRule(false, 1, 255, "[\\S]+");
    /** Keystone's {@code id_string}. */
    public static final StringRule ID = new StringRule(false, 1, 64, "^[a-zA-Z0-9-]+$");
    public static final StringRule NULLABLE_ID = new StringRule(true, 1, 64, "^[a-zA-Z0-9-]+$");
    /** A description: any text, or null. */
    public static final StringRule DESCRIPTION = new StringRule(true, 0, Integer.MAX_VALUE, null);
    /** A tag: 1 to 255 characters, no comma or slash. */
    public static final StringRule TAG = new StringRule(false, 1, 255, "^[^,/]*$");
    /** Any text. */
    public static final StringRule STRING = new StringRule(false, 0, Integer.MAX_VALUE, null);
    /** A password: any text, or null. */
    public static final StringRule PASSWORD = new StringRule(true, 0, Integer.MAX_VALUE, null);
    private static final int MAX_TAGS = 80;

    /** A string property's schema: nullable, length bounds (code points), a pattern searched for. */
    public record StringRule(boolean nullable, int minLength, int maxLength, String pattern) {
        Pattern compiled() {
            return Pattern.compile(pattern, Pattern.UNICODE_CHARACTER_CLASS);
        }
    }

    private IdentitySchema() {
    }

    /**
     * Keystone's first check of every request, before authentication: a body, when there is
     * one, must be a JSON object (400 otherwise).
     */
    public static void wellFormed(IdentityCall call) {
        if (call.request().body().length > 0) {
            call.body();
        }
    }

    /**
     * The resource object under {@code key} of the body ({@code {"project": {...}}}): an empty
     * object when the body or the key is missing, as Keystone reads it; 400 when the body is
     * not a JSON object or the value no object.
     */
    public static JsonNode member(IdentityCall call, String key) {
        byte[] body = call.request().body();
        if (body.length == 0) {
            return IdentityJson.object();
        }
        JsonNode value = call.body().get(key);
        if (value == null) {
            return IdentityJson.object();
        }
        if (!value.isObject()) {
            throw invalid(PythonRepr.of(value) + " is not of type 'object'");
        }
        return value;
    }

    /** A present property under {@code rule}; absent ones pass. */
    public static void string(JsonNode object, String field, StringRule rule) {
        JsonNode value = object.get(field);
        if (value == null) {
            return;
        }
        checkString(field, value, rule);
    }

    /** A present property that must be a boolean. */
    public static void bool(JsonNode object, String field) {
        JsonNode value = object.get(field);
        if (value != null && !value.isBoolean()) {
            throw invalidField(field, PythonRepr.of(value) + " is not of type 'boolean'");
        }
    }

    /** A present property that must be an object. */
    public static void object(JsonNode object, String field) {
        JsonNode value = object.get(field);
        if (value != null && !value.isObject()) {
            throw invalidField(field, PythonRepr.of(value) + " is not of type 'object'");
        }
    }

    /**
     * A present object property whose properties may only be the named booleans (or null) and
     * the {@code others}, which are not checked further.
     */
    public static void options(JsonNode object, String field, Set<String> booleans, Set<String> others) {
        object(object, field);
        JsonNode options = object.get(field);
        if (options == null) {
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> entries = options.fields(); entries.hasNext();) {
            Map.Entry<String, JsonNode> option = entries.next();
            if (booleans.contains(option.getKey()) && !option.getValue().isBoolean() && !option.getValue().isNull()) {
                throw invalidField(field + "/" + option.getKey(),
                        PythonRepr.of(option.getValue()) + " is not of type 'boolean', 'null'");
            }
        }
        for (Iterator<String> names = options.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!booleans.contains(name) && !others.contains(name)) {
                throw invalidField(field, "Additional properties are not allowed (" + PythonRepr.text(name)
                        + " was unexpected)");
            }
        }
    }

    /** A present tag list: an array of at most 80 distinct tags. */
    public static void tags(JsonNode object, String field) {
        JsonNode value = object.get(field);
        if (value == null) {
            return;
        }
        tagList(field, value);
    }

    /** A tag list as a whole body or property ({@code path} empty for a whole body). */
    public static void tagList(String path, JsonNode value) {
        if (!value.isArray()) {
            throw invalidAt(path, PythonRepr.of(value) + " is not of type 'array'");
        }
        for (int i = 0; i < value.size(); i++) {
            checkString(path.isEmpty() ? Integer.toString(i) : path + "/" + i, value.get(i), TAG);
        }
        if (value.size() > MAX_TAGS) {
            throw invalidAt(path, PythonRepr.of(value) + " is too long");
        }
        Set<JsonNode> seen = new HashSet<>();
        for (JsonNode tag : value) {
            if (!seen.add(tag)) {
                throw invalidAt(path, PythonRepr.of(value) + " has non-unique elements");
            }
        }
    }

    /** A single tag given as a whole value (a path segment). */
    public static void tag(String value) {
        checkString("", IdentityJson.object().textNode(value), TAG);
    }

    public static void required(JsonNode object, String field) {
        if (!object.has(field)) {
            throw invalid(PythonRepr.text(field) + " is a required property");
        }
    }

    /** Keystone's update schemas want at least one property. */
    public static void notEmpty(JsonNode object) {
        if (object.isEmpty()) {
            throw invalid(PythonRepr.of(object) + " does not have enough properties");
        }
    }

    /** jsonschema's {@code additionalProperties: false}. */
    public static void only(JsonNode object, Set<String> allowed) {
        List<String> extra = new ArrayList<>();
        object.fieldNames().forEachRemaining(name -> {
            if (!allowed.contains(name)) {
                extra.add(PythonRepr.text(name));
            }
        });
        if (!extra.isEmpty()) {
            throw invalid("Additional properties are not allowed (" + String.join(", ", extra)
                    + (extra.size() == 1 ? " was" : " were") + " unexpected)");
        }
    }

    /** Text PostgreSQL cannot store (U+0000) anywhere in a body: 400, where Keystone's database would fail. */
    public static void storable(JsonNode node, String path) {
        if (node.isTextual() && node.asText().indexOf('\0') >= 0) {
            throw invalidAt(path, PythonRepr.of(node) + " contains a NUL character");
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                storable(node.get(i), child(path, Integer.toString(i)));
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext();) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getKey().indexOf('\0') >= 0) {
                throw invalidAt(path, PythonRepr.text(field.getKey()) + " contains a NUL character");
            }
            storable(field.getValue(), child(path, field.getKey()));
        }
    }

    private static String child(String path, String name) {
        return path.isEmpty() ? name : path + "/" + name;
    }

    private static void checkString(String path, JsonNode value, StringRule rule) {
        if (value.isNull() && rule.nullable()) {
            return;
        }
        if (!value.isTextual()) {
            throw invalidAt(path, PythonRepr.of(value) + " is not of type 'string'" + (rule.nullable() ? ", 'null'"
                    : ""));
        }
        String text = value.asText();
        int length = text.codePointCount(0, text.length());
        if (length < rule.minLength()) {
            throw invalidAt(path, PythonRepr.of(value) + " is too short");
        }
        if (length > rule.maxLength()) {
            throw invalidAt(path, PythonRepr.of(value) + " is too long");
        }
        if (rule.pattern() != null && !rule.compiled().matcher(text).find()) {
            throw invalidAt(path, PythonRepr.of(value) + " does not match " + PythonRepr.text(rule.pattern()));
        }
    }

    private static IdentityError invalidAt(String path, String message) {
        return path.isEmpty() ? invalid(message) : invalidField(path, message);
    }

    private static IdentityError invalidField(String path, String message) {
        return invalid("Invalid input for field '" + path + "': " + message);
    }

    private static IdentityError invalid(String message) {
        return IdentityError.badRequest(message);
    }
}
