package org.jnova.db;

import static java.util.Objects.requireNonNull;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.jnova.objects.Volume;

/**
 * The built-in volume catalog's tables, volumes and volume_attachment. Status changes are
 * conditional UPDATEs, so two API nodes never move one volume twice.
 */
public final class VolumeStore {
    private static final String COLUMNS = "id, project_id, display_name, display_description, size, status, "
            + "availability_zone, volume_type, bootable, multiattach, snapshot_id, image_id, metadata, created_at";
    private final Database db;

    /** A new volume's columns; it is created "available". */
    public record NewVolume(String id, String projectId, String userId, String name, String description, int size,
            String availabilityZone, String volumeType, boolean bootable, boolean multiattach, String snapshotId,
            String imageId, Map<String, String> metadata, Instant createdAt) {
    }

    public VolumeStore(Database db) {
        this.db = requireNonNull(db, "db is null");
    }

    /** The live volume with its completed attachments. */
    public Optional<Volume> find(String volumeId) {
        return db.read(tx -> find(tx, volumeId));
    }

    /** A project's live volumes with their completed attachments, newest first. */
    public List<Volume> listForProject(String projectId) {
        return db.read(tx -> {
            List<Volume> rows = tx.query("SELECT " + COLUMNS + " FROM volumes WHERE deleted = 0 AND project_id = ? "
                    + "ORDER BY created_at DESC, id DESC", VolumeStore::row, projectId);
            Map<String, List<Volume.Attachment>> attached = new HashMap<>();
            tx.query("SELECT a.id, a.volume_id, a.instance_uuid, a.mountpoint, a.created_at, a.updated_at FROM "
                    + "volume_attachment a JOIN volumes v ON v.id = a.volume_id WHERE a.deleted = 0 "
                    + "AND a.attach_status = 'attached' AND v.deleted = 0 AND v.project_id = ? "
                    + "ORDER BY a.created_at, a.id", r -> attached
                            .computeIfAbsent(r.getString("volume_id"), k -> new ArrayList<>()).add(attachment(r)),
                    projectId);
            return rows.stream().map(v -> withAttachments(v, attached.getOrDefault(v.id(), List.of()))).toList();
        });
    }

    /** A project's live volumes and their gigabytes: {count, sum of sizes}. */
    public long[] usage(Tx tx, String projectId) throws SQLException {
        return tx.queryOne("SELECT COUNT(*), COALESCE(SUM(size), 0) FROM volumes WHERE project_id = ? AND "
                + "deleted = 0", r -> new long[] {r.getLong(1), r.getLong(2)}, projectId).orElseThrow();
    }

    public void insert(Tx tx, NewVolume v) throws SQLException {
        tx.update("INSERT INTO volumes (id, project_id, user_id, display_name, "
                + "display_description, size, status, availability_zone, volume_type, bootable, multiattach, "
                + "snapshot_id, image_id, metadata, created_at, updated_at, deleted) "
                + "VALUES (?, ?, ?, ?, ?, ?, 'available', ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)", v.id(), v.projectId(),
                v.userId(), v.name(), v.description(), v.size(), v.availabilityZone(), v.volumeType(),
                v.bootable(), v.multiattach(), v.snapshotId(), v.imageId(),
                MetadataColumn.write(v.metadata()), v.createdAt(), v.createdAt());
    }

    /** Changes a live volume's metadata under its row lock; the items after, empty when there is no such volume. */
    public Optional<Map<String, String>> updateMetadata(String volumeId, UnaryOperator<Map<String, String>> change) {
        return db.inTransaction(tx -> MetadataColumn.update(tx, "volumes", volumeId, change));
    }

    /** Soft-deletes a volume that is available or in error and has no attachment nor snapshot; whether it did. */
    public boolean delete(String volumeId) {
        int changed = db.inTransaction(tx -> tx.update("UPDATE volumes SET deleted = 1, deleted_at = ?, "
                + "status = 'deleted' WHERE id = ? AND deleted = 0 AND status IN ('available', 'error') AND NOT EXISTS "
                + "(SELECT 1 FROM volume_attachment a WHERE a.volume_id = volumes.id AND a.deleted = 0) AND NOT EXISTS "
                + "(SELECT 1 FROM snapshots s WHERE s.volume_id = volumes.id AND s.deleted = 0)",
                Instant.now(), volumeId));
        return changed > 0;
    }

    /** Sets the live volume's status to {@code to} when it is one of {@code from}; whether it did. */
    public boolean moveStatus(Tx tx, String volumeId, List<String> from, String to) throws SQLException {
        Object[] args = new Object[from.size() + 3];
        args[0] = to;
        args[1] = Instant.now();
        args[2] = volumeId;
        for (int i = 0; i < from.size(); i++) {
            args[i + 3] = from.get(i);
        }
        String marks = String.join(", ", java.util.Collections.nCopies(from.size(), "?"));
        return tx.update("UPDATE volumes SET status = ?, updated_at = ? WHERE id = ? AND deleted = 0 AND status IN ("
                + marks + ")", args) > 0;
    }

