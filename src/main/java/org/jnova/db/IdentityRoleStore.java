package org.jnova.db;

import static java.util.Objects.requireNonNull;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jnova.objects.IdentityRoleEntry;

/**
 * Identity v3 roles and the rules by which one role implies another, in the API database.
 * Deleting a role removes its assignments and the rules that name it, as Keystone does.
 */
public final class IdentityRoleStore {
    private static final String COLUMNS = "id, name, description, options, extra";
    private final Database db;

    public IdentityRoleStore(Database db) {
        this.db = requireNonNull(db, "db is null");
    }

    /** Every role, by name; only those named {@code name} when given. */
    public List<IdentityRoleEntry> list(Optional<String> name) {
        return db.read(tx -> name.isPresent()
                ? tx.query("SELECT " + COLUMNS + " FROM identity_roles WHERE name = ? ORDER BY name, id",
                        IdentityRoleStore::role, name.get())
                : tx.query("SELECT " + COLUMNS + " FROM identity_roles ORDER BY name, id", IdentityRoleStore::role));
    }

    public Optional<IdentityRoleEntry> get(String id) {
        return db.read(tx -> tx.queryOne("SELECT " + COLUMNS + " FROM identity_roles WHERE id = ?",
                IdentityRoleStore::role, id));
    }

    /** Adds the role; false when another role has its name. */
    public boolean create(IdentityRoleEntry role) {
        try {
            return db.inTransaction(tx -> {
                if (tx.count("SELECT COUNT(*) FROM identity_roles WHERE name = ?", role.name()) > 0) {
                    return false;
                }
                tx.update("INSERT INTO identity_roles (id, name, description, options, extra, created_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?)", role.id(), role.name(), role.description(), role.options(),
                        role.extra(), FlavorJson.now());
                return true;
            });
        } catch (DuplicateEntry e) {
            // a concurrent create of the same name lost the race on the unique index
            if (list(Optional.of(role.name())).isEmpty()) {
                throw e;
            }
            return false;
        }
    }

    /** Replaces the role's attributes; false when another role has its new name. */
    public boolean update(IdentityRoleEntry role) {
        try {
            return db.inTransaction(tx -> {
                if (tx.count("SELECT COUNT(*) FROM identity_roles WHERE name = ? AND id <> ?", role.name(),
                        role.id()) > 0) {
                    return false;
                }
                tx.update("UPDATE identity_roles SET name = ?, description = ?, options = ?, extra = ? WHERE id = ?",
                        role.name(), role.description(), role.options(), role.extra(), role.id());
                return true;
            });
        } catch (DuplicateEntry e) {
            if (list(Optional.of(role.name())).stream().allMatch(r -> r.id().equals(role.id()))) {
                throw e;
            }
            return false;
        }
    }

    /** Deletes the role with its assignments and implication rules; false when there was none. */
    public boolean delete(String id) {
        return db.inTransaction(tx -> {
            tx.update("DELETE FROM identity_assignments WHERE role_id = ?", id);
            tx.update("DELETE FROM identity_implied_roles WHERE prior_role_id = ? OR implied_role_id = ?", id, id);
            return tx.update("DELETE FROM identity_roles WHERE id = ?", id) > 0;
        });
    }

    /** Whether holding {@code priorId} implies {@code impliedId} directly. */
    public boolean implies(String priorId, String impliedId) {
        return db.read(tx -> tx.count("SELECT COUNT(*) FROM identity_implied_roles WHERE prior_role_id = ? "
                + "AND implied_role_id = ?", priorId, impliedId) > 0);
    }

    /** Records the rule once (again: nothing changes). */
    public void addImplication(String priorId, String impliedId) {
        try {
            db.inTransaction(tx -> tx.count("SELECT COUNT(*) FROM identity_implied_roles WHERE prior_role_id = ? "
                    + "AND implied_role_id = ?", priorId, impliedId) > 0 ? 0
                    : tx.update("INSERT INTO identity_implied_roles (prior_role_id, implied_role_id) VALUES (?, ?)",
                            priorId, impliedId));
        } catch (DuplicateEntry e) {
            if (!implies(priorId, impliedId)) {
                throw e;
            }
        }
    }

    /** Removes the rule; false when there was none. */
    public boolean removeImplication(String priorId, String impliedId) {
        return db.inTransaction(tx -> tx.update("DELETE FROM identity_implied_roles WHERE prior_role_id = ? "
                + "AND implied_role_id = ?", priorId, impliedId) > 0);
    }

    /** The roles {@code priorId} implies directly, by name. */
    public List<IdentityRoleEntry> impliedBy(String priorId) {
        return db.read(tx -> tx.query("SELECT r.id, r.name, r.description, r.options, r.extra "
                + "FROM identity_implied_roles i JOIN identity_roles r ON r.id = i.implied_role_id "
                + "WHERE i.prior_role_id = ? ORDER BY r.name, r.id", IdentityRoleStore::role, priorId));
    }

    /** Every rule as a pair of prior and implied role ids, in a stable order. */
    public List<List<String>> implications() {
        return db.read(tx -> tx.query("SELECT prior_role_id, implied_role_id FROM identity_implied_roles "
                + "ORDER BY prior_role_id, implied_role_id",
                r -> List.of(r.getString("prior_role_id"), r.getString("implied_role_id"))));
    }

    private static IdentityRoleEntry role(Row r) throws SQLException {
        return new IdentityRoleEntry(r.getString("id"), r.getString("name"), r.getString("description"),
                orEmpty(r.getString("options")), orEmpty(r.getString("extra")));
    }

    static String orEmpty(String json) {
        return json == null || json.isEmpty() ? "{}" : json;
    }
}
