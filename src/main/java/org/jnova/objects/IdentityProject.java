package org.jnova.objects;

/** An Identity v3 project, owned by a domain. */
public record IdentityProject(String id, String name, String domainId, boolean enabled) {
}
