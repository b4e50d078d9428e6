package org.jnova.objects;

import java.time.Instant;
import java.util.Optional;

/**
 * Keystone's revocation event: tokens issued at or before {@code issuedBefore} that match every
 * attribute the event sets (user, project, audit id, audit chain id) are revoked.
 */
public record IdentityRevocationEvent(Optional<String> userId, Optional<String> projectId, Optional<String> auditId,
        Optional<String> auditChainId, Instant issuedBefore, Instant revokedAt) {
}
