package org.jnova.db;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jnova.objects.Instance;
import org.jnova.objects.InstanceFault;
import org.jnova.objects.VirtualInterface;

/** The rows hanging off an instance: metadata, system metadata, tags, faults, ports. */
public final class InstanceChildren {
    private static final int CHUNK = 500;
    /** System metadata keys are the service's own, all lower case: LIKE's case folding changes nothing. */
    private static final String WITHOUT_IMAGE_PROPERTIES = " AND meta_key NOT LIKE 'image!_%' ESCAPE '!'";

    /** Loads the children of all given instances with one query per table (per 500 instances). */
    List<Instance> attach(Tx tx, List<Instance> rows) throws SQLException {
        return attach(tx, rows, true);
    }

    /**
     * As above; without {@code imageProperties} the system metadata leaves out the image's
     * properties (the "image_" keys boot copies from the image): most of its rows, which only
     * the server views from 2.98 show.
     */
    List<Instance> attach(Tx tx, List<Instance> rows, boolean imageProperties) throws SQLException {
        if (rows.isEmpty()) {
            return rows;
        }
        Map<String, Map<String, String>> meta = new HashMap<>();
        Map<String, Map<String, String>> sysmeta = new HashMap<>();
        Map<String, List<String>> tags = new HashMap<>();
        Map<String, InstanceFault> faults = new HashMap<>();
        Map<String, List<VirtualInterface>> vifs = new HashMap<>();
        for (int from = 0; from < rows.size(); from += CHUNK) {
            List<Instance> chunk = rows.subList(from, Math.min(rows.size(), from + CHUNK));
            Object[] uuids = chunk.stream().map(Instance::uuid).toArray();
            String in = "(" + InstanceStore.marks(uuids.length) + ")";
            loadMeta(tx, in, uuids, imageProperties, meta, sysmeta);
            tx.query("SELECT resource_id, tag FROM tags WHERE resource_id IN " + in + " ORDER BY tag", r -> {
                tags.computeIfAbsent(r.getString("resource_id"), k -> new ArrayList<>()).add(r.getString("tag"));
                return null;
            }, uuids);
            loadFaults(tx, chunk, faults);
            tx.query("SELECT v.uuid, v.instance_uuid, v.network_label, v.address, v.fixed_ip, f.address AS floating "
                    + "FROM virtual_interfaces v LEFT JOIN floating_ips f ON f.instance_uuid = v.instance_uuid "
                    + "AND f.fixed_ip = v.fixed_ip WHERE v.deleted = 0 AND v.instance_uuid IN " + in
                    + " ORDER BY v.id", r -> {
                        vifs.computeIfAbsent(r.getString("instance_uuid"), k -> new ArrayList<>())
                                .add(new VirtualInterface(r.getString("uuid"), r.getString("instance_uuid"),
                                        r.getString("network_label"), r.getString("address"), r.getString("fixed_ip"),
                                        r.getString("floating")));
                        return null;
                    }, uuids);
        }
        List<Instance> out = new ArrayList<>(rows.size());
        for (Instance i : rows) {
            String u = i.uuid();
            out.add(new Instance(i.id(), u, i.name(), i.displayName(), i.displayDescription(), i.hostname(),
                    i.projectId(), i.userId(), i.vmState(), i.taskState(), i.powerState(), i.flavor(), i.imageRef(),
                    i.host(), i.node(), i.availabilityZone(), i.keyName(), i.keyData(), i.locked(), i.lockedBy(),
                    i.lockedReason(), i.accessIpV4(), i.accessIpV6(), i.configDrive(), i.userData(),
                    i.reservationId(), i.launchIndex(), i.progress(), i.rootDeviceName(), i.launchedAt(),
                    i.terminatedAt(), i.createdAt(), i.updatedAt(), i.deletedAt(), i.deleted(),
                    meta.getOrDefault(u, Map.of()), sysmeta.getOrDefault(u, Map.of()), tags.getOrDefault(u, List.of()),
                    vifs.getOrDefault(u, List.of()), Optional.ofNullable(faults.get(u))));
        }
        return out;
    }

