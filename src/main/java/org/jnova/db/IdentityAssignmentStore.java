package org.jnova.db;

import static java.util.Objects.requireNonNull;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jnova.objects.IdentityAssignment;
import org.jnova.objects.IdentityAssignmentFilter;
import org.jnova.objects.IdentityRole;

/**
 * Role assignments (Keystone's grants) in the API database: a role for a user or a group on a
 * project or a domain, and the roles a user holds on a target directly or through its groups.
 */
public final class IdentityAssignmentStore {
    private final Database db;

    public IdentityAssignmentStore(Database db) {
        this.db = requireNonNull(db, "db is null");
    }

    /** Gives the role, once (again: nothing changes). */
    public void grant(IdentityAssignment assignment) {
        try {
            db.inTransaction(tx -> exists(tx, assignment) ? 0
                    : tx.update("INSERT INTO identity_assignments (type, actor_id, target_id, role_id) "
                            + "VALUES (?, ?, ?, ?)", assignment.type().stored(), assignment.actorId(),
                            assignment.targetId(), assignment.roleId()));
        } catch (DuplicateEntry e) {
            if (!exists(assignment)) {
                throw e;
            }
        }
    }

    public boolean exists(IdentityAssignment assignment) {
        return db.read(tx -> exists(tx, assignment));
    }

    /** Takes the role back; false when it was not given. */
    public boolean revoke(IdentityAssignment assignment) {
        return db.inTransaction(tx -> tx.update("DELETE FROM identity_assignments WHERE type = ? AND actor_id = ? "
                + "AND target_id = ? AND role_id = ?", assignment.type().stored(), assignment.actorId(),
                assignment.targetId(), assignment.roleId()) > 0);
    }

    /** The roles given directly to the actor on the target (the grants of one actor and target), by name. */
    public List<IdentityRole> granted(IdentityAssignment.Type type, String actorId, String targetId) {
        return db.read(tx -> tx.query("SELECT r.id, r.name FROM identity_assignments a JOIN identity_roles r "
                + "ON r.id = a.role_id WHERE a.type = ? AND a.actor_id = ? AND a.target_id = ? ORDER BY r.name, r.id",
                IdentityAssignmentStore::role, type.stored(), actorId, targetId));
    }

    /** The roles the user holds on the project, given to it or to one of its groups, by name; once each. */
    public List<IdentityRole> rolesOnProject(String userId, String projectId) {
        return rolesOn(userId, projectId, IdentityAssignment.Type.USER_PROJECT, IdentityAssignment.Type.GROUP_PROJECT);
    }

    /** The roles the user holds on the domain, given to it or to one of its groups, by name; once each. */
    public List<IdentityRole> rolesOnDomain(String userId, String domainId) {
        return rolesOn(userId, domainId, IdentityAssignment.Type.USER_DOMAIN, IdentityAssignment.Type.GROUP_DOMAIN);
    }

    private List<IdentityRole> rolesOn(String userId, String targetId, IdentityAssignment.Type direct,
            IdentityAssignment.Type viaGroup) {
        return db.read(tx -> tx.query("SELECT DISTINCT r.id, r.name FROM identity_assignments a "
                + "JOIN identity_roles r ON r.id = a.role_id WHERE a.target_id = ? AND ((a.type = ? AND a.actor_id = ?) "
                + "OR (a.type = ? AND a.actor_id IN (SELECT group_id FROM identity_group_members WHERE user_id = ?))) "
                + "ORDER BY r.name, r.id", IdentityAssignmentStore::role, targetId, direct.stored(), userId,
                viaGroup.stored(), userId));
    }

    /** The assignments as stored (groups not expanded), in a stable order. */
    public List<IdentityAssignment> list(IdentityAssignmentFilter filter) {
        StringBuilder sql = new StringBuilder("SELECT type, actor_id, target_id, role_id FROM identity_assignments "
                + "WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        actor(sql, args, filter.userId(), "'UserProject', 'UserDomain'");
        actor(sql, args, filter.groupId(), "'GroupProject', 'GroupDomain'");
        target(sql, args, filter.projectId(), "'UserProject', 'GroupProject'");
        target(sql, args, filter.domainId(), "'UserDomain', 'GroupDomain'");
        filter.roleId().ifPresent(roleId -> {
            sql.append(" AND role_id = ?");
            args.add(roleId);
        });
        sql.append(" ORDER BY type, actor_id, target_id, role_id");
        return db.read(tx -> tx.query(sql.toString(), r -> new IdentityAssignment(
                IdentityAssignment.Type.fromStored(r.getString("type")), r.getString("actor_id"),
                r.getString("target_id"), r.getString("role_id")), args.toArray()));
    }

    private static void actor(StringBuilder sql, List<Object> args, Optional<String> id, String types) {
        id.ifPresent(value -> {
            sql.append(" AND actor_id = ? AND type IN (").append(types).append(')');
            args.add(value);
        });
    }

    private static void target(StringBuilder sql, List<Object> args, Optional<String> id, String types) {
        id.ifPresent(value -> {
            sql.append(" AND target_id = ? AND type IN (").append(types).append(')');
            args.add(value);
        });
    }

    private static boolean exists(Tx tx, IdentityAssignment assignment) throws SQLException {
        return tx.count("SELECT COUNT(*) FROM identity_assignments WHERE type = ? AND actor_id = ? AND target_id = ? "
                + "AND role_id = ?", assignment.type().stored(), assignment.actorId(), assignment.targetId(),
                assignment.roleId()) > 0;
    }

    private static IdentityRole role(Row r) throws SQLException {
        return new IdentityRole(r.getString("id"), r.getString("name"));
    }
}
