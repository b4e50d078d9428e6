package org.jnova.api.openstack.identity.tokens;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jnova.api.openstack.identity.support.IdentityCall;
import org.jnova.api.openstack.identity.support.IdentityJson;
import org.jnova.api.openstack.identity.support.IdentityRoute;
import org.jnova.identity.AuthMethod;
import org.jnova.identity.IdentityApi;
import org.jnova.identity.IdentityError;
import org.jnova.identity.NameOrId;
import org.jnova.identity.RequestedScope;
import org.jnova.identity.Token;
import org.jnova.wsgi.Request;
import org.jnova.wsgi.Response;

/**
 * {@code /v3/auth/tokens}: issue (POST: methods password, token and application_credential;
 * project, domain or system scope), validate (GET, HEAD) and revoke (DELETE).
 */
public final class AuthTokensController {
    private static final String SUBJECT_TOKEN = "X-Subject-Token";
    private static final Set<String> SCOPES = Set.of("project", "domain", "unscoped", "system", "OS-TRUST:trust");
    private static final Set<String> TRUE_WORDS = Set.of("1", "t", "true", "on", "y", "yes");
    private final IdentityApi identity;

    public AuthTokensController(IdentityApi identity) {
        this.identity = requireNonNull(identity, "identity is null");
    }

    /** POST, GET, HEAD and DELETE of {@code /auth/tokens}. */
    public List<IdentityRoute> routes() {
        List<IdentityRoute> routes = new ArrayList<>();
        routes.add(IdentityRoute.post("/auth/tokens", call -> issue(call.request())));
        routes.add(IdentityRoute.get("/auth/tokens", call -> validate(call, "identity:validate_token")));
        routes.add(new IdentityRoute("HEAD", "/auth/tokens", call -> validate(call, "identity:check_token")));
        routes.add(IdentityRoute.delete("/auth/tokens", this::revoke));
        return routes;
    }

    /** POST: 201 with the token in X-Subject-Token and its body, 401 for bad credentials. */
    Response issue(Request request) {
        JsonNode auth = field(IdentityJson.parse(request.body()), "auth", "request body");
        JsonNode identityNode = field(auth, "identity", "auth");
        JsonNode methods = field(identityNode, "methods", "identity");
        if (!methods.isArray() || methods.isEmpty()) {
            throw IdentityError.badRequest(expecting("methods", "identity"));
        }
        RequestedScope scope = scope(auth);
        List<AuthMethod> parsed = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (JsonNode method : methods) {
            String name = method.isTextual() ? method.asText() : "";
            if (!seen.contains(name)) {
                seen.add(name);
                parsed.add(method(name, identityNode));
            }
        }
        Token token = identity.authenticate(parsed, scope);
        Response response = IdentityJson.json(201, TokenView.show(token, !noCatalog(request)));
        response.headers().set(SUBJECT_TOKEN, token.id());
        return response;
    }

    /**
     * GET (and HEAD): 200 with the body of the token in X-Subject-Token; 401 when the
     * caller's own X-Auth-Token is not valid, 403 when Keystone's rule refuses (the caller is
     * neither the token's user nor an admin, reader of the system or service), 404 when the
     * subject token is not valid (with {@code allow_expired}, a token expired within the
     * window still is).
     */
    Response validate(IdentityCall call, String rule) {
        Request request = call.request();
        call.caller();
        boolean allowExpired = call.query("allow_expired").map(v -> TRUE_WORDS.contains(v.toLowerCase(java.util.Locale.ROOT)))
                .orElse(false);
        Token subject = subject(call, allowExpired);
        call.authorize(rule, Map.of("target.token.user_id", subject.user().id()));
        Response response = IdentityJson.json(200, TokenView.show(subject, !noCatalog(request)));
        response.headers().set(SUBJECT_TOKEN, subject.id());
        return response;
    }

    /** DELETE: revokes the token in X-Subject-Token (by its audit id), 204. */
    Response revoke(IdentityCall call) {
        call.caller();
        Token subject = subject(call, false);
        call.authorize("identity:revoke_token", Map.of("target.token.user_id", subject.user().id()));
        identity.revoke(subject);
        return Response.empty(204);
    }

