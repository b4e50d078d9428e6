package org.jnova.db;

import static java.util.Objects.requireNonNull;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jnova.objects.Flavor;
import org.jnova.objects.Instance;
import org.jnova.objects.InstanceFilter;
import org.jnova.objects.SortKey;

/**
 * Instances in the main database. Lists cost a constant number of queries whatever their
 * length: one for the rows and one per child table (metadata, system metadata, tags,
 * faults, ports) for all of them at once. Methods taking a {@link Tx} join the caller's
 * transaction.
 */
public final class InstanceStore {
    private static final Set<String> SORT_COLUMNS = Set.of("created_at", "updated_at", "display_name", "uuid", "id",
            "vm_state", "task_state", "power_state", "host", "node", "launched_at", "terminated_at", "hostname",
            "availability_zone", "key_name", "project_id", "user_id", "deleted_at", "launch_index",
            "reservation_id", "image_ref", "instance_type_id", "memory_mb", "vcpus", "root_gb", "locked");
    static final String COLUMNS = "id, uuid, display_name, display_description, hostname, project_id, user_id, "
            + "vm_state, task_state, power_state, instance_type_id, flavor, memory_mb, vcpus, root_gb, ephemeral_gb, "
            + "image_ref, host, node, launched_on, availability_zone, key_name, key_data, locked, locked_by, "
            + "locked_reason, access_ip_v4, access_ip_v6, config_drive, user_data, reservation_id, launch_index, "
            + "progress, root_device_name, launched_at, terminated_at, created_at, updated_at, deleted_at, deleted";

    private final Database db;
    private final InstanceChildren children = new InstanceChildren();
    private final String nameTemplate;
    /** Parsed flavor snapshots by their JSON text: many instances share a few flavors. */
    private final Cache<String, Flavor> flavorSnapshots = Caffeine.newBuilder().maximumSize(512)
            .executor(Runnable::run).build();
    /** Instance names by id: String.format parses the template on every call. */
    private final Cache<Integer, String> names = Caffeine.newBuilder().maximumSize(65_536)
            .executor(Runnable::run).build();

    /** {@code nameTemplate} is [DEFAULT] instance_name_template, e.g. instance-%08x. */
    public InstanceStore(Database db, String nameTemplate) {
        this.db = requireNonNull(db, "db is null");
        this.nameTemplate = requireNonNull(nameTemplate, "nameTemplate is null");
    }

    public Database database() {
        return db;
    }

