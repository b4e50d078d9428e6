package org.jnova.db;

import static java.util.Objects.requireNonNull;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jnova.objects.Migration;
import org.jnova.objects.MigrationFilter;

/**
 * nova's migrations (os-migrations, server migrations): one row per resize, cold or live
 * migration and evacuation, with its status as the move goes on. In the main database.
 */
public final class MigrationStore {
    private static final String COLUMNS = "id, uuid, instance_uuid, migration_type, status, source_compute, "
            + "source_node, dest_compute, dest_node, dest_host, old_instance_type_id, new_instance_type_id, user_id, "
            + "project_id, created_at, updated_at";
    private final Database db;

    public MigrationStore(Database db) {
        this.db = requireNonNull(db, "db is null");
    }

    /** Records a new migration; returns its uuid. */
    public String create(String instanceUuid, String migrationType, String status, String sourceCompute,
            String sourceNode, String destCompute, int oldFlavorId, int newFlavorId, String userId, String projectId) {
        return db.inTransaction(tx -> create(tx, instanceUuid, migrationType, status, sourceCompute, sourceNode,
                destCompute, oldFlavorId, newFlavorId, userId, projectId));
    }

    /** As above, in the caller's transaction. */
    public String create(Tx tx, String instanceUuid, String migrationType, String status, String sourceCompute,
            String sourceNode, String destCompute, int oldFlavorId, int newFlavorId, String userId, String projectId)
            throws SQLException {
        String uuid = UUID.randomUUID().toString();
        tx.update("INSERT INTO migrations (uuid, instance_uuid, migration_type, status, "
                + "source_compute, source_node, dest_compute, old_instance_type_id, new_instance_type_id, user_id, "
                + "project_id, created_at, updated_at, deleted) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)",
                uuid, instanceUuid, migrationType, status, sourceCompute, sourceNode, destCompute, oldFlavorId,
                newFlavorId, userId, projectId, FlavorJson.now(), FlavorJson.now());
        return uuid;
    }

    /** Sets the status (and, when not null, the destination) of a migration. */
    public void update(String uuid, String status, String destCompute, String destNode) {
        db.inTransaction(tx -> {
            update(tx, uuid, status, destCompute, destNode);
            return null;
        });
    }

    /** As above, in the caller's transaction. */
    public void update(Tx tx, String uuid, String status, String destCompute, String destNode) throws SQLException {
        if (destCompute != null) {
            tx.update("UPDATE migrations SET dest_compute = ?, dest_node = ?, dest_host = ?, updated_at = ? "
                    + "WHERE uuid = ?", destCompute, destNode, destCompute, FlavorJson.now(), uuid);
        }
        tx.update("UPDATE migrations SET status = ?, updated_at = ? WHERE uuid = ?", status, FlavorJson.now(), uuid);
    }

    /** The newest migration of an instance. */
    public Optional<Migration> latest(String instanceUuid) {
        return db.read(tx -> tx.queryOne("SELECT " + COLUMNS + " FROM migrations WHERE instance_uuid = ? AND "
                + "deleted = 0 ORDER BY id DESC", MigrationStore::row, instanceUuid));
    }

    /** Migrations, newest first; {@code instanceUuid} null: all. */
    public List<Migration> list(String instanceUuid) {
        return db.read(tx -> {
            List<Object> args = new ArrayList<>();
            String sql = "SELECT " + COLUMNS + " FROM migrations WHERE deleted = 0";
            if (instanceUuid != null) {
                sql += " AND instance_uuid = ?";
                args.add(instanceUuid);
            }
            return tx.query(sql + " ORDER BY created_at DESC, id DESC", MigrationStore::row, args.toArray());
        });
    }

    /** Visible (not hidden, not deleted) migrations matching {@code filter}, in id order. */
    public List<Migration> search(MigrationFilter filter) {
        return db.read(tx -> {
            List<Object> args = new ArrayList<>();
            StringBuilder sql = where(filter, args);
            return tx.query(sql + " ORDER BY id", MigrationStore::row, args.toArray());
        });
    }

