package org.jnova.identity;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.jnova.db.IdentityRevocationStore;
import org.jnova.objects.IdentityRevocationEvent;

/**
 * Keystone's revoke API: events by audit id (one token), by audit chain (a token and every
 * token rescoped from it) or by user (a password change, a disabled user); events older than a
 * token's lifetime and Keystone's 30-minute expiration buffer are pruned as new ones are
 * recorded, since no token they could match is still valid by then.
 */
public final class TokenRevocations {
    private static final Duration EXPIRATION_BUFFER = Duration.ofMinutes(30);
    private final IdentityRevocationStore store;
    private final Duration lifetime;
    private final Clock clock;

    public TokenRevocations(IdentityRevocationStore store, Duration lifetime, Clock clock) {
        this.store = requireNonNull(store, "store is null");
        this.lifetime = requireNonNull(lifetime, "lifetime is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    public void revokeAuditId(String auditId) {
        record(Optional.empty(), Optional.of(auditId), Optional.empty());
    }

    public void revokeAuditChain(String auditChainId) {
        record(Optional.empty(), Optional.empty(), Optional.of(auditChainId));
    }

    /** Every token of the user issued until now. */
    public void revokeUser(String userId) {
        record(Optional.of(userId), Optional.empty(), Optional.empty());
    }

    boolean revoked(Token token) {
        return store.revoked(token.user().id(), token.project().map(p -> p.id()), token.auditId(),
                token.auditChainId(), token.issuedAt());
    }

    private void record(Optional<String> userId, Optional<String> auditId, Optional<String> auditChainId) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        store.revoke(new IdentityRevocationEvent(userId, Optional.empty(), auditId, auditChainId, now, now),
                now.minus(lifetime).minus(EXPIRATION_BUFFER));
    }
}