    /** Inserts a new instance with its metadata, system metadata and tags; returns it as stored. */
    public Instance insert(Tx tx, Instance i) throws SQLException {
        Instant now = FlavorJson.now();
        tx.update("INSERT INTO instances (uuid, display_name, display_description, hostname, project_id, user_id, "
                + "vm_state, task_state, power_state, instance_type_id, flavor, memory_mb, vcpus, root_gb, "
                + "ephemeral_gb, image_ref, host, node, availability_zone, key_name, key_data, locked, locked_by, "
                + "locked_reason, access_ip_v4, access_ip_v6, config_drive, user_data, reservation_id, launch_index, "
                + "progress, root_device_name, created_at, updated_at, deleted) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                + "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)",
                i.uuid(), i.displayName(), i.displayDescription(), i.hostname(), i.projectId(), i.userId(),
                i.vmState(), i.taskState(), i.powerState(), i.flavor().id(), FlavorJson.write(i.flavor()),
                i.flavor().memoryMb(), i.flavor().vcpus(), i.flavor().rootGb(), i.flavor().ephemeralGb(),
                i.imageRef(), i.host(), i.node(), i.availabilityZone(), i.keyName(), i.keyData(), i.locked(),
                i.lockedBy(), i.lockedReason(), i.accessIpV4(), i.accessIpV6(), i.configDrive(), i.userData(),
                i.reservationId(), i.launchIndex(), i.progress(), i.rootDeviceName(), now, now);
        children.insertMetadata(tx, "instance_metadata", i.uuid(), i.metadata(), now);
        children.insertMetadata(tx, "instance_system_metadata", i.uuid(), i.systemMetadata(), now);
        children.insertTags(tx, i.uuid(), i.tags());
        return get(tx, i.uuid(), true).orElseThrow();
    }

    public Optional<Instance> get(String uuid, boolean readDeleted) {
        return db.read(tx -> get(tx, uuid, readDeleted));
    }

    public Optional<Instance> get(Tx tx, String uuid, boolean readDeleted) throws SQLException {
        List<Instance> rows = tx.query("SELECT " + COLUMNS + " FROM instances WHERE uuid = ?"
                + (readDeleted ? "" : " AND deleted = 0"), this::row, uuid);
        return rows.isEmpty() ? Optional.empty() : Optional.of(children.attach(tx, rows).get(0));
    }

    /** Lists instances matching a filter, sorted, after the marker, at most {@code limit} (null: all). */
    public List<Instance> list(InstanceFilter filter, List<SortKey> sort, Integer limit, String marker) {
        return db.read(tx -> list(tx, filter, sort, limit, marker, true));
    }

    /** As {@link #list}, the system metadata without the image's properties ("image_" keys). */
    public List<Instance> listWithoutImageProperties(InstanceFilter filter, List<SortKey> sort, Integer limit,
            String marker) {
        return db.read(tx -> children.attach(tx, list(tx, filter, sort, limit, marker, false), false));
    }

    /** As {@link #list}, without metadata, tags, faults or ports: for counting and usage. */
    public List<Instance> listBare(InstanceFilter filter) {
        return db.read(tx -> list(tx, filter, List.of(SortKey.asc("id")), null, null, false));
    }

    /** One page as {@link #list}, without metadata, tags, faults or ports: for scans that filter first. */
    public List<Instance> listBare(InstanceFilter filter, List<SortKey> sort, Integer limit, String marker) {
        return db.read(tx -> list(tx, filter, sort, limit, marker, false));
    }

    /**
     * Instances, deleted ones included, launched before {@code end} and not terminated by
     * {@code begin} (nova's instance_get_active_by_window_joined), of one project (null: all), read
     * bare in (project_id, uuid) order after the instance whose uuid is {@code marker} (null: from
     * the start), at most {@code limit}.
     *
     * @throws org.jnova.exception.Invalid "Marker X could not be found." when no such instance
     */
    public List<Instance> activeInWindow(String projectId, Instant begin, Instant end, int limit, String marker) {
        return db.read(tx -> {
            StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM instances WHERE launched_at < ? "
                    + "AND (terminated_at IS NULL OR terminated_at > ?)");
            List<Object> args = new ArrayList<>(List.of(end, begin));
            eq(sql, args, "project_id", projectId);
            if (marker != null) {
                Map<String, Object> at = markerValues(tx, marker, List.of(SortKey.asc("project_id"),
                        SortKey.asc("uuid")));
                sql.append(" AND (project_id > ? OR (project_id = ? AND uuid > ?))");
                args.add(at.get("project_id"));
                args.add(at.get("project_id"));
                args.add(at.get("uuid"));
            }
            sql.append(" ORDER BY project_id, uuid LIMIT ").append(Math.max(0, limit));
            return tx.query(sql.toString(), this::row, args.toArray());
        });
    }

    /**
     * Per host, how many instances (deleted ones included) were launched before {@code end} and
     * not terminated by {@code begin}: nova's instance_get_active_by_window_joined counted by host.
     */
    public Map<String, Integer> activeInWindowPerHost(Instant begin, Instant end) {
        return db.read(tx -> {
            Map<String, Integer> counts = new HashMap<>();
            tx.query("SELECT host, COUNT(*) AS active FROM instances WHERE launched_at < ? "
                    + "AND (terminated_at IS NULL OR terminated_at > ?) AND host IS NOT NULL GROUP BY host",
                    row -> counts.put(row.getString("host"), row.getInt("active")), end, begin);
            return counts;
        });
    }

    /** Instances read bare, with their metadata, tags, faults and ports: one query per child table. */
    public List<Instance> withChildren(List<Instance> bare) {
        return withChildren(bare, true);
    }

    /** As above; without {@code imageProperties} the system metadata leaves out the "image_" keys. */
    public List<Instance> withChildren(List<Instance> bare, boolean imageProperties) {
        return bare.isEmpty() ? bare : db.read(tx -> children.attach(tx, bare, imageProperties));
    }

    List<Instance> list(Tx tx, InstanceFilter f, List<SortKey> sort, Integer limit, String marker,
            boolean withChildren) throws SQLException {
        List<SortKey> keys = new ArrayList<>(sort.isEmpty()
                ? List.of(SortKey.desc("created_at"), SortKey.desc("id")) : sort);
        for (SortKey k : keys) {
            if (!SORT_COLUMNS.contains(k.key())) {
                throw new IllegalArgumentException("Invalid sort key: " + k.key());
            }
        }
        if (keys.stream().noneMatch(k -> k.key().equals("id") || k.key().equals("uuid"))) {
            keys.add(new SortKey("id", keys.get(keys.size() - 1).ascending()));
        }
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM instances WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        where(f, sql, args);
        if (marker != null) {
            Map<String, Object> values = markerValues(tx, marker, keys);
            Keyset.after(keys, values, sql, args);
        }
        sql.append(" ORDER BY ");
        for (int k = 0; k < keys.size(); k++) {
            sql.append(k == 0 ? "" : ", ").append(keys.get(k).key()).append(keys.get(k).ascending() ? " ASC" : " DESC");
        }
        if (limit != null) {
            sql.append(" LIMIT ").append(Math.max(0, limit));
        }
        List<Instance> rows = tx.query(sql.toString(), this::row, args.toArray());
        return withChildren ? children.attach(tx, rows) : rows;
    }

    private Map<String, Object> markerValues(Tx tx, String marker, List<SortKey> keys) throws SQLException {
        StringBuilder cols = new StringBuilder();
        for (SortKey k : keys) {
            cols.append(cols.length() == 0 ? "" : ", ").append(k.key());
        }
        List<Map<String, Object>> found = tx.query("SELECT " + cols + " FROM instances WHERE uuid = ?", r -> {
            Map<String, Object> m = new HashMap<>();
            for (SortKey k : keys) {
                m.put(k.key(), Keyset.read(r, k.key()));
            }
            return m;
        }, marker);
        if (found.isEmpty()) {
            throw new org.jnova.exception.Invalid("Marker " + marker + " could not be found.");
        }
        return found.get(0);
    }

    private static void where(InstanceFilter f, StringBuilder sql, List<Object> args) {
        if (f.deleted() != null) {
            sql.append(f.deleted() ? " AND deleted != 0" : " AND deleted = 0");
        }
        eq(sql, args, "project_id", f.projectId());
        eq(sql, args, "user_id", f.userId());
        eq(sql, args, "host", f.host());
        eq(sql, args, "node", f.node());
        eq(sql, args, "image_ref", f.imageRef());
        eq(sql, args, "reservation_id", f.reservationId());
        eq(sql, args, "availability_zone", f.availabilityZone());
        if (f.locked() != null) {
            sql.append(" AND locked = ?");
            args.add(f.locked());
        }
        if (f.flavorId() != null) {
            sql.append(" AND flavor LIKE ?");
            args.add("%\"flavorid\":\"" + f.flavorId().replace("%", "\\%") + "\"%");
        }
        if (f.name() != null) {
            sql.append(" AND display_name LIKE ?");
            args.add("%" + f.name() + "%");
        }
        if (f.changesSince() != null) {
            sql.append(" AND updated_at >= ?");
            args.add(f.changesSince());
        }
        if (f.changesBefore() != null) {
            sql.append(" AND updated_at <= ?");
            args.add(f.changesBefore());
        }
        in(sql, args, "vm_state", f.vmStates());
        in(sql, args, "task_state", f.taskStates());
        in(sql, args, "uuid", f.uuids());
        if (f.tags() != null && !f.tags().isEmpty()) {
            for (String tag : f.tags()) {
                sql.append(" AND uuid IN (SELECT resource_id FROM tags WHERE tag = ?)");
                args.add(tag);
            }
        }
        if (f.tagsAny() != null && !f.tagsAny().isEmpty()) {
            sql.append(" AND uuid IN (SELECT resource_id FROM tags WHERE tag IN (").append(marks(f.tagsAny().size()))
                    .append("))");
            args.addAll(f.tagsAny());
        }
        if (f.notTags() != null && !f.notTags().isEmpty()) {
            sql.append(" AND uuid NOT IN (SELECT resource_id FROM tags WHERE tag IN (")
                    .append(marks(f.notTags().size())).append(") GROUP BY resource_id HAVING COUNT(*) = ?)");
            args.addAll(f.notTags());
            args.add(f.notTags().size());
        }
        if (f.notTagsAny() != null && !f.notTagsAny().isEmpty()) {
            sql.append(" AND uuid NOT IN (SELECT resource_id FROM tags WHERE tag IN (")
                    .append(marks(f.notTagsAny().size())).append("))");
            args.addAll(f.notTagsAny());
        }
    }

    private static void eq(StringBuilder sql, List<Object> args, String column, Object value) {
        if (value != null) {
            sql.append(" AND ").append(column).append(" = ?");
            args.add(value);
        }
    }

    private static void in(StringBuilder sql, List<Object> args, String column, Collection<String> values) {
        if (values != null) {
            if (values.isEmpty()) {
                sql.append(" AND 1 = 0");
                return;
            }
            sql.append(" AND ").append(column).append(" IN (").append(marks(values.size())).append(')');
            args.addAll(values);
        }
    }

    static String marks(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }

    /**
     * Applies {@code change} to a live instance, only when its task state is one of the
     * expected ones and it is on the expected host, if the change names them; returns whether
     * a row changed. updated_at is always set.
     */
    public boolean update(Tx tx, String uuid, InstanceUpdate change) throws SQLException {
        Map<String, Object> columns = change.columns();
        Collection<String> expectedTaskStates = change.expectedTaskStates();
        StringBuilder sql = new StringBuilder("UPDATE instances SET updated_at = ?");
        List<Object> args = new ArrayList<>();
        args.add(FlavorJson.now());
        for (Map.Entry<String, Object> c : columns.entrySet()) {
            if (!c.getKey().matches("[a-z_0-9]+")) {
                throw new IllegalArgumentException(c.getKey());
            }
            sql.append(", ").append(c.getKey()).append(" = ?");
            args.add(c.getValue());
        }
        sql.append(" WHERE uuid = ? AND deleted = 0");
        args.add(uuid);
        if (change.expectsHost()) {
            if (change.expectedHost() == null) {
                sql.append(" AND host IS NULL");
            } else {
                sql.append(" AND host = ?");
                args.add(change.expectedHost());
            }
        }
        if (expectedTaskStates != null) {
            List<String> notNull = expectedTaskStates.stream().filter(java.util.Objects::nonNull).toList();
            boolean nullAllowed = expectedTaskStates.contains(null);
            sql.append(" AND (");
            if (!notNull.isEmpty()) {
                sql.append("task_state IN (").append(marks(notNull.size())).append(')');
                args.addAll(notNull);
            }
            if (nullAllowed) {
                sql.append(notNull.isEmpty() ? "" : " OR ").append("task_state IS NULL");
            }
            if (notNull.isEmpty() && !nullAllowed) {
                sql.append("1 = 0");
            }
            sql.append(')');
        }
        return tx.update(sql.toString(), args.toArray()) == 1;
    }

    /** As {@link #update(Tx, String, InstanceUpdate)}, in a transaction of its own. */
    public boolean update(String uuid, InstanceUpdate change) {
        return db.inTransaction(tx -> update(tx, uuid, change));
    }

    /** A flavor as stored in the flavor column (and kept in system metadata during a resize). */
    public static String flavorJson(org.jnova.objects.Flavor f) {
        return FlavorJson.write(f);
    }

    public static org.jnova.objects.Flavor parseFlavor(String json) {
        return FlavorJson.read(json);
    }

    /** Soft-deletes the instance and its rows (deleted = id), as nova's instance_destroy. */
    public boolean softDelete(Tx tx, String uuid) throws SQLException {
        Instant now = FlavorJson.now();
        int changed = tx.update("UPDATE instances SET deleted = id, deleted_at = ?, updated_at = ?, vm_state = ?, "
                + "task_state = NULL, power_state = 0, terminated_at = ? WHERE uuid = ? AND deleted = 0",
                now, now, "deleted", now, uuid);
        for (String table : List.of("instance_metadata", "instance_system_metadata", "instance_faults",
                "virtual_interfaces", "block_device_mapping")) {
            tx.update("UPDATE " + table + " SET deleted = id, deleted_at = ? WHERE instance_uuid = ? AND deleted = 0",
                    now, uuid);
        }
        tx.update("DELETE FROM tags WHERE resource_id = ?", uuid);
        return changed == 1;
    }

    /** Hosts of the live instances among {@code uuids} that have one: uuid to host. */
    public Map<String, String> hostsOf(Collection<String> uuids) {
        return db.read(tx -> hostsOf(tx, uuids));
    }

    /** As {@link #hostsOf(Collection)}, read in {@code tx}. */
    public Map<String, String> hostsOf(Tx tx, Collection<String> uuids) throws SQLException {
        Map<String, String> out = new HashMap<>();
        if (uuids.isEmpty()) {
            return out;
        }
        Object[] args = uuids.toArray();
        tx.query("SELECT uuid, host FROM instances WHERE deleted = 0 AND host IS NOT NULL AND uuid IN ("
                + String.join(", ", java.util.Collections.nCopies(args.length, "?")) + ")", r -> out.put(r.getString("uuid"), r.getString("host")),
                args);
        return out;
    }

    /** Soft-deletes each of the instances, as {@link #softDelete(Tx, String)}, in one transaction. */
    public void softDelete(Collection<String> uuids) {
        db.inTransaction(tx -> {
            for (String uuid : uuids) {
                softDelete(tx, uuid);
            }
            return null;
        });
    }

    /** Changes the instance's (system) metadata in a transaction of its own; see {@link InstanceChildren}. */
    public Map<String, String> updateMetadata(String uuid, Map<String, String> items, boolean replace,
            boolean system) {
        return db.inTransaction(tx -> children.updateMetadata(tx, uuid, items, replace, system));
    }

    /** Removes one metadata item in a transaction of its own; false when it was not there. */
    public boolean deleteMetadata(String uuid, String key, boolean system) {
        return db.inTransaction(tx -> children.deleteMetadata(tx, uuid, key, system));
    }

    /** Replaces the instance's tags in a transaction of its own; returns them as stored. */
    public List<String> replaceTags(String uuid, List<String> tags) {
        return db.inTransaction(tx -> children.replaceTags(tx, uuid, tags));
    }

    /** Removes one tag in a transaction of its own; false when it was not there. */
    public boolean deleteTag(String uuid, String tag) {
        return db.inTransaction(tx -> children.deleteTag(tx, uuid, tag));
    }

    /** Removes all the instance's tags in a transaction of its own. */
    public void deleteAllTags(String uuid) {
        db.inTransaction(tx -> {
            children.deleteAllTags(tx, uuid);
            return null;
        });
    }

    /** Records a fault of the instance in a transaction of its own. */
    public void addFault(String uuid, int code, String message, String details, String host) {
        db.inTransaction(tx -> {
            children.addFault(tx, uuid, code, message, details, host);
            return null;
        });
    }

    /** {@link #usage(Tx, String, String)} read on its own. */
    public long[] usage(String projectId, String userId) {
        return db.read(tx -> usage(tx, projectId, userId));
    }

    /** Counts live instances, cores and RAM of a project (and user, when given): quota usage. */
    public long[] usage(Tx tx, String projectId, String userId) throws SQLException {
        String sql = "SELECT COUNT(*), COALESCE(SUM(vcpus), 0), COALESCE(SUM(memory_mb), 0) FROM instances "
                + "WHERE deleted = 0 AND project_id = ?" + (userId == null ? "" : " AND user_id = ?");
        Object[] args = userId == null ? new Object[] {projectId} : new Object[] {projectId, userId};
        return tx.queryOne(sql, r -> new long[] {r.getLong(1), r.getLong(2), r.getLong(3)}, args).orElseThrow();
    }

    public InstanceChildren children() {
        return children;
    }

    private String name(int id) {
        return String.format(nameTemplate, id);
    }

    private Instance row(Row r) throws SQLException {
        int id = r.getInt("id");
        return new Instance(id, r.getString("uuid"), names.get(id, this::name), r.getString("display_name"),
                r.getString("display_description"), r.getString("hostname"), r.getString("project_id"),
                r.getString("user_id"), r.getString("vm_state"), r.getString("task_state"), r.getInt("power_state"),
                flavorSnapshots.get(r.getString("flavor"), FlavorJson::read), r.getString("image_ref"), r.getString("host"),
                r.getString("node"), r.getString("availability_zone"), r.getString("key_name"),
                r.getString("key_data"), r.getBoolean("locked"), r.getString("locked_by"),
                r.getString("locked_reason"), r.getString("access_ip_v4"), r.getString("access_ip_v6"),
                r.getString("config_drive"), r.getString("user_data"), r.getString("reservation_id"),
                r.getInt("launch_index"), r.getInt("progress"), r.getString("root_device_name"),
                r.getInstant("launched_at"), r.getInstant("terminated_at"), r.getInstant("created_at"),
                r.getInstant("updated_at"), r.getInstant("deleted_at"), r.getInt("deleted") != 0, Map.of(), Map.of(),
                List.of(), List.of(), Optional.empty());
    }
}
