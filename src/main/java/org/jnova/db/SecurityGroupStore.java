package org.jnova.db;

import static java.util.Objects.requireNonNull;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jnova.objects.SecurityGroup;
import org.jnova.objects.SecurityGroupRule;

/**
 * Security groups and their ingress rules. A server's groups are names in its system metadata
 * ({@link #SERVER_GROUPS_KEY}; absent means "default"), read here to tell whether a group is in
 * use and renamed with the group.
 */
public final class SecurityGroupStore {
    /** System metadata key of a server's groups, comma separated. */
    public static final String SERVER_GROUPS_KEY = "security_groups";
    private static final String GROUP_COLUMNS = "id, project_id, name, description";
    private static final String RULE_COLUMNS = "id, parent_group_id, protocol, from_port, to_port, remote_group_id, cidr";

    private final Database db;

    public SecurityGroupStore(Database db) {
        this.db = requireNonNull(db, "db is null");
    }

    /** Adds the project's default group with its rules unless the project has it already. */
    public void ensureExists(SecurityGroup group) {
        if (db.read(tx -> tx.count("SELECT COUNT(*) FROM security_groups WHERE id = ?", group.id())) > 0) {
            return;
        }
        db.inTransaction(tx -> {
            ProjectLock.lock(tx, group.projectId());
            if (tx.count("SELECT COUNT(*) FROM security_groups WHERE id = ?", group.id()) == 0) {
                insertGroup(tx, group);
                for (SecurityGroupRule r : group.rules()) {
                    insertRule(tx, r);
                }
            }
            return null;
        });
    }

    /** What {@link #create} did. */
    public enum Creation {
        CREATED,
        /** the project already has {@code limit} groups */
        OVER_QUOTA,
        /** a unique name was asked for and the project has a group of that name */
        NAME_TAKEN
    }

    /**
     * Adds a group unless the project already has {@code limit} groups or, when
     * {@code uniqueName}, a group of its name. Both checks run under the project's lock, so
     * concurrent creates in a project see each other.
     */
    public Creation create(SecurityGroup group, long limit, boolean uniqueName) {
        return db.inTransaction(tx -> {
            ProjectLock.lock(tx, group.projectId());
            if (uniqueName && tx.count("SELECT COUNT(*) FROM security_groups WHERE project_id = ? AND name = ?",
                    group.projectId(), group.name()) > 0) {
                return Creation.NAME_TAKEN;
            }
            if (limit >= 0 && tx.count("SELECT COUNT(*) FROM security_groups WHERE project_id = ?",
                    group.projectId()) >= limit) {
                return Creation.OVER_QUOTA;
            }
            insertGroup(tx, group);
            return Creation.CREATED;
        });
    }

    public Optional<SecurityGroup> get(String id) {
        return db.read(tx -> withRules(tx, tx.query("SELECT " + GROUP_COLUMNS + " FROM security_groups WHERE id = ?",
                SecurityGroupStore::group, id))).stream().findFirst();
    }

    /** The groups of a project (null: every project's), oldest first. */
    public List<SecurityGroup> list(String projectId) {
        return db.read(tx -> withRules(tx, projectId == null
                ? tx.query("SELECT " + GROUP_COLUMNS + " FROM security_groups ORDER BY created_at, id",
                        SecurityGroupStore::group)
                : tx.query("SELECT " + GROUP_COLUMNS + " FROM security_groups WHERE project_id = ? "
                        + "ORDER BY created_at, id", SecurityGroupStore::group, projectId)));
    }

    /** Renames a group and, in the same transaction, the name in its project's servers. */
    public void update(SecurityGroup group, String name, String description) {
        db.inTransaction(tx -> {
            ProjectLock.lock(tx, group.projectId());
            tx.update("UPDATE security_groups SET name = ?, description = ?, updated_at = ? WHERE id = ?", name,
                    description, FlavorJson.now(), group.id());
            if (!group.name().equals(name)) {
                for (Map.Entry<String, List<String>> e : serverGroups(tx, group.projectId()).entrySet()) {
                    if (e.getValue().contains(group.name())) {
                        setServerGroups(tx, e.getKey(), e.getValue().stream()
                                .map(n -> n.equals(group.name()) ? name : n).toList());
                    }
                }
            }
            return null;
        });
    }

    /**
     * Deletes a group, its rules and the rules naming it as their source, unless a live server
     * of its project has it: then nothing changes and false comes back.
     */
    public boolean delete(SecurityGroup group) {
        return db.inTransaction(tx -> {
            ProjectLock.lock(tx, group.projectId());
            for (List<String> names : serverGroups(tx, group.projectId()).values()) {
                if (names.contains(group.name())) {
                    return false;
                }
            }
            tx.update("DELETE FROM security_group_rules WHERE parent_group_id = ? OR remote_group_id = ?",
                    group.id(), group.id());
            tx.update("DELETE FROM security_groups WHERE id = ?", group.id());
            return true;
        });
    }

