package org.jnova.api.openstack.identity.support;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jnova.identity.IdentityApi;
import org.jnova.identity.IdentityError;
import org.jnova.identity.Token;
import org.jnova.wsgi.Request;

/**
 * One request to a matched Identity v3 route: the request, its path parameters, and the
 * caller, authenticated by its {@code X-Auth-Token} when a handler first asks for it (so
 * routes that need no token, such as issuing one, never validate).
 */
public final class IdentityCall {
    private final Request request;
    private final Map<String, String> parameters;
    private final IdentityApi identity;
    private final IdentityPolicy policy;
    private Token caller;

    public IdentityCall(Request request, Map<String, String> parameters, IdentityApi identity, IdentityPolicy policy) {
        this.request = requireNonNull(request, "request is null");
        this.parameters = Map.copyOf(parameters);
        this.identity = requireNonNull(identity, "identity is null");
        this.policy = requireNonNull(policy, "policy is null");
    }

    public Request request() {
        return request;
    }

    /** The value of the route's {@code {name}} segment. */
    public String parameter(String name) {
        String value = parameters.get(name);
        if (value == null) {
            throw new IllegalArgumentException("The route has no parameter " + name);
        }
        return value;
    }

    /** The query parameter's first value, if given. */
    public Optional<String> query(String name) {
        List<String> values = request.queryParams().get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** The request body, a JSON object; Keystone's 400 otherwise. */
    public JsonNode body() {
        return IdentityJson.parse(request.body());
    }

    /** The caller's token; Keystone's 401 when {@code X-Auth-Token} is missing or not valid. */
    public Token caller() {
        if (caller == null) {
            caller = request.headers().first("X-Auth-Token").flatMap(identity::validate)
                    .orElseThrow(IdentityError::unauthorized);
        }
        return caller;
    }

    /** Authenticates the caller, then refuses with Keystone's 403 unless it passes {@code rule}. */
    public void authorize(String rule, Map<String, Object> target) {
        policy.authorize(caller(), rule, target);
    }

    /** Whether the authenticated caller passes {@code rule} on {@code target}, without refusing. */
    public boolean allowed(String rule, Map<String, Object> target) {
        return policy.allowed(caller(), rule, target);
    }
}