    private Token subject(IdentityCall call, boolean allowExpired) {
        String subjectId = call.request().headers().first(SUBJECT_TOKEN)
                .orElseThrow(() -> IdentityError.notFound("Could not find token: None."));
        return identity.validate(subjectId, allowExpired)
                .orElseThrow(() -> IdentityError.notFound("Could not find token: " + subjectId + "."));
    }

    private static AuthMethod method(String name, JsonNode identityNode) {
        if (!Set.of("password", "token", "application_credential").contains(name)) {
            // Keystone's AuthMethodNotSupported
            throw IdentityError.unauthorized();
        }
        JsonNode payload = field(identityNode, name, "identity");
        return switch (name) {
            case "password" -> {
                JsonNode user = field(payload, "user", "password");
                JsonNode password = user.get("password");
                if (password == null || !password.isTextual()) {
                    throw IdentityError.badRequest(expecting("password", "user"));
                }
                yield new AuthMethod.Password(named(user, "user"), password.asText());
            }
            case "token" -> new AuthMethod.ExistingToken(text(payload, "id")
                    .orElseThrow(() -> IdentityError.badRequest(expecting("id", "token"))));
            default -> applicationCredential(payload);
        };
    }

    /** {@code {"id", "secret"}} or {@code {"name", "user": {"id" | "name", "domain"}, "secret"}}. */
    private static AuthMethod applicationCredential(JsonNode payload) {
        Optional<String> id = text(payload, "id");
        Optional<String> name = id.isPresent() ? Optional.empty() : text(payload, "name");
        if (id.isEmpty() && name.isEmpty()) {
            throw IdentityError.badRequest(expecting("id or name", "application credential"));
        }
        Optional<NameOrId> user = Optional.empty();
        if (name.isPresent()) {
            JsonNode userNode = payload.get("user");
            if (userNode == null || !userNode.isObject()) {
                throw IdentityError.badRequest(expecting("user", "application credential"));
            }
            user = Optional.of(named(userNode, "user"));
        }
        String secret = text(payload, "secret").orElseThrow(IdentityError::unauthorized);
        return new AuthMethod.ApplicationCredential(id, name, user, secret);
    }

    /**
     * The scope: none, {@code "unscoped"}, a project by id or by name with a domain, a domain
     * by id or name, or {@code system}; exactly one of them.
     */
    private static RequestedScope scope(JsonNode auth) {
        JsonNode scope = auth.get("scope");
        if (scope == null || scope.isNull()) {
            return RequestedScope.none();
        }
        if (scope.isTextual() && scope.asText().equals("unscoped")) {
            return RequestedScope.unscoped();
        }
        if (!scope.isObject()) {
            throw IdentityError.badRequest(expecting("project", "scope"));
        }
        long kinds = SCOPES.stream().filter(scope::has).count();
        if (kinds != 1) {
            throw IdentityError.badRequest(expecting("system, project, domain, OS-TRUST:trust or unscoped", "scope"));
        }
        if (scope.has("OS-TRUST:trust")) {
            // trusts are not implemented: Keystone's TrustNotFound becomes 401
            throw IdentityError.unauthorized();
        }
        if (scope.has("unscoped")) {
            return RequestedScope.unscoped();
        }
        if (scope.has("system")) {
            field(scope, "system", "scope");
            return RequestedScope.system();
        }
        if (scope.has("domain")) {
            JsonNode domain = field(scope, "domain", "scope");
            Optional<String> id = text(domain, "id");
            Optional<String> name = id.isPresent() ? Optional.empty() : text(domain, "name");
            if (id.isEmpty() && name.isEmpty()) {
                throw IdentityError.badRequest(expecting("id or name", "domain"));
            }
            return RequestedScope.domain(new NameOrId(id, name, Optional.empty(), Optional.empty()));
        }
        return RequestedScope.project(named(field(scope, "project", "scope"), "project"));
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