    /** Adds a rule, refusing (false) when the project already has {@code limit} rules. */
    public boolean addRule(String projectId, SecurityGroupRule rule, long limit) {
        return db.inTransaction(tx -> {
            ProjectLock.lock(tx, projectId);
            if (limit >= 0 && tx.count("SELECT COUNT(*) FROM security_group_rules r JOIN security_groups g "
                    + "ON g.id = r.parent_group_id WHERE g.project_id = ?", projectId) >= limit) {
                return false;
            }
            insertRule(tx, rule);
            return true;
        });
    }

    public Optional<SecurityGroupRule> getRule(String id) {
        return db.read(tx -> tx.queryOne("SELECT " + RULE_COLUMNS + " FROM security_group_rules WHERE id = ?",
                SecurityGroupStore::rule, id));
    }

    public void deleteRule(String id) {
        db.inTransaction(tx -> tx.update("DELETE FROM security_group_rules WHERE id = ?", id));
    }

    /** Live servers of a project and their group names. */
    private static Map<String, List<String>> serverGroups(Tx tx, String projectId) throws SQLException {
        Map<String, List<String>> out = new LinkedHashMap<>();
        tx.query("SELECT i.uuid, m.meta_value FROM instances i LEFT JOIN instance_system_metadata m "
                + "ON m.instance_uuid = i.uuid AND m.meta_key = ? AND m.deleted = 0 "
                + "WHERE i.project_id = ? AND i.deleted = 0", r -> {
                    String value = r.getString("meta_value");
                    out.put(r.getString("uuid"), value == null ? List.of("default")
                            : value.isEmpty() ? List.of() : Arrays.asList(value.split(",")));
                    return null;
                }, SERVER_GROUPS_KEY, projectId);
        return out;
    }

    private static void setServerGroups(Tx tx, String instanceUuid, List<String> names) throws SQLException {
        String value = String.join(",", names);
        if (tx.update("UPDATE instance_system_metadata SET meta_value = ?, updated_at = ? WHERE instance_uuid = ? "
                + "AND meta_key = ? AND deleted = 0", value, FlavorJson.now(), instanceUuid, SERVER_GROUPS_KEY) == 0) {
            tx.update("INSERT INTO instance_system_metadata (instance_uuid, meta_key, meta_value, created_at, deleted) "
                    + "VALUES (?, ?, ?, ?, 0)", instanceUuid, SERVER_GROUPS_KEY, value, FlavorJson.now());
        }
    }

    private static void insertGroup(Tx tx, SecurityGroup g) throws SQLException {
        tx.update("INSERT INTO security_groups (id, project_id, name, description, created_at) VALUES (?, ?, ?, ?, ?)",
                g.id(), g.projectId(), g.name(), g.description(), FlavorJson.now());
    }

    private static void insertRule(Tx tx, SecurityGroupRule r) throws SQLException {
        tx.update("INSERT INTO security_group_rules (id, parent_group_id, protocol, from_port, to_port, "
                + "remote_group_id, cidr, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", r.id(), r.parentGroupId(),
                r.protocol(), r.fromPort(), r.toPort(), r.remoteGroupId(), r.cidr(), FlavorJson.now());
    }

    private static List<SecurityGroup> withRules(Tx tx, List<SecurityGroup> groups) throws SQLException {
        if (groups.isEmpty()) {
            return groups;
        }
        Map<String, List<SecurityGroupRule>> rules = new LinkedHashMap<>();
        groups.forEach(g -> rules.put(g.id(), new ArrayList<>()));
        String[] ids = rules.keySet().toArray(String[]::new);
        for (SecurityGroupRule r : tx.query("SELECT " + RULE_COLUMNS + " FROM security_group_rules "
                + "WHERE parent_group_id IN (" + InstanceStore.marks(ids.length) + ") ORDER BY created_at, id",
                SecurityGroupStore::rule, (Object[]) ids)) {
            rules.get(r.parentGroupId()).add(r);
        }
        return groups.stream().map(g -> new SecurityGroup(g.id(), g.name(), g.description(), g.projectId(),
                rules.get(g.id()))).toList();
    }

    private static SecurityGroup group(Row r) throws SQLException {
        return new SecurityGroup(r.getString("id"), r.getString("name"), r.getString("description"),
                r.getString("project_id"), List.of());
    }

    private static SecurityGroupRule rule(Row r) throws SQLException {
        return new SecurityGroupRule(r.getString("id"), r.getString("parent_group_id"), r.getString("protocol"),
                r.getInteger("from_port"), r.getInteger("to_port"), r.getString("remote_group_id"),
                r.getString("cidr"));
    }
}
