package org.jnova.api.openstack.identity.versions;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jnova.api.openstack.identity.support.IdentityJson;
import org.jnova.wsgi.App;
import org.jnova.wsgi.Request;
import org.jnova.wsgi.Response;

/**
 * Keystone's version documents: at {@code /} the list of versions (300 Multiple Choices), at
 * {@code /v3} the v3 document (200). Only v3 exists, as in Keystone since Queens.
 */
public final class IdentityVersions implements App {
    static final String VERSION = "v3.14";
    static final String UPDATED = "2020-04-07T00:00:00Z";

    @Override
    public Response handle(Request request) {
        if (!request.pathInfo().isEmpty() && !request.pathInfo().equals("/")) {
            return IdentityJson.error(404, "Not Found", "The resource could not be found.");
        }
        if (!request.method().equals("GET") && !request.method().equals("HEAD")) {
            return IdentityJson.error(405, "Method Not Allowed", "The method is not allowed for the requested URL.");
        }
        ObjectNode body = IdentityJson.object();
        body.putObject("versions").putArray("values").add(v3(request.applicationUrl() + "/v3/"));
        return headless(request, IdentityJson.json(300, body));
    }

    /** The v3 document, whose self link is {@code href}. */
    public static ObjectNode v3(String href) {
        ObjectNode version = IdentityJson.object().put("id", VERSION).put("status", "stable").put("updated", UPDATED);
        version.putArray("links").addObject().put("rel", "self").put("href", href);
        version.putArray("media-types").addObject().put("base", "application/json")
                .put("type", "application/vnd.openstack.identity-v3+json");
        return version;
    }

    public static Response headless(Request request, Response response) {
        if (request.method().equals("HEAD")) {
            response.setBody(new byte[0]);
        }
        return response;
    }
}
