package org.jnova.api.openstack.identity.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jnova.wsgi.Request;

/**
 * Keystone's links: {@code links.self} of an entity ({@code <base>/v3/roles/<id>}) and of a
 * list (the request's own URL with its query, {@code previous} and {@code next} null).
 */
public final class KeystoneLinks {
    private KeystoneLinks() {
    }

    /** {@code <base>/v3/<path>}. */
    public static String url(Request request, String path) {
        return request.applicationUrl() + "/" + path;
    }

    /** Sets {@code links: {"self": <base>/v3/<path>}} on {@code entity}. */
    public static ObjectNode withSelf(ObjectNode entity, Request request, String path) {
        entity.putObject("links").put("self", url(request, path));
        return entity;
    }

    /** {@code {"<collection>": [...], "links": {"next": null, "self": <request URL>, "previous": null}}}. */
    public static ObjectNode collection(Request request, String collection, Iterable<? extends JsonNode> members) {
        ObjectNode body = IdentityJson.object();
        ArrayNode array = body.putArray(collection);
        members.forEach(array::add);
        String query = request.queryString();
        ObjectNode links = body.putObject("links");
        links.putNull("next");
        links.put("self", request.applicationUrl() + request.pathInfo()
                + (query == null || query.isEmpty() ? "" : "?" + query));
        links.putNull("previous");
        return body;
    }

    /** {@code {"<member>": entity}}. */
    public static ObjectNode member(String member, JsonNode entity) {
        ObjectNode body = IdentityJson.object();
        body.set(member, entity);
        return body;
    }
}