    /**
     * One page of {@link #search}, newest first (created_at, id descending), after the migration
     * whose uuid is {@code marker} (null: from the start), at most {@code limit} rows.
     *
     * @throws org.jnova.exception.Invalid "Marker X could not be found." when no such migration
     */
    public List<Migration> page(MigrationFilter filter, String marker, int limit) {
        return db.read(tx -> {
            List<Object> args = new ArrayList<>();
            StringBuilder sql = where(filter, args);
            if (marker != null) {
                Migration at = tx.queryOne("SELECT " + COLUMNS + " FROM migrations WHERE uuid = ? AND deleted = 0",
                        MigrationStore::row, marker).orElseThrow(() -> new org.jnova.exception.Invalid(
                                "Marker " + marker + " could not be found."));
                sql.append(" AND (created_at < ? OR (created_at = ? AND id < ?))");
                args.add(at.createdAt());
                args.add(at.createdAt());
                args.add(at.id());
            }
            sql.append(" ORDER BY created_at DESC, id DESC LIMIT ").append(Math.max(0, limit));
            return tx.query(sql.toString(), MigrationStore::row, args.toArray());
        });
    }

    /** An instance's migrations of one type in one of {@code statuses}, oldest first. */
    public List<Migration> inProgress(String instanceUuid, String migrationType, Collection<String> statuses) {
        if (statuses.isEmpty()) {
            return List.of();
        }
        return db.read(tx -> {
            List<Object> args = new ArrayList<>(List.of(instanceUuid, migrationType));
            args.addAll(statuses);
            return tx.query("SELECT " + COLUMNS + " FROM migrations WHERE deleted = 0 AND instance_uuid = ? "
                    + "AND migration_type = ? AND status IN (" + InstanceStore.marks(statuses.size()) + ") "
                    + "ORDER BY created_at, id", MigrationStore::row, args.toArray());
        });
    }

    private static StringBuilder where(MigrationFilter filter, List<Object> args) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM migrations WHERE deleted = 0 "
                + "AND hidden = ?");
        args.add(false);
        equal(sql, args, "status", filter.status());
        if (filter.host() != null) {
            sql.append(" AND (source_compute = ? OR dest_compute = ?)");
            args.add(filter.host());
            args.add(filter.host());
        }
        equal(sql, args, "source_compute", filter.sourceCompute());
        equal(sql, args, "migration_type", filter.migrationType());
        equal(sql, args, "instance_uuid", filter.instanceUuid());
        equal(sql, args, "user_id", filter.userId());
        equal(sql, args, "project_id", filter.projectId());
        if (filter.changesSince() != null) {
            sql.append(" AND updated_at >= ?");
            args.add(filter.changesSince());
        }
        if (filter.changesBefore() != null) {
            sql.append(" AND updated_at <= ?");
            args.add(filter.changesBefore());
        }
        return sql;
    }

    /** One migration by uuid, whatever its state. */
    public Optional<Migration> byUuid(String uuid) {
        return db.read(tx -> tx.queryOne("SELECT " + COLUMNS + " FROM migrations WHERE uuid = ? AND deleted = 0",
                MigrationStore::row, uuid));
    }

    /** One migration by id, whatever its state. */
    public Optional<Migration> byId(int id) {
        return db.read(tx -> tx.queryOne("SELECT " + COLUMNS + " FROM migrations WHERE id = ? AND deleted = 0",
                MigrationStore::row, id));
    }

    private static void equal(StringBuilder sql, List<Object> args, String column, String value) {
        if (value != null) {
            sql.append(" AND ").append(column).append(" = ?");
            args.add(value);
        }
    }

    private static Migration row(Row r) throws SQLException {
        return new Migration(r.getInt("id"), r.getString("uuid"), r.getString("instance_uuid"),
                r.getString("migration_type"), r.getString("status"), r.getString("source_compute"),
                r.getString("source_node"), r.getString("dest_compute"), r.getString("dest_node"),
                r.getString("dest_host"), r.getInteger("old_instance_type_id"), r.getInteger("new_instance_type_id"),
                r.getString("user_id"), r.getString("project_id"), r.getInstant("created_at"),
                r.getInstant("updated_at"));
    }
}
