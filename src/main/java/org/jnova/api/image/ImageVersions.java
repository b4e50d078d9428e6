package org.jnova.api.image;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jnova.utils.JsonMappers;
import org.jnova.wsgi.App;
import org.jnova.wsgi.Request;
import org.jnova.wsgi.Response;

/**
 * The Image API's version document as glance serves it with its default configuration (no
 * image cache, no multiple stores): 200 at {@code /versions}, 300 Multiple Choices anywhere
 * else under the root.
 */
public final class ImageVersions implements App {
    public static final String PASTE_FACTORY = "glance.api.versions:create_resource";
    private static final ObjectMapper JSON = JsonMappers.standard();
    private static final String[][] VERSIONS = {{"2.15", "SUPPORTED"}, {"2.9", "SUPPORTED"}, {"2.17", "CURRENT"},
        {"2.7", "SUPPORTED"}, {"2.6", "SUPPORTED"}, {"2.5", "SUPPORTED"}, {"2.4", "SUPPORTED"},
        {"2.3", "SUPPORTED"}, {"2.2", "SUPPORTED"}, {"2.1", "SUPPORTED"}, {"2.0", "SUPPORTED"}};

    @Override
    public Response handle(Request request) throws Exception {
        boolean explicit = "/versions".equals(request.pathInfo()) || "/versions/".equals(request.pathInfo());
        String href = request.applicationUrl().replaceAll("/+$", "") + "/v2/";
        ObjectNode body = JSON.createObjectNode();
        ArrayNode versions = body.putArray("versions");
        for (String[] version : VERSIONS) {
            ObjectNode v = versions.addObject();
            v.put("id", "v" + version[0]);
            v.put("status", version[1]);
            v.putArray("links").addObject().put("rel", "self").put("href", href);
        }
        return Response.json(explicit ? 200 : 300, JSON.writeValueAsBytes(body));
    }
}
