package org.jnova.db;

import static java.util.Objects.requireNonNull;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jnova.objects.IdentityUserDetails;

/** Identity v3 users in the API database, names unique per domain; password hashes stay inside. */
public final class IdentityUserStore {
    private static final String COLUMNS = "id, name, domain_id, enabled, default_project_id, extra";
    private final Database db;

    public IdentityUserStore(Database db) {
        this.db = requireNonNull(db, "db is null");
    }

    /** Every user, by domain and name. */
    public List<IdentityUserDetails> list() {
        return db.read(tx -> tx.query("SELECT " + COLUMNS + " FROM identity_users ORDER BY domain_id, name",
                IdentityUserStore::user));
    }

    public Optional<IdentityUserDetails> byId(String id) {
        return db.read(tx -> tx.queryOne("SELECT " + COLUMNS + " FROM identity_users WHERE id = ?",
                IdentityUserStore::user, id));
    }

    /** Adds the user with the password hash (null: none); false, adding nothing, when the name is taken. */
    public boolean insert(IdentityUserDetails user, String passwordHash) {
        try {
            return db.inTransaction(tx -> {
                if (taken(tx, user)) {
                    return false;
                }
                tx.update("INSERT INTO identity_users (id, name, domain_id, password_hash, enabled, "
                        + "default_project_id, extra, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", user.id(),
                        user.name(), user.domainId(), passwordHash, user.enabled(), user.defaultProjectId(),
                        user.extra(), FlavorJson.now());
                return true;
            });
        } catch (DuplicateEntry e) {
            // the unique index kept a concurrent create of the same name
            if (db.read(tx -> taken(tx, user))) {
                return false;
            }
            throw e;
        }
    }

    private static boolean taken(Tx tx, IdentityUserDetails user) throws SQLException {
        return tx.count("SELECT COUNT(*) FROM identity_users WHERE (domain_id = ? AND name = ?) OR id = ?",
                user.domainId(), user.name(), user.id()) > 0;
    }

    /**
     * Writes name, enabled, default project and extra, and when {@code setPassword} the password
     * hash (null: none); false, changing nothing, when another user of the domain has the name.
     */
    public boolean update(IdentityUserDetails user, boolean setPassword, String passwordHash) {
        return db.inTransaction(tx -> {
            if (tx.count("SELECT COUNT(*) FROM identity_users WHERE domain_id = ? AND name = ? AND id <> ?",
                    user.domainId(), user.name(), user.id()) > 0) {
                return false;
            }
            tx.update("UPDATE identity_users SET name = ?, enabled = ?, default_project_id = ?, extra = ? WHERE id = ?",
                    user.name(), user.enabled(), user.defaultProjectId(), user.extra(), user.id());
            if (setPassword) {
                tx.update("UPDATE identity_users SET password_hash = ? WHERE id = ?", passwordHash, user.id());
            }
            return true;
        });
    }

    /** Deletes the user and its role assignments. */
    public void delete(String userId) {
        db.inTransaction(tx -> {
            tx.update("DELETE FROM identity_assignments WHERE actor_id = ?", userId);
            return tx.update("DELETE FROM identity_users WHERE id = ?", userId);
        });
    }

    private static IdentityUserDetails user(Row r) throws SQLException {
        return new IdentityUserDetails(r.getString("id"), r.getString("name"), r.getString("domain_id"),
                r.getBoolean("enabled"), r.getString("default_project_id"), r.getString("extra"));
    }
}
