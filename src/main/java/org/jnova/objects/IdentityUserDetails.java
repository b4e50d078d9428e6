package org.jnova.objects;

/**
 * An Identity v3 user with everything its API shows: the default project (null when none) and
 * the attributes a request added beyond the known ones ({@code extra}, a JSON object's text,
 * where Keystone keeps {@code description} and {@code email}); never the password.
 */
public record IdentityUserDetails(String id, String name, String domainId, boolean enabled, String defaultProjectId,
        String extra) {
}
