package org.jnova.db;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;
import org.jnova.objects.IdentityRevocationEvent;

/** Keystone's revocation events in the API database, shared by every node that validates tokens. */
public final class IdentityRevocationStore {
    private final Database db;

    public IdentityRevocationStore(Database db) {
        this.db = requireNonNull(db, "db is null");
    }

    /** Records {@code event} and, in the same transaction, drops events revoked before {@code pruneBefore}. */
    public void revoke(IdentityRevocationEvent event, Instant pruneBefore) {
        db.inTransaction(tx -> {
            tx.update("DELETE FROM identity_revocation_events WHERE revoked_at < ?", pruneBefore);
            return tx.insert("INSERT INTO identity_revocation_events (user_id, project_id, audit_id, audit_chain_id, "
                    + "issued_before, revoked_at) VALUES (?, ?, ?, ?, ?, ?)", event.userId().orElse(null),
                    event.projectId().orElse(null), event.auditId().orElse(null), event.auditChainId().orElse(null),
                    event.issuedBefore(), event.revokedAt());
        });
    }

    /**
     * Whether an event revokes a token of {@code userId} on {@code projectId} (empty: not
     * project-scoped) with {@code auditId} in the chain {@code auditChainId}, issued at
     * {@code issuedAt}: an event matches when it was recorded for tokens issued up to then and
     * each attribute it sets equals the token's.
     */
    public boolean revoked(String userId, Optional<String> projectId, String auditId, String auditChainId,
            Instant issuedAt) {
        return db.read(tx -> tx.count("SELECT COUNT(*) FROM identity_revocation_events WHERE issued_before >= ? "
                + "AND (user_id IS NULL OR user_id = ?) AND (project_id IS NULL OR project_id = ?) "
                + "AND (audit_id IS NULL OR audit_id = ?) AND (audit_chain_id IS NULL OR audit_chain_id = ?)",
                issuedAt, userId, projectId.orElse(""), auditId, auditChainId) > 0);
    }
}
