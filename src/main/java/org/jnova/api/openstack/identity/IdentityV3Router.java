package org.jnova.api.openstack.identity;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.jnova.api.openstack.identity.support.IdentityCall;
import org.jnova.api.openstack.identity.support.IdentityJson;
import org.jnova.api.openstack.identity.support.IdentityPolicy;
import org.jnova.api.openstack.identity.support.IdentityRoute;
import org.jnova.api.openstack.identity.support.IdentityRoutes;
import org.jnova.api.openstack.identity.versions.IdentityVersions;
import org.jnova.identity.IdentityApi;
import org.jnova.identity.IdentityError;
import org.jnova.wsgi.App;
import org.jnova.wsgi.Request;
import org.jnova.wsgi.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keystone's {@code /v3}: its version document and the routes of the resources jnova
 * implements, each handler given an {@link IdentityCall} (path parameters, lazily
 * authenticated caller, Keystone's policy); anything else is Keystone's 404 or 405.
 */
public final class IdentityV3Router implements App {
    private static final Logger LOG = LoggerFactory.getLogger(IdentityV3Router.class);
    private final IdentityRoutes routes;
    private final IdentityApi identity;
    private final IdentityPolicy policy;

    public IdentityV3Router(List<IdentityRoute> routes, IdentityApi identity, IdentityPolicy policy) {
        this.routes = new IdentityRoutes(routes);
        this.identity = requireNonNull(identity, "identity is null");
        this.policy = requireNonNull(policy, "policy is null");
    }

    @Override
    public Response handle(Request request) {
        String path = request.pathInfo();
        try {
            if (path.isEmpty() || path.equals("/")) {
                return version(request);
            }
            return switch (routes.find(request.method(), path)) {
                case IdentityRoutes.Result.Found found -> IdentityVersions.headless(request,
                        found.match().route().handler().handle(
                                new IdentityCall(request, found.match().parameters(), identity, policy)));
                case IdentityRoutes.Result.MethodNotAllowed notAllowed -> methodNotAllowed();
                case IdentityRoutes.Result.NotFound notFound ->
                        IdentityJson.error(404, "Not Found", "The resource could not be found.");
            };
        } catch (IdentityError e) {
            Response response = IdentityJson.error(e);
            if (e.code() == 401) {
                // Keystone names itself to a client it refuses
                response.headers().set("WWW-Authenticate", "Keystone uri=\"" + request.hostUrl() + "\"");
            }
            return IdentityVersions.headless(request, response);
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
