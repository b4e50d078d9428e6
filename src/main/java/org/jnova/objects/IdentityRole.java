package org.jnova.objects;

/** An Identity v3 role. */
public record IdentityRole(String id, String name) {
}
