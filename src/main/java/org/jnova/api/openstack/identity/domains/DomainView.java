package org.jnova.api.openstack.identity.domains;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jnova.api.openstack.identity.support.IdentityEntities;
import org.jnova.objects.IdentityDomainDetails;

/** Keystone's domain: its extra attributes, then id, name, description, enabled, tags and options. */
public final class DomainView {
    private DomainView() {
    }

    public static ObjectNode of(IdentityDomainDetails domain) {
        ObjectNode entity = IdentityEntities.extra(domain.extra());
        entity.put("id", domain.id()).put("name", domain.name()).put("description", domain.description())
                .put("enabled", domain.enabled());
        ArrayNode tags = entity.putArray("tags");
        domain.tags().forEach(tags::add);
        entity.putObject("options");
        return entity;
    }
}
