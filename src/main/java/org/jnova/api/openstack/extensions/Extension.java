package org.jnova.api.openstack.extensions;

import java.util.List;

/**
 * An API extension, as nova's old {@code ExtensionDescriptor}: it names itself (listed by
 * {@code GET /extensions}) and may add resources (new URLs) and controller extensions (new
 * {@code POST .../action} handlers on existing resources). Found through
 * {@link java.util.ServiceLoader} ({@code META-INF/services/org.jnova.api.openstack.extensions.Extension})
 * or named in {@code osapi_compute_extension}; needs a public no-argument constructor.
 */
public interface Extension {
    /** The fake namespace nova lists for every extension. */
    String FAKE_NAMESPACE = "http://docs.openstack.org/compute/ext/fake_xml";

    /** CamelCase name, e.g. "Multinic". */
    String name();

    /** Short unique alias, e.g. "os-multinic"; {@code GET /extensions/{alias}} shows it. */
    String alias();

    String description();

    default String namespace() {
        return FAKE_NAMESPACE;
    }

    /** ISO 8601 time of the last change. */
    default String updated() {
        return "2014-12-03T00:00:00Z";
    }

    default List<ResourceExtension> resources() {
        return List.of();
    }

    default List<ControllerExtension> controllerExtensions() {
        return List.of();
    }
}
