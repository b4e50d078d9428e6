package org.jnova.api.openstack.identity.applicationcredentials;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import org.jnova.api.openstack.identity.support.IdentityCall;
import org.jnova.api.openstack.identity.support.IdentityJson;
import org.jnova.objects.IdentityApplicationCredential;
import org.jnova.objects.IdentityRole;

/** Keystone's application credential body (the secret only on creation; never the user or the hash). */
final class ApplicationCredentialView {
    /** Keystone writes these times as Python's datetime.isoformat with microseconds, no zone. */
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS")
            .withZone(ZoneOffset.UTC);

    private ApplicationCredentialView() {
    }

    static ObjectNode member(IdentityCall call, IdentityApplicationCredential credential, Optional<String> secret) {
        ObjectNode root = IdentityJson.object();
        fill(root.putObject("application_credential"), call, credential, secret);
        return root;
    }

    static ObjectNode collection(IdentityCall call, List<IdentityApplicationCredential> credentials) {
        ObjectNode root = IdentityJson.object();
        ArrayNode items = root.putArray("application_credentials");
        credentials.forEach(c -> fill(items.addObject(), call, c, Optional.empty()));
        root.putObject("links").put("self", call.request().applicationUrl() + "/users/" + call.parameter("user_id")
                + "/application_credentials").putNull("previous").putNull("next");
        return root;
    }

    private static void fill(ObjectNode body, IdentityCall call, IdentityApplicationCredential credential,
            Optional<String> secret) {
        body.put("id", credential.id()).put("name", credential.name())
                .put("description", credential.description().orElse(null))
                .put("expires_at", credential.expiresAt().map(TIME::format).orElse(null))
                .put("project_id", credential.projectId()).put("unrestricted", credential.unrestricted());
        ArrayNode roles = body.putArray("roles");
        for (IdentityRole role : credential.roles()) {
            roles.addObject().put("id", role.id()).put("name", role.name()).putNull("domain_id");
        }
        body.putArray("access_rules");
        secret.ifPresent(s -> body.put("secret", s));
        body.putObject("links").put("self", call.request().applicationUrl() + "/users/" + credential.userId()
                + "/application_credentials/" + credential.id());
    }
}
