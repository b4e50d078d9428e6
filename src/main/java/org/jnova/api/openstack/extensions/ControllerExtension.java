package org.jnova.api.openstack.extensions;

import java.util.Objects;

/**
 * Body actions ({@code @Action} methods) an extension adds to an existing resource, named by
 * its collection ("servers"), as nova's {@code ControllerExtension}.
 */
public record ControllerExtension(String collection, Object controller) {
    public ControllerExtension {
        Objects.requireNonNull(collection, "collection is null");
        Objects.requireNonNull(controller, "controller is null");
    }
}
