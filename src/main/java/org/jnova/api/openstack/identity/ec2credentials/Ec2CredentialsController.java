package org.jnova.api.openstack.identity.ec2credentials;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jnova.api.openstack.identity.support.IdentityCall;
import org.jnova.api.openstack.identity.support.IdentityJson;
import org.jnova.api.openstack.identity.support.IdentityRoute;
import org.jnova.identity.Ec2CredentialsApi;
import org.jnova.identity.IdentityError;
import org.jnova.objects.IdentityCredential;
import org.jnova.wsgi.Response;

/** {@code /v3/users/{user_id}/credentials/OS-EC2}: create, list, show and delete EC2 credentials. */
public final class Ec2CredentialsController {
    private static final String COLLECTION = "/users/{user_id}/credentials/OS-EC2";
    private static final String MEMBER = COLLECTION + "/{credential_id}";
    private final Ec2CredentialsApi credentials;

    public Ec2CredentialsController(Ec2CredentialsApi credentials) {
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

    /** 201 with the new access key and secret for {@code tenant_id}. */
    Response create(IdentityCall call) {
        String userId = call.parameter("user_id");
        call.authorize("identity:ec2_create_credential", Map.of("user_id", userId, "target.credential.user_id",
                userId));
        JsonNode tenant = call.body().get("tenant_id");
        Optional<String> tenantId = tenant != null && tenant.isTextual() && tenant.asText().indexOf('\0') < 0
                ? Optional.of(tenant.asText()) : Optional.empty();
        if (tenant != null && !tenant.isNull() && tenantId.isEmpty()) {
            throw IdentityError.notFound("Could not find project: " + pythonText(tenant) + ".");
        }
        return IdentityJson.json(201, member(call, credentials.create(call.caller(), userId, tenantId)));
    }

    /**
     * Keystone's new rule needs {@code target.credential.user_id}, which a list has not; its
     * deprecated {@code admin_or_owner}, still in force, lets the user list their own.
     */
    Response list(IdentityCall call) {
        String userId = call.parameter("user_id");
        call.authorize("identity:ec2_list_credentials", Map.of("user_id", userId));
        ObjectNode root = IdentityJson.object();
        ArrayNode items = root.putArray("credentials");
        for (Ec2CredentialsApi.Ec2Credential credential : credentials.list(userId)) {
            fill(items.addObject(), call, credential);
        }
        root.putObject("links").put("self", call.request().applicationUrl() + "/users/" + userId
                + "/credentials/OS-EC2").putNull("previous").putNull("next");
        return IdentityJson.json(200, root);
    }

    Response show(IdentityCall call) {
        IdentityCredential stored = authorized(call, "identity:ec2_get_credential");
        return IdentityJson.json(200, member(call, credentials.show(call.parameter("user_id"), stored)));
    }

    Response delete(IdentityCall call) {
        IdentityCredential stored = authorized(call, "identity:ec2_delete_credential");
        credentials.delete(call.parameter("user_id"), stored);
        return Response.empty(204);
    }

    /** The stored credential (404 before the policy, as Keystone builds its target from it), then the rule. */
    private IdentityCredential authorized(IdentityCall call, String rule) {
        call.caller();
        IdentityCredential stored = credentials.stored(call.parameter("credential_id"));
        Map<String, Object> target = new HashMap<>();
        target.put("user_id", call.parameter("user_id"));
        target.put("credential_id", call.parameter("credential_id"));
        target.put("target.credential.id", stored.id());
        target.put("target.credential.user_id", stored.userId());
        target.put("target.credential.project_id", stored.projectId().orElse(null));
        target.put("target.credential.type", stored.type());
        call.authorize(rule, target);
        return stored;
    }

    private static ObjectNode member(IdentityCall call, Ec2CredentialsApi.Ec2Credential credential) {
        ObjectNode root = IdentityJson.object();
        fill(root.putObject("credential"), call, credential);
        return root;
    }

    private static void fill(ObjectNode body, IdentityCall call, Ec2CredentialsApi.Ec2Credential credential) {
        body.put("user_id", credential.userId()).put("tenant_id", credential.tenantId().orElse(null))
                .put("access", credential.access()).put("secret", credential.secret())
                .put("trust_id", credential.trustId().orElse(null));
        body.putObject("links").put("self", call.request().applicationUrl() + "/users/" + credential.userId()
                + "/credentials/OS-EC2/" + credential.access());
    }

    /** How Keystone's message shows a tenant id that is not a usable string (Python's str of the value). */
    private static String pythonText(JsonNode value) {
        if (value.isBoolean()) {
            return value.asBoolean() ? "True" : "False";
        }
        String text = value.isTextual() ? value.asText().replace('\0', '?') : value.toString();
        return text.length() > 64 ? text.substring(0, 64) + "..." : text;
    }
}