    /**
     * Metadata and system metadata in one query: both tables have the same shape. Hash maps:
     * the instance keeps an unordered copy, views sort what they show.
     */
    private static void loadMeta(Tx tx, String in, Object[] uuids, boolean imageProperties,
            Map<String, Map<String, String>> meta, Map<String, Map<String, String>> sysmeta) throws SQLException {
        Object[] twice = new Object[uuids.length * 2];
        System.arraycopy(uuids, 0, twice, 0, uuids.length);
        System.arraycopy(uuids, 0, twice, uuids.length, uuids.length);
        tx.query(metaSelect("instance_metadata", "0", in) + " UNION ALL "
                + metaSelect("instance_system_metadata", "1", in) + (imageProperties ? "" : WITHOUT_IMAGE_PROPERTIES),
                r -> {
                    Map<String, Map<String, String>> into = r.getInt("sys") == 1 ? sysmeta : meta;
                    into.computeIfAbsent(r.getString("instance_uuid"), k -> new HashMap<>())
                            .put(r.getString("meta_key"), r.getString("meta_value"));
                    return null;
                }, twice);
    }

    private static String metaSelect(String table, String sys, String in) {
        // deleted rows of a deleted instance are still shown, as nova shows a deleted server's metadata
        return "SELECT " + sys + " AS sys, instance_uuid, meta_key, meta_value FROM " + table
                + " WHERE instance_uuid IN " + in + " AND (deleted = 0 OR deleted_at IS NOT NULL AND instance_uuid IN "
                + "(SELECT uuid FROM instances WHERE deleted != 0 AND deleted_at = " + table + ".deleted_at))";
    }

    /** The latest fault of each instance. */
    private static void loadFaults(Tx tx, List<Instance> chunk, Map<String, InstanceFault> faults)
            throws SQLException {
        Object[] uuids = chunk.stream().map(Instance::uuid).toArray();
        tx.query("SELECT instance_uuid, code, message, details, host, created_at FROM instance_faults "
                + "WHERE deleted = 0 AND instance_uuid IN (" + InstanceStore.marks(uuids.length) + ") "
                + "ORDER BY created_at, id", r -> {
                    faults.put(r.getString("instance_uuid"), new InstanceFault(r.getInt("code"),
                            r.getString("message"), r.getString("details"), r.getString("host"),
                            r.getInstant("created_at")));
                    return null;
                }, uuids);
    }

