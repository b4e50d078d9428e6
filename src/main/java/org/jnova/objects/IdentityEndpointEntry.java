package org.jnova.objects;

/** A catalog endpoint as the endpoints API shows it; {@code regionId} may be null. */
public record IdentityEndpointEntry(String id, String serviceId, String interfaceName, String regionId, String url,
        boolean enabled, String extra) {
}
