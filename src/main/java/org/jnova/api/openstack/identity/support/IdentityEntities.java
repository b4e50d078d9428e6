package org.jnova.api.openstack.identity.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jnova.utils.JsonMappers;
import org.jnova.wsgi.Request;
import org.jnova.wsgi.Response;

/**
 * What Keystone's resources share: an entity's {@code links}, a collection's {@code links},
 * list filters read as Keystone reads them, the attributes a request adds beyond the known ones
 * ({@code extra}), and policy targets built from an entity.
 */
public final class IdentityEntities {
    /** oslo's strings for false; anything else filters as true. */
    private static final Set<String> FALSE_STRINGS = Set.of("0", "f", "false", "off", "n", "no");

    private IdentityEntities() {
    }

    /** {@code {"<key>": entity}} with the entity's {@code links.self} under {@code /v3/<collection>/<id>}. */
    public static Response member(int status, Request request, String key, String collection, ObjectNode entity) {
        ObjectNode body = IdentityJson.object();
        body.set(key, withLink(request, collection, entity));
        return IdentityJson.json(status, body);
    }

    public static ObjectNode withLink(Request request, String collection, ObjectNode entity) {
        entity.putObject("links").put("self", request.applicationUrl() + "/" + collection + "/"
                + entity.path("id").asText());
        return entity;
    }

    /** {@code {"<collection>": [...], "links": {"self": <this URL>, "previous": null, "next": null}}}. */
    public static Response collection(Request request, String collection, List<ObjectNode> entities) {
        ObjectNode body = IdentityJson.object();
        ArrayNode members = body.putArray(collection);
        for (ObjectNode entity : entities) {
            members.add(withLink(request, collection, entity));
        }
        String query = request.queryString();
        body.putObject("links").put("self", request.applicationUrl() + request.pathInfo()
                + (query == null || query.isEmpty() ? "" : "?" + query)).putNull("previous").putNull("next");
        return IdentityJson.json(200, body);
    }

    /** Whether a list filter's text means true, as Keystone reads boolean filters. */
    public static boolean truth(String value) {
        return !FALSE_STRINGS.contains(value.toLowerCase(Locale.ROOT));
    }

    /** Whether the value passes the optional exact-match filter. */
    public static boolean matches(Optional<String> filter, String value) {
        return filter.isEmpty() || filter.get().equals(value);
    }

    /** Whether the value passes the optional boolean filter. */
    public static boolean matches(Optional<String> filter, boolean value) {
        return filter.isEmpty() || truth(filter.get()) == value;
    }

    /** The given filters' query values, as Keystone adds them to a policy target. */
    public static Map<String, Object> filterTarget(IdentityCall call, String... filters) {
        Map<String, Object> target = new HashMap<>();
        for (String filter : filters) {
            call.query(filter).ifPresent(value -> target.put(filter, value));
        }
        return target;
    }

    /** {@code entity}'s scalar attributes under {@code prefix.}, flat, as Keystone flattens a policy target. */
    public static void putTarget(Map<String, Object> target, String prefix, ObjectNode entity) {
        for (Iterator<Map.Entry<String, JsonNode>> fields = entity.fields(); fields.hasNext();) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode value = field.getValue();
            if (value.isValueNode()) {
                target.put(prefix + "." + field.getKey(), value.isNull() ? null
                        : value.isBoolean() ? (Object) value.asBoolean() : value.asText());
            }
        }
    }

    /** The stored extra attributes (a JSON object's text; null or unreadable: none). */
    public static ObjectNode extra(String text) {
        if (text == null || text.isEmpty()) {
            return IdentityJson.object();
        }
        try {
            JsonNode node = JsonMappers.standard().readTree(text);
            return node != null && node.isObject() ? (ObjectNode) node : IdentityJson.object();
        } catch (IOException e) {
            return IdentityJson.object();
        }
    }

    /** {@code stored} extra attributes updated with those of {@code body} that are not {@code known}. */
    public static String mergeExtra(String stored, JsonNode body, Set<String> known) {
        ObjectNode extra = extra(stored);
        for (Iterator<Map.Entry<String, JsonNode>> fields = body.fields(); fields.hasNext();) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!known.contains(field.getKey())) {
                extra.set(field.getKey(), field.getValue());
            }
        }
        return extra.toString();
    }

    /** The text of a present string property (null for a JSON null), or the fallback when absent. */
    public static String text(JsonNode object, String field, String fallback) {
        JsonNode value = object.get(field);
        return value == null ? fallback : value.isNull() ? null : value.asText();
    }

    /** A present boolean property, or the fallback. */
    public static boolean bool(JsonNode object, String field, boolean fallback) {
        JsonNode value = object.get(field);
        return value == null ? fallback : value.asBoolean();
    }

    /** A present tag list, or the fallback. */
    public static List<String> tags(JsonNode object, String field, List<String> fallback) {
        JsonNode value = object.get(field);
        if (value == null) {
            return fallback;
        }
        List<String> tags = new java.util.ArrayList<>();
        value.forEach(tag -> tags.add(tag.asText()));
        return tags;
    }

    /** Python's {@code str.strip()}: white space off both ends. */
    public static String strip(String text) {
        return text == null ? null : text.strip();
    }
}
