package org.jnova.db;

import static java.util.Objects.requireNonNull;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jnova.objects.IdentityGroup;
import org.jnova.objects.IdentityUser;

/**
 * Identity v3 groups and their members in the API database. Deleting a group removes its
 * memberships and its role assignments, as Keystone does.
 */
public final class IdentityGroupStore {
    private static final String COLUMNS = "id, domain_id, name, description, extra";
    private final Database db;

    public IdentityGroupStore(Database db) {
        this.db = requireNonNull(db, "db is null");
    }

    /** The groups, by name, only those of the domain and with the name given. */
    public List<IdentityGroup> list(Optional<String> domainId, Optional<String> name) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM identity_groups WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        domainId.ifPresent(d -> {
            sql.append(" AND domain_id = ?");
            args.add(d);
        });
        name.ifPresent(n -> {
            sql.append(" AND name = ?");
            args.add(n);
        });
        sql.append(" ORDER BY name, id");
        return db.read(tx -> tx.query(sql.toString(), IdentityGroupStore::group, args.toArray()));
    }

    public Optional<IdentityGroup> get(String id) {
        return db.read(tx -> tx.queryOne("SELECT " + COLUMNS + " FROM identity_groups WHERE id = ?",
                IdentityGroupStore::group, id));
    }

    /** Adds the group; false when its domain has a group of that name. */
    public boolean create(IdentityGroup group) {
        try {
            return db.inTransaction(tx -> {
                if (nameTaken(tx, group)) {
                    return false;
                }
                tx.update("INSERT INTO identity_groups (id, domain_id, name, description, extra, created_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?)", group.id(), group.domainId(), group.name(),
                        group.description(), group.extra(), FlavorJson.now());
                return true;
            });
        } catch (DuplicateEntry e) {
            // a concurrent create of the same name lost the race on the unique index
            if (db.read(tx -> nameTaken(tx, group))) {
                return false;
            }
            throw e;
        }
    }

    /** Replaces the group's name, description and attributes; false when the new name is taken. */
    public boolean update(IdentityGroup group) {
        try {
            return db.inTransaction(tx -> {
                if (nameTaken(tx, group)) {
                    return false;
                }
                tx.update("UPDATE identity_groups SET name = ?, description = ?, extra = ? WHERE id = ?",
                        group.name(), group.description(), group.extra(), group.id());
                return true;
            });
        } catch (DuplicateEntry e) {
            if (db.read(tx -> nameTaken(tx, group))) {
                return false;
            }
            throw e;
        }
    }

    /** Deletes the group, its memberships and its assignments; false when there was none. */
    public boolean delete(String id) {
        return db.inTransaction(tx -> {
            tx.update("DELETE FROM identity_group_members WHERE group_id = ?", id);
            tx.update("DELETE FROM identity_assignments WHERE actor_id = ? AND type IN ('GroupProject', "
                    + "'GroupDomain')", id);
            return tx.update("DELETE FROM identity_groups WHERE id = ?", id) > 0;
        });
    }

    /** Makes the user a member, once. */
    public void addMember(String groupId, String userId) {
        try {
            db.inTransaction(tx -> isMember(tx, groupId, userId) ? 0
                    : tx.update("INSERT INTO identity_group_members (group_id, user_id) VALUES (?, ?)", groupId,
                            userId));
        } catch (DuplicateEntry e) {
            if (!isMember(groupId, userId)) {
                throw e;
            }
        }
    }

    /** Ends the membership; false when there was none. */
    public boolean removeMember(String groupId, String userId) {
        return db.inTransaction(tx -> tx.update("DELETE FROM identity_group_members WHERE group_id = ? "
                + "AND user_id = ?", groupId, userId) > 0);
    }

    public boolean isMember(String groupId, String userId) {
        return db.read(tx -> isMember(tx, groupId, userId));
    }

    /** The members of the group, by name. */
    public List<IdentityUser> members(String groupId) {
        return db.read(tx -> tx.query("SELECT u.id, u.name, u.domain_id, u.enabled FROM identity_group_members m "
                + "JOIN identity_users u ON u.id = m.user_id WHERE m.group_id = ? ORDER BY u.name, u.id",
                r -> new IdentityUser(r.getString("id"), r.getString("name"), r.getString("domain_id"),
                        r.getBoolean("enabled"), null), groupId));
    }

    /** The groups the user is a member of, by name. */
    public List<IdentityGroup> groupsOf(String userId) {
        return db.read(tx -> tx.query("SELECT g.id, g.domain_id, g.name, g.description, g.extra "
                + "FROM identity_group_members m JOIN identity_groups g ON g.id = m.group_id WHERE m.user_id = ? "
                + "ORDER BY g.name, g.id", IdentityGroupStore::group, userId));
    }

    private static boolean isMember(Tx tx, String groupId, String userId) throws SQLException {
        return tx.count("SELECT COUNT(*) FROM identity_group_members WHERE group_id = ? AND user_id = ?", groupId,
                userId) > 0;
    }

    private static boolean nameTaken(Tx tx, IdentityGroup group) throws SQLException {
        return tx.count("SELECT COUNT(*) FROM identity_groups WHERE domain_id = ? AND name = ? AND id <> ?",
                group.domainId(), group.name(), group.id()) > 0;
    }

    private static IdentityGroup group(Row r) throws SQLException {
        return new IdentityGroup(r.getString("id"), r.getString("domain_id"), r.getString("name"),
                r.getString("description"), IdentityRoleStore.orEmpty(r.getString("extra")));
    }
}
