package org.jnova.api.openstack.identity.groups;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jnova.api.openstack.identity.support.IdentityJson;
import org.jnova.api.openstack.identity.support.KeystoneBodies;
import org.jnova.api.openstack.identity.support.KeystoneLinks;
import org.jnova.objects.IdentityGroup;
import org.jnova.objects.IdentityUser;
import org.jnova.wsgi.Request;

/** Keystone's group body, and the user body of a group's member list. */
final class GroupView {
    private GroupView() {
    }

    /** {@code {id, domain_id, name, description, links, ...extra}}. */
    static ObjectNode group(Request request, IdentityGroup group) {
        ObjectNode body = KeystoneBodies.object(group.extra());
        body.put("id", group.id()).put("domain_id", group.domainId()).put("name", group.name())
                .put("description", group.description());
        return KeystoneLinks.withSelf(body, request, "groups/" + group.id());
    }

    /** {@code {id, domain_id, name, enabled, password_expires_at, options, links}}. */
    static ObjectNode user(Request request, IdentityUser user) {
        ObjectNode body = IdentityJson.object();
        body.put("id", user.id()).put("domain_id", user.domainId()).put("name", user.name())
                .put("enabled", user.enabled()).putNull("password_expires_at");
        body.putObject("options");
        return KeystoneLinks.withSelf(body, request, "users/" + user.id());
    }
}
