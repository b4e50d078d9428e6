package org.jnova.api.openstack.identity.applicationcredentials;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jnova.api.openstack.identity.support.IdentityCall;
import org.jnova.api.openstack.identity.support.IdentityInput;
import org.jnova.api.openstack.identity.support.IdentityJson;
import org.jnova.api.openstack.identity.support.IdentityRoute;
import org.jnova.identity.ApplicationCredentialsApi;
import org.jnova.identity.IdentityError;
import org.jnova.objects.IdentityApplicationCredential;
import org.jnova.wsgi.Response;

/** {@code /v3/users/{user_id}/application_credentials}: create, list, show and delete. */
public final class ApplicationCredentialsController {
    private static final String COLLECTION = "/users/{user_id}/application_credentials";
    private static final String MEMBER = COLLECTION + "/{application_credential_id}";
    private static final String BODY = "application_credential";
    private final ApplicationCredentialsApi credentials;

    public ApplicationCredentialsController(ApplicationCredentialsApi credentials) {
        this.credentials = requireNonNull(credentials, "credentials is null");
    }

    public List<IdentityRoute> routes() {
        List<IdentityRoute> routes = new ArrayList<>();
        routes.add(IdentityRoute.post(COLLECTION, this::create));
        routes.addAll(IdentityRoute.getAndHead(COLLECTION, this::list));
        routes.addAll(IdentityRoute.getAndHead(MEMBER, this::show));
        routes.add(IdentityRoute.delete(MEMBER, this::delete));
        return routes;
    }

    /** 201 with the credential and its secret; only the caller may create its own. */
    Response create(IdentityCall call) {
        String userId = call.parameter("user_id");
        call.authorize("identity:create_application_credential", Map.of("user_id", userId));
        JsonNode body = IdentityInput.requiredObject(call.body(), BODY);
        String name = IdentityInput.requiredName(body, BODY, "name");
        ApplicationCredentialsApi.Request request = new ApplicationCredentialsApi.Request(name,
                IdentityInput.optionalText(body, BODY, "description"), IdentityInput.optionalText(body, BODY, "secret"),
                IdentityInput.optionalText(body, BODY, "expires_at").map(ApplicationCredentialsController::expiry),
                roles(body), IdentityInput.optionalBoolean(body, BODY, "unrestricted", false));
        ApplicationCredentialsApi.Created created = credentials.create(call.caller(), userId, request);
        return IdentityJson.json(201, ApplicationCredentialView.member(call, created.credential(),
                Optional.of(created.secret())));
    }

    Response list(IdentityCall call) {
        String userId = call.parameter("user_id");
        call.authorize("identity:list_application_credentials", Map.of("user_id", userId));
        Optional<String> name = call.query("name").filter(n -> n.indexOf('\0') < 0);
        boolean storable = userId.indexOf('\0') < 0 && (call.query("name").isEmpty() || name.isPresent());
        List<IdentityApplicationCredential> found = storable ? credentials.list(userId, name) : List.of();
        return IdentityJson.json(200, ApplicationCredentialView.collection(call, found));
    }

    Response show(IdentityCall call) {
        IdentityApplicationCredential credential = authorized(call, "identity:get_application_credential");
        return IdentityJson.json(200, ApplicationCredentialView.member(call, credential, Optional.empty()));
    }

    Response delete(IdentityCall call) {
        authorized(call, "identity:delete_application_credential");
        credentials.delete(call.caller(), call.parameter("application_credential_id"));
        return Response.empty(204);
    }

    /**
     * Keystone checks ownership against the credential's own user, not the path's, so nobody
     * reaches another user's credential by putting their own id in the path.
     */
    private IdentityApplicationCredential authorized(IdentityCall call, String rule) {
        String id = call.parameter("application_credential_id");
        Optional<IdentityApplicationCredential> credential = id.indexOf('\0') >= 0 ? Optional.empty()
                : credentials.find(id);
        Map<String, Object> target = new HashMap<>();
        target.put("user_id", credential.map(IdentityApplicationCredential::userId)
                .orElse(call.parameter("user_id")));
        target.put("application_credential_id", id);
        call.authorize(rule, target);
        return credential.orElseThrow(() -> ApplicationCredentialsApi.notFound(id));
    }

    /** {@code roles}: a list of {@code {"id"}} or {@code {"name"}}. */
    private static Optional<List<ApplicationCredentialsApi.RoleRef>> roles(JsonNode body) {
        JsonNode roles = body.get("roles");
        if (roles == null) {
            return Optional.empty();
        }
        if (!roles.isArray()) {
            throw IdentityInput.invalid(BODY + "/roles", IdentityInput.python(roles) + " is not of type 'array'");
        }
        List<ApplicationCredentialsApi.RoleRef> refs = new ArrayList<>();
        int index = 0;
        for (JsonNode role : roles) {
            String path = BODY + "/roles/" + index++;
            if (!role.isObject()) {
                throw IdentityInput.invalid(path, IdentityInput.python(role) + " is not of type 'object'");
            }
            Optional<String> id = IdentityInput.optionalText(role, path, "id");
            Optional<String> name = IdentityInput.optionalText(role, path, "name");
            if (id.isEmpty() && name.isEmpty()) {
                throw IdentityInput.invalid(path, IdentityInput.python(role) + " is not valid under any of the given "
                        + "schemas");
            }
            refs.add(new ApplicationCredentialsApi.RoleRef(id, name));
        }
        return Optional.of(refs);
    }

    /** Keystone's parse_expiration_date: ISO 8601, UTC unless an offset is given. */
    private static Instant expiry(String text) {
        String withoutZ = text.endsWith("Z") ? text.substring(0, text.length() - 1) : text;
        try {
            return LocalDateTime.parse(withoutZ).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException again) {
                throw IdentityError.badRequest("Timestamp not in expected format. The server could not comply with the "
                        + "request since it is either malformed or otherwise incorrect. The client is assumed to be "
                        + "in error.");
            }
        }
    }
}
