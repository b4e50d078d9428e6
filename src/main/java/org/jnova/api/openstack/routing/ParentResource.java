package org.jnova.api.openstack.routing;

import java.util.Objects;

/**
 * The resource a nested resource lives under, as Routes' {@code parent_resource}:
 * {@code new ParentResource("server", "servers")} puts a collection at
 * {@code /servers/{server_id}/<collection>}.
 */
public record ParentResource(String memberName, String collectionName) {
    public ParentResource {
        Objects.requireNonNull(memberName, "memberName is null");
        Objects.requireNonNull(collectionName, "collectionName is null");
    }
}
