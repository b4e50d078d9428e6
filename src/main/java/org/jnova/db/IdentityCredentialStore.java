package org.jnova.db;

import static java.util.Objects.requireNonNull;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jnova.objects.IdentityCredential;

/** Keystone's credential table (EC2 credentials among them) in the API database. */
public final class IdentityCredentialStore {
    private final Database db;

    public IdentityCredentialStore(Database db) {
        this.db = requireNonNull(db, "db is null");
    }

    public void insert(IdentityCredential credential) {
        db.inTransaction(tx -> tx.update("INSERT INTO identity_credentials (id, user_id, project_id, type, "
                + "credential_blob, created_at) VALUES (?, ?, ?, ?, ?, ?)", credential.id(), credential.userId(),
                credential.projectId().orElse(null), credential.type(), credential.blob(), FlavorJson.now()));
    }

    /** Writes {@code replacement} as the credential's blob if it still holds {@code expected}; false when not. */
    public boolean replaceBlob(String id, String expected, String replacement) {
        return db.inTransaction(tx -> tx.update("UPDATE identity_credentials SET credential_blob = ? WHERE id = ? "
                + "AND credential_blob = ?", replacement, id, expected) > 0);
    }

    public Optional<IdentityCredential> byId(String id) {
        return db.read(tx -> tx.queryOne("SELECT id, user_id, project_id, type, credential_blob FROM "
                + "identity_credentials WHERE id = ?", IdentityCredentialStore::credential, id));
    }

    /** Every credential, of every type. */
    public List<IdentityCredential> all() {
        return db.read(tx -> tx.query("SELECT id, user_id, project_id, type, credential_blob FROM identity_credentials "
                + "ORDER BY id", IdentityCredentialStore::credential));
    }

    public List<IdentityCredential> forUser(String userId, String type) {
        return db.read(tx -> tx.query("SELECT id, user_id, project_id, type, credential_blob FROM identity_credentials "
                + "WHERE user_id = ? AND type = ? ORDER BY created_at, id", IdentityCredentialStore::credential, userId,
                type));
    }

    public boolean delete(String id) {
        return db.inTransaction(tx -> tx.update("DELETE FROM identity_credentials WHERE id = ?", id) > 0);
    }

    private static IdentityCredential credential(Row r) throws SQLException {
        return new IdentityCredential(r.getString("id"), r.getString("user_id"),
                Optional.ofNullable(r.getString("project_id")), r.getString("type"), r.getString("credential_blob"));
    }
}
