package org.jnova.db;

import static java.util.Objects.requireNonNull;

import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jnova.objects.ServerGroup;

/**
 * Server groups and members in the API database. As nova, member rows stay when a server is
 * deleted; readers count only live instances (the scheduler, the views, the member quota).
 */
public final class ServerGroupStore {
    private final Database db;

    public ServerGroupStore(Database db) {
        this.db = requireNonNull(db, "db is null");
    }

    public ServerGroup create(String name, String userId, String projectId, String policy, Map<String, ?> rules) {
        String uuid = UUID.randomUUID().toString();
        db.inTransaction(tx -> tx.update("INSERT INTO instance_groups (uuid, name, user_id, project_id, policy, rules, "
                + "created_at) VALUES (?, ?, ?, ?, ?, ?, ?)", uuid, name, userId, projectId, policy,
                FlavorJson.writeMap(rules), FlavorJson.now()));
        return get(uuid).orElseThrow();
    }

    public Optional<ServerGroup> get(String uuid) {
        return db.read(tx -> withMembers(tx, tx.query("SELECT id, uuid, name, user_id, project_id, policy, rules "
                + "FROM instance_groups WHERE uuid = ?", ServerGroupStore::row, uuid))).stream().findFirst();
    }

    /** Groups of a project (null: all). */
    public List<ServerGroup> list(String projectId) {
        return db.read(tx -> withMembers(tx, projectId == null
                ? tx.query("SELECT id, uuid, name, user_id, project_id, policy, rules FROM instance_groups ORDER BY id",
                        ServerGroupStore::row)
                : tx.query("SELECT id, uuid, name, user_id, project_id, policy, rules FROM instance_groups "
                        + "WHERE project_id = ? ORDER BY id", ServerGroupStore::row, projectId)));
    }

    /** One page of {@link #list}: {@code offset} groups skipped, then at most {@code limit}. */
    public List<ServerGroup> page(String projectId, int offset, int limit) {
        String page = " ORDER BY id LIMIT " + Math.max(0, limit) + " OFFSET " + Math.max(0, offset);
        return db.read(tx -> withMembers(tx, projectId == null
                ? tx.query("SELECT id, uuid, name, user_id, project_id, policy, rules FROM instance_groups" + page,
                        ServerGroupStore::row)
                : tx.query("SELECT id, uuid, name, user_id, project_id, policy, rules FROM instance_groups "
                        + "WHERE project_id = ?" + page, ServerGroupStore::row, projectId)));
    }

    public long count(String projectId) {
        return db.read(tx -> tx.count("SELECT COUNT(*) FROM instance_groups WHERE project_id = ?", projectId));
    }

    /** Groups a user owns in a project (the per-user server_groups quota). */
    public long countForUser(String projectId, String userId) {
        return db.read(tx -> tx.count("SELECT COUNT(*) FROM instance_groups WHERE project_id = ? AND user_id = ?",
                projectId, userId));
    }

    public void addMember(String groupUuid, String instanceUuid) {
        db.inTransaction(tx -> tx.update("INSERT INTO instance_group_member (group_id, instance_uuid, created_at) "
                + "SELECT id, ?, ? FROM instance_groups WHERE uuid = ?", instanceUuid, FlavorJson.now(), groupUuid));
    }

    /** Adds several servers at once (a multi-create). */
    public void addMembers(String groupUuid, List<String> instanceUuids) {
        db.inTransaction(tx -> {
            for (String uuid : instanceUuids) {
                tx.update("INSERT INTO instance_group_member (group_id, instance_uuid, created_at) "
                        + "SELECT id, ?, ? FROM instance_groups WHERE uuid = ?", uuid, FlavorJson.now(), groupUuid);
            }
            return null;
        });
    }

    /** Takes servers out of a group (an API create undone by the member quota's re-check). */
    public void removeMembers(String groupUuid, List<String> instanceUuids) {
        db.inTransaction(tx -> {
            for (String uuid : instanceUuids) {
                tx.update("DELETE FROM instance_group_member WHERE instance_uuid = ? AND group_id IN "
                        + "(SELECT id FROM instance_groups WHERE uuid = ?)", uuid, groupUuid);
            }
            return null;
        });
    }

    /** The group a server belongs to (nova's InstanceGroup.get_by_instance_uuid). */
    public Optional<ServerGroup> forInstance(String instanceUuid) {
        return db.read(tx -> withMembers(tx, tx.query("SELECT g.id, g.uuid, g.name, g.user_id, g.project_id, "
                + "g.policy, g.rules FROM instance_groups g JOIN instance_group_member m ON m.group_id = g.id "
                + "WHERE m.instance_uuid = ? ORDER BY g.id", ServerGroupStore::row, instanceUuid)))
                .stream().findFirst();
    }

    /** Member uuids of a group read in the caller's transaction (when it runs on this store's database). */
    public List<String> members(Tx tx, String groupUuid) throws SQLException {
        return tx.query("SELECT m.instance_uuid FROM instance_group_member m JOIN instance_groups g "
                + "ON g.id = m.group_id WHERE g.uuid = ? ORDER BY m.id", r -> r.getString("instance_uuid"), groupUuid);
    }

    /** Whether these tables live in the database {@code transactions} runs on. */
    public boolean livesIn(Transactions transactions) {
        return db == transactions;
    }

    public boolean delete(String uuid) {
        return db.inTransaction(tx -> {
            tx.update("DELETE FROM instance_group_member WHERE group_id IN (SELECT id FROM instance_groups "
                    + "WHERE uuid = ?)", uuid);
            return tx.update("DELETE FROM instance_groups WHERE uuid = ?", uuid) > 0;
        });
    }

    private record Raw(int id, ServerGroup group) {
    }

    private static Raw row(Row r) throws SQLException {
        return new Raw(r.getInt("id"), new ServerGroup(r.getString("uuid"), r.getString("name"), r.getString("user_id"),
                r.getString("project_id"), r.getString("policy"), FlavorJson.readMap(r.getString("rules")), List.of()));
    }

    private static List<ServerGroup> withMembers(Tx tx, List<Raw> raws) throws SQLException {
        if (raws.isEmpty()) {
            return List.of();
        }
        Map<Integer, List<String>> members = new HashMap<>();
        Object[] ids = raws.stream().map(Raw::id).toArray();
        tx.query("SELECT group_id, instance_uuid FROM instance_group_member WHERE group_id IN ("
                + InstanceStore.marks(ids.length) + ") ORDER BY id", r -> members.computeIfAbsent(r.getInt("group_id"),
                        k -> new java.util.ArrayList<>()).add(r.getString("instance_uuid")), ids);
        return raws.stream().map(raw -> new ServerGroup(raw.group().uuid(), raw.group().name(), raw.group().userId(),
                raw.group().projectId(), raw.group().policy(), raw.group().rules(),
                members.getOrDefault(raw.id(), List.of()))).toList();
    }
}