    void insertMetadata(Tx tx, String table, String uuid, Map<String, String> items, Instant now)
            throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        for (Map.Entry<String, String> e : items.entrySet()) {
            rows.add(new Object[] {uuid, e.getKey(), e.getValue(), now});
        }
        tx.batch("INSERT INTO " + table + " (instance_uuid, meta_key, meta_value, created_at, deleted) "
                + "VALUES (?, ?, ?, ?, 0)", rows);
    }

    void insertTags(Tx tx, String uuid, List<String> tags) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        for (String t : new java.util.LinkedHashSet<>(tags)) {
            rows.add(new Object[] {uuid, t});
        }
        tx.batch("INSERT INTO tags (resource_id, tag) VALUES (?, ?)", rows);
    }

    /** Keeps the scheduler hints (JSON) a server was booted with, as nova's request spec. */
    public void insertSchedulerHints(Tx tx, String uuid, String hintsJson) throws SQLException {
        tx.update("INSERT INTO request_specs (instance_uuid, scheduler_hints, created_at) VALUES (?, ?, ?)", uuid,
                hintsJson, FlavorJson.now());
    }

    /** The scheduler hints (JSON) of the given instances that have a request spec. */
    public Map<String, String> schedulerHints(Tx tx, List<String> uuids) throws SQLException {
        Map<String, String> out = new HashMap<>();
        for (int from = 0; from < uuids.size(); from += CHUNK) {
            Object[] chunk = uuids.subList(from, Math.min(uuids.size(), from + CHUNK)).toArray();
            tx.query("SELECT instance_uuid, scheduler_hints FROM request_specs WHERE instance_uuid IN ("
                    + InstanceStore.marks(chunk.length) + ")",
                    r -> out.put(r.getString("instance_uuid"), r.getString("scheduler_hints")), chunk);
        }
        return out;
    }

    /** The live metadata of an instance (system = true: system metadata). */
    public Map<String, String> metadata(Tx tx, String uuid, boolean system) throws SQLException {
        Map<String, String> out = new LinkedHashMap<>();
        tx.query("SELECT meta_key, meta_value FROM " + table(system) + " WHERE instance_uuid = ? AND deleted = 0 "
                + "ORDER BY meta_key", r -> out.put(r.getString("meta_key"), r.getString("meta_value")), uuid);
        return out;
    }

    /**
     * Sets metadata items; with {@code replace}, items not given are removed (PUT of the whole
     * set), otherwise the given ones are added or changed (POST). Returns the metadata after.
     */
    public Map<String, String> updateMetadata(Tx tx, String uuid, Map<String, String> items, boolean replace,
            boolean system) throws SQLException {
        Instant now = FlavorJson.now();
        String table = table(system);
        Map<String, String> current = metadata(tx, uuid, system);
        for (String key : current.keySet()) {
            if (replace && !items.containsKey(key) || items.containsKey(key)) {
                tx.update("UPDATE " + table + " SET deleted = id, deleted_at = ? WHERE instance_uuid = ? "
                        + "AND meta_key = ? AND deleted = 0", now, uuid, key);
            }
        }
        insertMetadata(tx, table, uuid, items, now);
        return metadata(tx, uuid, system);
    }

    /** Removes one metadata item; false when it was not there. */
    public boolean deleteMetadata(Tx tx, String uuid, String key, boolean system) throws SQLException {
        return tx.update("UPDATE " + table(system) + " SET deleted = id, deleted_at = ? WHERE instance_uuid = ? "
                + "AND meta_key = ? AND deleted = 0", FlavorJson.now(), uuid, key) > 0;
    }

    public List<String> tags(Tx tx, String uuid) throws SQLException {
        return tx.query("SELECT tag FROM tags WHERE resource_id = ? ORDER BY tag", r -> r.getString("tag"), uuid);
    }

    /** Adds a tag; false when it was already there. */
    public boolean addTag(Tx tx, String uuid, String tag) throws SQLException {
        if (tx.count("SELECT COUNT(*) FROM tags WHERE resource_id = ? AND tag = ?", uuid, tag) > 0) {
            return false;
        }
        tx.update("INSERT INTO tags (resource_id, tag) VALUES (?, ?)", uuid, tag);
        return true;
    }

    public List<String> replaceTags(Tx tx, String uuid, List<String> tags) throws SQLException {
        tx.update("DELETE FROM tags WHERE resource_id = ?", uuid);
        insertTags(tx, uuid, tags);
        return tags(tx, uuid);
    }

    public boolean deleteTag(Tx tx, String uuid, String tag) throws SQLException {
        return tx.update("DELETE FROM tags WHERE resource_id = ? AND tag = ?", uuid, tag) > 0;
    }

    public void deleteAllTags(Tx tx, String uuid) throws SQLException {
        tx.update("DELETE FROM tags WHERE resource_id = ?", uuid);
    }

    /** Records a fault (nova's instance_fault_create); the message is cut to 255 characters. */
    public void addFault(Tx tx, String uuid, int code, String message, String details, String host)
            throws SQLException {
        String m = message == null ? "" : message.length() > 255 ? message.substring(0, 255) : message;
        tx.update("INSERT INTO instance_faults (instance_uuid, code, message, details, host, created_at, deleted) "
                + "VALUES (?, ?, ?, ?, ?, ?, 0)", uuid, code, m, details, host, FlavorJson.now());
    }

    private static String table(boolean system) {
        return system ? "instance_system_metadata" : "instance_metadata";
    }
}
