package org.jnova.objects;

/** An Identity v3 domain. */
public record IdentityDomain(String id, String name, boolean enabled) {
}
