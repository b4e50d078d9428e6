package org.jnova.api.openstack.identity.tokens;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jnova.api.openstack.identity.support.IdentityCall;
import org.jnova.api.openstack.identity.support.IdentityJson;
import org.jnova.api.openstack.identity.support.IdentityRoute;
import org.jnova.identity.IdentityApi;
import org.jnova.identity.IdentityError;
import org.jnova.identity.NameOrId;
import org.jnova.identity.Token;
import org.jnova.wsgi.Request;
import org.jnova.wsgi.Response;

/** {@code /v3/auth/tokens}: issue (POST, password method) and validate (GET, HEAD). */
public final class AuthTokensController {
    private static final String SUBJECT_TOKEN = "X-Subject-Token";
    private final IdentityApi identity;

    public AuthTokensController(IdentityApi identity) {
        this.identity = requireNonNull(identity, "identity is null");
    }

    /** POST: 201 with the token in X-Subject-Token and its body, 401 for bad credentials. */
    /** POST, GET and HEAD of {@code /auth/tokens}. */
    public List<IdentityRoute> routes() {
        List<IdentityRoute> routes = new ArrayList<>();
        routes.add(IdentityRoute.post("/auth/tokens", call -> issue(call.request())));
        routes.add(IdentityRoute.get("/auth/tokens", call -> validate(call, "identity:validate_token")));
        routes.add(new IdentityRoute("HEAD", "/auth/tokens", call -> validate(call, "identity:check_token")));
        return routes;
    }

    Response issue(Request request) {
        JsonNode auth = field(IdentityJson.parse(request.body()), "auth", "request body");
        JsonNode identityNode = field(auth, "identity", "auth");
        JsonNode methods = field(identityNode, "methods", "identity");
        if (!methods.isArray() || methods.isEmpty()) {
            throw IdentityError.badRequest(expecting("methods", "identity"));
        }
        for (JsonNode method : methods) {
            if (!"password".equals(method.asText())) {
                throw IdentityError.unauthorized();
            }
        }
        JsonNode user = field(field(identityNode, "password", "identity"), "user", "password");
        JsonNode password = user.get("password");
        if (password == null || !password.isTextual()) {
            throw IdentityError.badRequest(expecting("password", "user"));
        }
        Token token = identity.authenticateWithPassword(named(user, "user"), password.asText(), scope(auth));
        Response response = IdentityJson.json(201, TokenView.show(token, !noCatalog(request)));
        response.headers().set(SUBJECT_TOKEN, token.id());
        return response;
    }

    /**
     * GET (and HEAD): 200 with the body of the token in X-Subject-Token; 401 when the
     * caller's own X-Auth-Token is not valid, 403 when Keystone's rule refuses (the caller is
     * neither the token's user nor an admin, reader of the system or service), 404 when the
     * subject token is not valid.
     */
    Response validate(IdentityCall call, String rule) {
        Request request = call.request();
        call.caller();
        String subjectId = request.headers().first(SUBJECT_TOKEN)
                .orElseThrow(() -> IdentityError.notFound("Could not find token: None."));
        Token subject = identity.validate(subjectId)
                .orElseThrow(() -> IdentityError.notFound("Could not find token: " + subjectId + "."));
        call.authorize(rule, Map.of("target.token.user_id", subject.user().id()));
        Response response = IdentityJson.json(200, TokenView.show(subject, !noCatalog(request)));
        response.headers().set(SUBJECT_TOKEN, subject.id());
        return response;
    }

    /** The project scope, if any: {@code scope.project} by id, or by name with a domain. */
    private static Optional<NameOrId> scope(JsonNode auth) {
        JsonNode scope = auth.get("scope");
        if (scope == null || scope.isNull() || (scope.isTextual() && scope.asText().equals("unscoped"))) {
            return Optional.empty();
        }
        if (!scope.isObject()) {
            throw IdentityError.badRequest(expecting("project", "scope"));
        }
        if (scope.has("domain") || scope.has("system") || scope.has("OS-TRUST:trust")) {
            throw IdentityError.unauthorized();
        }
        return Optional.of(named(field(scope, "project", "scope"), "project"));
    }

    /** {@code {"id": ...}} or {@code {"name": ..., "domain": {"id" | "name": ...}}}. */
    private static NameOrId named(JsonNode node, String what) {
        Optional<String> id = text(node, "id");
        if (id.isPresent()) {
            return new NameOrId(id, Optional.empty(), Optional.empty(), Optional.empty());
        }
        Optional<String> name = text(node, "name");
        if (name.isEmpty()) {
            throw IdentityError.badRequest(expecting("id or name", what));
        }
        JsonNode domain = node.get("domain");
        if (domain == null || !domain.isObject()) {
            throw IdentityError.badRequest(expecting("domain", what));
        }
        Optional<String> domainId = text(domain, "id");
        Optional<String> domainName = domainId.isPresent() ? Optional.empty() : text(domain, "name");
        if (domainId.isEmpty() && domainName.isEmpty()) {
            throw IdentityError.badRequest(expecting("id or name", "domain"));
        }
        return new NameOrId(Optional.empty(), name, domainId, domainName);
    }

    private static Optional<String> text(JsonNode node, String name) {
        JsonNode value = node.get(name);
        return value != null && value.isTextual() ? Optional.of(value.asText()) : Optional.empty();
    }

    private static JsonNode field(JsonNode node, String name, String target) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull() || (!value.isObject() && !value.isArray())) {
            throw IdentityError.badRequest(expecting(name, target));
        }
        return value;
    }

    /** Keystone's ValidationError text. */
    private static String expecting(String attribute, String target) {
        return "Expecting to find " + attribute + " in " + target + ". The server could not comply with the request "
                + "since it is either malformed or otherwise incorrect. The client is assumed to be in error.";
    }

    private static boolean noCatalog(Request request) {
        return request.queryParams().containsKey("nocatalog");
    }
}
