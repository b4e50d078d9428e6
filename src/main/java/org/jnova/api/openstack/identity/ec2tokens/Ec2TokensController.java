package org.jnova.api.openstack.identity.ec2tokens;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jnova.api.openstack.identity.support.IdentityCall;
import org.jnova.api.openstack.identity.support.IdentityJson;
import org.jnova.api.openstack.identity.support.IdentityRoute;
import org.jnova.api.openstack.identity.tokens.TokenView;
import org.jnova.identity.Ec2CredentialsApi;
import org.jnova.identity.Ec2Signer;
import org.jnova.identity.IdentityError;
import org.jnova.identity.Token;
import org.jnova.wsgi.Response;

/**
 * {@code POST /v3/ec2tokens}: an EC2 API (authenticated as a service or an admin) forwards a
 * signed request's access key, signature and signed parts; a good signature gets a token for the
 * credential's project (200, X-Subject-Token and the token body). GET is Keystone's 405.
 */
public final class Ec2TokensController {
    private final Ec2CredentialsApi credentials;

    public Ec2TokensController(Ec2CredentialsApi credentials) {
        this.credentials = requireNonNull(credentials, "credentials is null");
    }

    public List<IdentityRoute> routes() {
        List<IdentityRoute> routes = new ArrayList<>();
        routes.add(IdentityRoute.post("/ec2tokens", this::authenticate));
        return routes;
    }

    Response authenticate(IdentityCall call) {
        call.authorize("identity:ec2tokens_validate", Map.of());
        JsonNode body = call.body();
        if (body.isEmpty()) {
            throw IdentityError.badRequest("request must include a request body");
        }
        JsonNode given = firstPresent(body, "credentials", "credential", "ec2Credentials");
        if (!given.isObject() || !given.path("access").isTextual()) {
            throw IdentityError.unauthorized();
        }
        Ec2Signer.SignedRequest request = new Ec2Signer.SignedRequest(text(given, "host"), text(given, "verb"),
                text(given, "path"), strings(given.get("params")), strings(given.get("headers")),
                Optional.ofNullable(text(given, "body_hash")));
        Token token = credentials.authenticate(Ec2CredentialsApi.Ec2Auth.of(given.get("access").asText(),
                Optional.ofNullable(text(given, "signature")), request));
        Response response = IdentityJson.json(200, TokenView.show(token, true));
        response.headers().set("X-Subject-Token", token.id());
        return response;
    }

    /** Keystone takes the first of these that is present and not empty. */
    private static JsonNode firstPresent(JsonNode body, String... names) {
        for (String name : names) {
            JsonNode value = body.get(name);
            if (value != null && !value.isNull() && !(value.isContainerNode() && value.isEmpty())
                    && !(value.isTextual() && value.asText().isEmpty())) {
                return value;
            }
        }
        return IdentityJson.object();
    }

    private static String text(JsonNode node, String name) {
        JsonNode value = node.get(name);
        return value != null && value.isTextual() ? value.asText() : null;
    }

    /** A JSON object of strings; a request whose parts are not strings cannot carry a valid signature. */
    private static Map<String, String> strings(JsonNode node) {
        Map<String, String> values = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return values;
        }
        if (!node.isObject()) {
            throw IdentityError.unauthorized();
        }
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            if (!field.getValue().isTextual()) {
                throw IdentityError.unauthorized();
            }
            values.put(field.getKey(), field.getValue().asText());
        }
        return values;
    }
}
