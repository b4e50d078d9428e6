package org.jnova.db;

import static java.util.Objects.requireNonNull;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.jnova.objects.VolumeSnapshot;

/** The built-in volume catalog's snapshots table. */
public final class SnapshotStore {
    private static final String COLUMNS = "id, project_id, volume_id, volume_size, status, display_name, "
            + "display_description, created_at, metadata";
    private final Database db;

    public SnapshotStore(Database db) {
        this.db = requireNonNull(db, "db is null");
    }

    /** The live snapshot. */
    public Optional<VolumeSnapshot> find(String snapshotId) {
        return db.read(tx -> tx.queryOne("SELECT " + COLUMNS + " FROM snapshots WHERE id = ? AND deleted = 0",
                SnapshotStore::row, snapshotId));
    }

    /** A project's live snapshots, newest first. */
    public List<VolumeSnapshot> listForProject(String projectId) {
        return db.read(tx -> tx.query("SELECT " + COLUMNS + " FROM snapshots WHERE deleted = 0 AND project_id = ? "
                + "ORDER BY created_at DESC, id DESC", SnapshotStore::row, projectId));
    }

    /** A project's live snapshots and their gigabytes: {count, sum of volume sizes}. */
    public long[] usage(Tx tx, String projectId) throws SQLException {
        return tx.queryOne("SELECT COUNT(*), COALESCE(SUM(volume_size), 0) FROM snapshots WHERE project_id = ? AND "
                + "deleted = 0", r -> new long[] {r.getLong(1), r.getLong(2)}, projectId).orElseThrow();
    }

    /** Records a new snapshot. */
    public void insert(Tx tx, VolumeSnapshot s, String userId) throws SQLException {
        tx.update("INSERT INTO snapshots (id, project_id, user_id, volume_id, volume_size, status, display_name, "
                + "display_description, metadata, created_at, updated_at, deleted) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)", s.id(), s.projectId(), userId, s.volumeId(),
                s.volumeSize(), s.status(), s.name(), s.description(), MetadataColumn.write(s.metadata()),
                s.createdAt(), s.createdAt());
    }

    /** Changes a live snapshot's metadata under its row lock; the items after, empty when there is no such snapshot. */
    public Optional<Map<String, String>> updateMetadata(String snapshotId, UnaryOperator<Map<String, String>> change) {
        return db.inTransaction(tx -> MetadataColumn.update(tx, "snapshots", snapshotId, change));
    }

    /** Soft-deletes a snapshot that is available or in error; whether it did. */
    public boolean delete(String snapshotId) {
        int changed = db.inTransaction(tx -> tx.update("UPDATE snapshots SET deleted = 1, deleted_at = ?, "
                + "status = 'deleted' WHERE id = ? AND deleted = 0 AND status IN ('available', 'error')",
                Instant.now(), snapshotId));
        return changed > 0;
    }

    private static VolumeSnapshot row(Row r) throws SQLException {
        return new VolumeSnapshot(r.getString("id"), r.getString("project_id"), r.getString("volume_id"),
                r.getInt("volume_size"), r.getString("status"), r.getString("display_name"),
                r.getString("display_description"), r.getInstant("created_at"),
                MetadataColumn.read(r.getString("metadata")));
    }
}
