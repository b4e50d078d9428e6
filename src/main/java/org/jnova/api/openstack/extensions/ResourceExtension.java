package org.jnova.api.openstack.extensions;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jnova.api.openstack.routing.ParentResource;

/**
 * A new resource an extension adds, as nova's {@code ResourceExtension}: routes as
 * {@code mapper.resource(collection, collection, ...)} makes them (index, create, show,
 * update, delete, plus the custom collection and member actions, e.g. {"detail": "GET"}),
 * optionally nested under a parent resource.
 */
public record ResourceExtension(String collection, Object controller, Map<String, String> collectionActions,
        Map<String, String> memberActions, Optional<ParentResource> parent) {

    public ResourceExtension {
        Objects.requireNonNull(collection, "collection is null");
        Objects.requireNonNull(controller, "controller is null");
        collectionActions = Map.copyOf(collectionActions);
        memberActions = Map.copyOf(memberActions);
        Objects.requireNonNull(parent, "parent is null");
    }

    /** A top-level collection with the standard actions only. */
    public static ResourceExtension of(String collection, Object controller) {
        return new ResourceExtension(collection, controller, Map.of(), Map.of(), Optional.empty());
    }
}
