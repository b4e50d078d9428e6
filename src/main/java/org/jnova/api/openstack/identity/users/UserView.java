package org.jnova.api.openstack.identity.users;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jnova.api.openstack.identity.support.IdentityEntities;
import org.jnova.objects.IdentityUserDetails;

/**
 * Keystone's user: its extra attributes (description, email...), then id, name, domain_id,
 * enabled, default_project_id when set, password_expires_at (passwords do not expire) and
 * options; never the password.
 */
final class UserView {
    private UserView() {
    }

    static ObjectNode of(IdentityUserDetails user) {
        ObjectNode entity = IdentityEntities.extra(user.extra());
        entity.remove("password");
        entity.put("id", user.id()).put("name", user.name()).put("domain_id", user.domainId())
                .put("enabled", user.enabled());
        if (user.defaultProjectId() != null) {
            entity.put("default_project_id", user.defaultProjectId());
        }
        entity.putNull("password_expires_at");
        entity.putObject("options");
        return entity;
    }
}
