package org.jnova.api.openstack.identity.roles;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jnova.api.openstack.identity.support.IdentityJson;
import org.jnova.api.openstack.identity.support.KeystoneBodies;
import org.jnova.api.openstack.identity.support.KeystoneLinks;
import org.jnova.objects.IdentityRoleEntry;
import org.jnova.wsgi.Request;

/** Keystone's role bodies: the role itself, and the prior/implied pairs of role inferences. */
public final class RoleView {
    private RoleView() {
    }

    /** {@code {id, name, domain_id: null, description, options, links, ...extra}}. */
    public static ObjectNode role(Request request, IdentityRoleEntry role) {
        ObjectNode body = KeystoneBodies.object(role.extra());
        body.put("id", role.id()).put("name", role.name()).putNull("domain_id");
        body.put("description", role.description());
        body.set("options", KeystoneBodies.object(role.options()));
        return KeystoneLinks.withSelf(body, request, "roles/" + role.id());
    }

    /** {@code {id, links, name}} of one side of an inference rule. */
    static ObjectNode brief(Request request, IdentityRoleEntry role) {
        ObjectNode body = IdentityJson.object();
        body.put("id", role.id());
        KeystoneLinks.withSelf(body, request, "roles/" + role.id());
        return body.put("name", role.name());
    }
}
