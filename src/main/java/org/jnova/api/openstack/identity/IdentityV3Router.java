package org.jnova.api.openstack.identity;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jnova.api.openstack.identity.support.IdentityJson;
import org.jnova.api.openstack.identity.tokens.AuthTokensController;
import org.jnova.api.openstack.identity.versions.IdentityVersions;
import org.jnova.identity.IdentityError;
import org.jnova.wsgi.App;
import org.jnova.wsgi.Request;
import org.jnova.wsgi.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keystone's {@code /v3}: its version document and the resources jnova implements so far
 * ({@code /v3/auth/tokens}); anything else is Keystone's 404.
 */
public final class IdentityV3Router implements App {
    private static final Logger LOG = LoggerFactory.getLogger(IdentityV3Router.class);
    private final AuthTokensController tokens;

    public IdentityV3Router(AuthTokensController tokens) {
        this.tokens = requireNonNull(tokens, "tokens is null");
    }

    @Override
    public Response handle(Request request) {
        String path = request.pathInfo();
        try {
            if (path.isEmpty() || path.equals("/")) {
                return version(request);
            }
            if (path.equals("/auth/tokens") || path.equals("/auth/tokens/")) {
                return switch (request.method()) {
                    case "POST" -> tokens.issue(request);
                    case "GET" -> tokens.validate(request);
                    case "HEAD" -> IdentityVersions.headless(request, tokens.validate(request));
                    default -> methodNotAllowed();
                };
            }
            return IdentityJson.error(404, "Not Found", "The resource could not be found.");
        } catch (IdentityError e) {
            Response response = IdentityJson.error(e);
            if (e.code() == 401) {
                // Keystone names itself to a client it refuses
                response.headers().set("WWW-Authenticate", "Keystone uri=\"" + request.hostUrl() + "\"");
            }
            return response;
        } catch (RuntimeException e) {
            LOG.error("Unexpected error in {} {}", request.method(), path, e);
            return IdentityJson.error(500, "Internal Server Error",
                    "An unexpected error prevented the server from fulfilling your request.");
        }
    }

    private static Response version(Request request) {
        if (!request.method().equals("GET") && !request.method().equals("HEAD")) {
            return methodNotAllowed();
        }
        ObjectNode body = IdentityJson.object();
        body.set("version", IdentityVersions.v3(request.applicationUrl() + "/"));
        return IdentityVersions.headless(request, IdentityJson.json(200, body));
    }

    private static Response methodNotAllowed() {
        return IdentityJson.error(405, "Method Not Allowed", "The method is not allowed for the requested URL.");
    }
}
