package org.jnova.objects;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A user's application credential: a named secret (stored hashed) that authenticates as the
 * user on one project with a subset of the user's roles there, until it expires.
 */
public record IdentityApplicationCredential(String id, String name, Optional<String> description, String userId,
        String projectId, Optional<Instant> expiresAt, boolean unrestricted, String secretHash,
        List<IdentityRole> roles) {
    public IdentityApplicationCredential {
        roles = List.copyOf(roles);
    }
}
