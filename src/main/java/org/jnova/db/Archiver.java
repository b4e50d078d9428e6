package org.jnova.db;

import static java.util.Objects.requireNonNull;

import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * nova-manage db archive_deleted_rows and purge: soft-deleted instances (and the rows that
 * belong to them) move to the shadow_* tables in batches, each batch one transaction;
 * purge deletes shadow rows.
 */
public final class Archiver {
    /** Child tables keyed by instance_uuid, archived before their instance. */
    private static final List<String> CHILDREN = List.of("instance_metadata", "instance_system_metadata",
            "instance_faults", "virtual_interfaces", "block_device_mapping");
    private final Database db;

    public Archiver(Database db) {
        this.db = requireNonNull(db, "db is null");
    }

    /** Moves up to {@code maxRows} deleted instances (null: all) with their rows; returns rows moved per table. */
    public Map<String, Integer> archive(Integer maxRows) {
        Map<String, Integer> moved = new LinkedHashMap<>();
        int remaining = maxRows == null ? Integer.MAX_VALUE : maxRows;
        while (remaining > 0) {
            int batch = Math.min(remaining, 500);
            int done = db.inTransaction(tx -> archiveBatch(tx, batch, moved));
            if (done == 0) {
                break;
            }
            remaining -= done;
        }
        return moved;
    }

    private int archiveBatch(Tx tx, int batch, Map<String, Integer> moved) throws SQLException {
        List<String> uuids = tx.query("SELECT uuid FROM instances WHERE deleted != 0 ORDER BY id LIMIT " + batch,
                r -> r.getString("uuid"));
        if (uuids.isEmpty()) {
            return 0;
        }
        Object[] args = uuids.toArray();
        String in = "(" + InstanceStore.marks(args.length) + ")";
        String actions = "SELECT id FROM instance_actions WHERE instance_uuid IN " + in;
        move(tx, "instance_actions_events", "action_id IN (" + actions + ")", args, moved);
        move(tx, "instance_actions", "instance_uuid IN " + in, args, moved);
        move(tx, "tags", "resource_id IN " + in, args, moved);
        for (String child : CHILDREN) {
            move(tx, child, "instance_uuid IN " + in, args, moved);
        }
        // nova's archive deletes the request specs of the instances it archives
        tx.update("DELETE FROM request_specs WHERE instance_uuid IN " + in, args);
        move(tx, "instances", "uuid IN " + in, args, moved);
        return uuids.size();
    }

    private static void move(Tx tx, String table, String where, Object[] args, Map<String, Integer> moved)
            throws SQLException {
        int n = tx.update("INSERT INTO shadow_" + table + " SELECT * FROM " + table + " WHERE " + where, args);
        tx.update("DELETE FROM " + table + " WHERE " + where, args);
        if (n > 0) {
            moved.merge(table, n, Integer::sum);
        }
    }

    /** Deletes shadow rows: all of them ({@code before} null) or those of instances deleted before the date. */
    public Map<String, Integer> purge(Instant before) {
        return db.inTransaction(tx -> {
            Map<String, Integer> purged = new LinkedHashMap<>();
            String pick = before == null ? "SELECT uuid FROM shadow_instances"
                    : "SELECT uuid FROM shadow_instances WHERE deleted_at < ?";
            Object[] args = before == null ? new Object[0] : new Object[] {before};
            count(purged, "instance_actions_events", tx.update("DELETE FROM shadow_instance_actions_events WHERE "
                    + "action_id IN (SELECT id FROM shadow_instance_actions WHERE instance_uuid IN (" + pick + "))",
                    args));
            count(purged, "instance_actions", tx.update("DELETE FROM shadow_instance_actions WHERE instance_uuid IN ("
                    + pick + ")", args));
            count(purged, "tags", tx.update("DELETE FROM shadow_tags WHERE resource_id IN (" + pick + ")", args));
            for (String child : CHILDREN) {
                count(purged, child, tx.update("DELETE FROM shadow_" + child + " WHERE instance_uuid IN (" + pick
                        + ")", args));
            }
            count(purged, "instances", tx.update(before == null ? "DELETE FROM shadow_instances"
                    : "DELETE FROM shadow_instances WHERE deleted_at < ?", args));
            return purged;
        });
    }

    private static void count(Map<String, Integer> into, String table, int n) {
        if (n > 0) {
            into.put(table, n);
        }
    }
}
