package org.jnova.api.openstack.identity.projects;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.jnova.api.openstack.identity.support.IdentityEntities;
import org.jnova.objects.IdentityDomainDetails;
import org.jnova.objects.IdentityProjectDetails;

/**
 * Keystone's project: its extra attributes, then id, name, domain_id, description, enabled,
 * parent_id, is_domain, tags and options; a domain shown as the project acting as it.
 */
public final class ProjectView {
    private ProjectView() {
    }

    public static ObjectNode of(IdentityProjectDetails project) {
        ObjectNode entity = IdentityEntities.extra(project.extra());
        entity.put("id", project.id()).put("name", project.name()).put("domain_id", project.domainId())
                .put("description", project.description()).put("enabled", project.enabled())
                .put("parent_id", project.parentId()).put("is_domain", false);
        return tagsAndOptions(entity, project.tags());
    }

    /** A domain as Keystone keeps it: a project acting as a domain, with no domain or parent. */
    public static ObjectNode ofDomain(IdentityDomainDetails domain) {
        ObjectNode entity = IdentityEntities.extra(domain.extra());
        entity.put("id", domain.id()).put("name", domain.name()).putNull("domain_id")
                .put("description", domain.description()).put("enabled", domain.enabled()).putNull("parent_id")
                .put("is_domain", true);
        return tagsAndOptions(entity, domain.tags());
    }

    private static ObjectNode tagsAndOptions(ObjectNode entity, List<String> tags) {
        ArrayNode list = entity.putArray("tags");
        tags.forEach(list::add);
        entity.putObject("options");
        return entity;
    }
}
