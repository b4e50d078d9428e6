package org.jnova.db;

import static java.util.Objects.requireNonNull;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jnova.objects.IdentityApplicationCredential;
import org.jnova.objects.IdentityRole;

/** Application credentials and their roles in the API database. */
public final class IdentityApplicationCredentialStore {
    private static final String COLUMNS = "id, name, description, user_id, project_id, expires_at, unrestricted, "
            + "secret_hash";
    private final Database db;

    public IdentityApplicationCredentialStore(Database db) {
        this.db = requireNonNull(db, "db is null");
    }

    /** Stores {@code credential}; false when the user already has one by that name. */
    public boolean insert(IdentityApplicationCredential credential) {
        try {
            return insertOnce(credential);
        } catch (DuplicateEntry e) {
            // the unique index kept a concurrent create of the same name
            if (db.read(tx -> taken(tx, credential))) {
                return false;
            }
            throw e;
        }
    }

    private static boolean taken(Tx tx, IdentityApplicationCredential credential) throws SQLException {
        return tx.count("SELECT COUNT(*) FROM identity_application_credentials WHERE user_id = ? AND name = ?",
                credential.userId(), credential.name()) > 0;
    }

    private boolean insertOnce(IdentityApplicationCredential credential) {
        return db.inTransaction(tx -> {
            if (taken(tx, credential)) {
                return false;
            }
            tx.update("INSERT INTO identity_application_credentials (" + COLUMNS + ", created_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", credential.id(), credential.name(),
                    credential.description().orElse(null), credential.userId(), credential.projectId(),
                    credential.expiresAt().orElse(null), credential.unrestricted(), credential.secretHash(),
                    FlavorJson.now());
            List<Object[]> roles = new ArrayList<>();
            for (IdentityRole role : credential.roles()) {
                roles.add(new Object[] {credential.id(), role.id()});
            }
            if (!roles.isEmpty()) {
                tx.batch("INSERT INTO identity_application_credential_roles (application_credential_id, role_id) "
                        + "VALUES (?, ?)", roles);
            }
            return true;
        });
    }

    public Optional<IdentityApplicationCredential> byId(String id) {
        return db.read(tx -> tx.queryOne("SELECT " + COLUMNS + " FROM identity_application_credentials WHERE id = ?",
                IdentityApplicationCredentialStore::credential, id).map(c -> withRoles(tx, c)));
    }

    /** The user's credentials, by name; only the one named {@code name} when given. */
    public List<IdentityApplicationCredential> forUser(String userId, Optional<String> name) {
        return db.read(tx -> {
            List<IdentityApplicationCredential> found = name.isPresent()
                    ? tx.query("SELECT " + COLUMNS + " FROM identity_application_credentials WHERE user_id = ? "
                            + "AND name = ? ORDER BY name", IdentityApplicationCredentialStore::credential, userId,
                            name.get())
                    : tx.query("SELECT " + COLUMNS + " FROM identity_application_credentials WHERE user_id = ? "
                            + "ORDER BY name", IdentityApplicationCredentialStore::credential, userId);
            List<IdentityApplicationCredential> out = new ArrayList<>();
            for (IdentityApplicationCredential credential : found) {
                out.add(withRoles(tx, credential));
            }
            return out;
        });
    }

    /** Deletes the credential and its roles; false when there was none. */
    public boolean delete(String id) {
        return db.inTransaction(tx -> {
            tx.update("DELETE FROM identity_application_credential_roles WHERE application_credential_id = ?", id);
            return tx.update("DELETE FROM identity_application_credentials WHERE id = ?", id) > 0;
        });
    }

    private static IdentityApplicationCredential withRoles(Tx tx, IdentityApplicationCredential credential) {
        try {
            Map<String, IdentityRole> roles = new LinkedHashMap<>();
            for (IdentityRole role : tx.query("SELECT r.id, r.name FROM identity_application_credential_roles c "
                    + "JOIN identity_roles r ON r.id = c.role_id WHERE c.application_credential_id = ? ORDER BY r.name",
                    r -> new IdentityRole(r.getString("id"), r.getString("name")), credential.id())) {
                roles.put(role.id(), role);
            }
            return new IdentityApplicationCredential(credential.id(), credential.name(), credential.description(),
                    credential.userId(), credential.projectId(), credential.expiresAt(), credential.unrestricted(),
                    credential.secretHash(), List.copyOf(roles.values()));
        } catch (SQLException e) {
            throw new DatabaseException(e);
        }
    }

    private static IdentityApplicationCredential credential(Row r) throws SQLException {
        return new IdentityApplicationCredential(r.getString("id"), r.getString("name"),
                Optional.ofNullable(r.getString("description")), r.getString("user_id"), r.getString("project_id"),
                Optional.ofNullable(r.getInstant("expires_at")), r.getBoolean("unrestricted"),
                r.getString("secret_hash"), List.of());
    }
}