    /** Records the image a live volume was (re)made from; it is bootable then. */
    public void setImage(String volumeId, String imageId) {
        db.inTransaction(tx -> tx.update("UPDATE volumes SET image_id = ?, bootable = ?, updated_at = ? WHERE id = ? "
                + "AND deleted = 0", imageId, true, Instant.now(), volumeId));
    }

    /** The volume's status, deleted rows included. */
    public Optional<String> status(String volumeId) {
        return db.read(tx -> tx.queryOne("SELECT status FROM volumes WHERE id = ?", r -> r.getString("status"),
                volumeId));
    }

    public void insertAttachment(Tx tx, String attachmentId, String volumeId, String instanceUuid)
            throws SQLException {
        tx.update("INSERT INTO volume_attachment (id, volume_id, instance_uuid, attach_status, created_at, deleted) "
                + "VALUES (?, ?, ?, 'reserved', ?, 0)", attachmentId, volumeId, instanceUuid, Instant.now());
    }

    /** The volume of a live attachment. */
    public Optional<String> volumeOf(Tx tx, String attachmentId) throws SQLException {
        return tx.queryOne("SELECT volume_id FROM volume_attachment WHERE id = ? AND deleted = 0",
                r -> r.getString("volume_id"), attachmentId);
    }

    public void markAttaching(Tx tx, String attachmentId, String mountpoint) throws SQLException {
        tx.update("UPDATE volume_attachment SET attach_status = 'attaching', mountpoint = ?, updated_at = ? "
                + "WHERE id = ?", mountpoint, Instant.now(), attachmentId);
    }

    /** Completes an attachment and puts its volume in use. */
    public void markAttached(Tx tx, String attachmentId, String volumeId) throws SQLException {
        tx.update("UPDATE volume_attachment SET attach_status = 'attached', updated_at = ? WHERE id = ?",
                Instant.now(), attachmentId);
        tx.update("UPDATE volumes SET status = 'in-use', updated_at = ? WHERE id = ?", Instant.now(), volumeId);
    }

    /** Soft-deletes an attachment; the volume becomes available when it was its last one. */
    public void deleteAttachment(Tx tx, String attachmentId, String volumeId) throws SQLException {
        tx.update("UPDATE volume_attachment SET deleted = 1, deleted_at = ?, attach_status = 'detached' "
                + "WHERE id = ?", Instant.now(), attachmentId);
        long left = tx.count("SELECT COUNT(*) FROM volume_attachment WHERE volume_id = ? AND deleted = 0",
                volumeId);
        if (left == 0) {
            tx.update("UPDATE volumes SET status = 'available', updated_at = ? WHERE id = ? AND deleted = 0",
                    Instant.now(), volumeId);
        }
    }

    private static Optional<Volume> find(Tx tx, String volumeId) throws SQLException {
        Optional<Volume> volume = tx.queryOne("SELECT " + COLUMNS + " FROM volumes WHERE id = ? AND deleted = 0",
                VolumeStore::row, volumeId);
        if (volume.isEmpty()) {
            return volume;
        }
        List<Volume.Attachment> attached = tx.query("SELECT id, volume_id, instance_uuid, mountpoint, created_at, "
                + "updated_at FROM volume_attachment WHERE volume_id = ? AND deleted = 0 AND attach_status = 'attached' "
                + "ORDER BY created_at, id", VolumeStore::attachment, volumeId);
        return Optional.of(withAttachments(volume.get(), attached));
    }

    private static Volume withAttachments(Volume v, List<Volume.Attachment> attachments) {
        return new Volume(v.id(), v.projectId(), v.name(), v.description(), v.size(), v.status(), v.availabilityZone(),
                v.createdAt(), v.volumeType(), v.bootable(), v.multiattach(), v.snapshotId(), v.imageId(),
                v.metadata(), attachments);
    }

    private static Volume.Attachment attachment(Row r) throws SQLException {
        // a completed attachment was last updated when it completed
        Instant updated = r.getInstant("updated_at");
        return new Volume.Attachment(r.getString("id"), r.getString("instance_uuid"), r.getString("mountpoint"),
                updated != null ? updated : r.getInstant("created_at"));
    }

    private static Volume row(Row r) throws SQLException {
        Map<String, String> metadata = MetadataColumn.read(r.getString("metadata"));
        return new Volume(r.getString("id"), r.getString("project_id"), r.getString("display_name"),
                r.getString("display_description"), r.getInt("size"), r.getString("status"),
                r.getString("availability_zone"), r.getInstant("created_at"), r.getString("volume_type"),
                r.getBoolean("bootable"), r.getBoolean("multiattach"), r.getString("snapshot_id"),
                r.getString("image_id"), metadata, List.of());
    }
}
