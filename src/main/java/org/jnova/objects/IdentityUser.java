package org.jnova.objects;

/** An Identity v3 user of a domain, with its password hash (null: cannot authenticate by password). */
public record IdentityUser(String id, String name, String domainId, boolean enabled, String passwordHash) {
}
