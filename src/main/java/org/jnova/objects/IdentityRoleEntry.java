package org.jnova.objects;

/**
 * An Identity v3 role as its API shows it: name, description (null when none), its options
 * and any further attributes a client gave, both as JSON object text ({@code "{}"} when none).
 * Roles here are global (Keystone's {@code domain_id} null).
 */
public record IdentityRoleEntry(String id, String name, String description, String options, String extra) {
    public IdentityRole role() {
        return new IdentityRole(id, name);
    }
}
