package org.jnova.api.openstack.identity.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jnova.api.openstack.validation.SchemaDialect;
import org.jnova.api.openstack.validation.SchemaError;
import org.jnova.api.openstack.validation.SchemaRegistry;
import org.jnova.api.openstack.validation.SchemaValidator;
import org.jnova.identity.IdentityError;
import org.jnova.utils.JsonMappers;

/**
 * Request bodies of Keystone's resource APIs: the member object ({@code {"role": {...}}}),
 * checked against Keystone's JSON schema with its 400 text ({@code Invalid input for field
 * 'name': ...}), and the attributes beyond the known ones that Keystone keeps as "extra".
 */
public final class KeystoneBodies {
    private static final ObjectMapper MAPPER = JsonMappers.rejectingTrailingText();
    private static final SchemaValidator VALIDATOR = new SchemaValidator(new SchemaRegistry(Map.of()),
            SchemaDialect.NOVA, false);

    private KeystoneBodies() {
    }

    /** A schema written in JSON (single quotes allowed for readability). */
    public static JsonNode schema(String json) {
        try {
            return MAPPER.readTree(json.replace('\'', '"'));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Bad schema " + json, e);
        }
    }

    /**
     * The member {@code key} of the request body (null when missing, as Keystone's
     * {@code request_body_json.get(key)}), validated against {@code schema}.
     */
    public static JsonNode member(IdentityCall call, String key, JsonNode schema) {
        JsonNode body = call.request().body().length == 0 ? IdentityJson.object() : call.body();
        JsonNode member = body.has(key) ? body.get(key) : NullNode.getInstance();
        validate(schema, member);
        return member;
    }

    /** Keystone's SchemaValidationError for the first violation of {@code schema}. */
    public static void validate(JsonNode schema, JsonNode instance) {
        VALIDATOR.firstError(schema, schema, instance).ifPresent(error -> {
            throw IdentityError.badRequest(message(error));
        });
    }

    private static String message(SchemaError error) {
        if (error.path().isEmpty()) {
            return error.message();
        }
        String path = error.path().stream().map(String::valueOf).collect(Collectors.joining("/"));
        return "Invalid input for field '" + path + "': " + error.message();
    }

    /** Keystone's 400 when a body names another id than the URL ({@code _require_matching_id}). */
    public static void requireMatchingId(JsonNode member, String id) {
        JsonNode given = member.get("id");
        if (given != null && !given.isNull() && !(given.isTextual() && given.asText().equals(id))) {
            throw IdentityError.badRequest("Cannot change ID");
        }
    }

    /** The attributes of {@code member} not in {@code known}, as JSON object text. */
    public static String extra(JsonNode member, Set<String> known) {
        ObjectNode extra = IdentityJson.object();
        Iterator<Map.Entry<String, JsonNode>> fields = member.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!known.contains(field.getKey())) {
                extra.set(field.getKey(), field.getValue());
            }
        }
        return text(extra);
    }

    /** {@code stored} (JSON object text) with the attributes of {@code member} not in {@code known} set over it. */
    public static String mergeExtra(String stored, JsonNode member, Set<String> known) {
        ObjectNode extra = object(stored);
        extra.setAll((ObjectNode) parse(extra(member, known)));
        return text(extra);
    }

    /** JSON object text as an object ({@code {}} when it is not one). */
    public static ObjectNode object(String json) {
        JsonNode node = parse(json);
        return node instanceof ObjectNode object ? object : IdentityJson.object();
    }

    /** Whether every text in the member is storable (PostgreSQL's text cannot hold U+0000). */
    public static boolean storable(JsonNode node) {
        if (node.isTextual()) {
            return node.asText().indexOf('\0') < 0;
        }
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getKey().indexOf('\0') >= 0 || !storable(field.getValue())) {
                return false;
            }
        }
        for (JsonNode element : node.isArray() ? node : MAPPER.createArrayNode()) {
            if (!storable(element)) {
                return false;
            }
        }
        return true;
    }

    /** Refuses a member PostgreSQL could not store with Keystone's 400 text for bad input. */
    public static void requireStorable(JsonNode member, String what) {
        if (!storable(member)) {
            throw IdentityError.badRequest("Expecting to find valid " + what + " in request body. The server could "
                    + "not comply with the request since it is either malformed or otherwise incorrect. The client is "
                    + "assumed to be in error.");
        }
    }

    /** Whether {@code id} (a path segment) can name a stored row at all. */
    public static boolean storableId(String id) {
        return id.indexOf('\0') < 0 && id.length() <= 255;
    }

    private static JsonNode parse(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            return IdentityJson.object();
        }
    }

    private static String text(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
