package org.jnova.volume;

import static java.util.Objects.requireNonNull;

import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.jnova.context.RequestContext;
import org.jnova.db.Database;
import org.jnova.db.Row;
import org.jnova.db.Tx;
import org.jnova.utils.JsonMappers;
import org.jnova.volume.VolumeErrors.InvalidInput;
import org.jnova.volume.VolumeErrors.VolumeNotFound;

/**
 * jnova's own volume catalog, in the main database: cinder's volume and attachment states
 * without storage behind them. Volumes are created "available" at once. A volume whose type
 * is {@value #MULTIATTACH_TYPE} may be attached to several servers (cinder decides this with
 * a volume type's extra spec). Status changes are conditional UPDATEs, so two API nodes
 * never reserve one volume twice.
 */
public final class BuiltinVolumeApi implements VolumeApi {
    public static final String MULTIATTACH_TYPE = "multiattach";
    private static final String COLUMNS = "id, project_id, display_name, display_description, size, status, "
            + "availability_zone, volume_type, bootable, multiattach, snapshot_id, image_id, metadata, created_at";
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = JsonMappers.standard();
    private final Database db;
    private final String defaultZone;
    private final Limits limits;

    /** Per-project limits, cinder's quota_volumes and quota_gigabytes; -1 is unlimited. */
    public record Limits(int volumes, int gigabytes) {
    }

    /**
     * @param defaultZone the zone of volumes created without one (cinder's storage_availability_zone)
     */
    public BuiltinVolumeApi(Database db, String defaultZone, Limits limits) {
        this.db = requireNonNull(db, "db is null");
        this.defaultZone = requireNonNull(defaultZone, "defaultZone is null");
        this.limits = requireNonNull(limits, "limits is null");
    }

    @Override
    public Volume get(RequestContext ctx, String volumeId) {
        return db.read(tx -> find(tx, volumeId)).filter(v -> visible(ctx, v))
                .orElseThrow(() -> new VolumeNotFound(volumeId));
    }

    @Override
    public List<Volume> getAll(RequestContext ctx) {
        return db.read(tx -> {
            List<Volume> rows = tx.query("SELECT " + COLUMNS + " FROM volumes WHERE deleted = 0 AND project_id = ? "
                    + "ORDER BY created_at DESC, id DESC", BuiltinVolumeApi::row, ctx.projectId().orElse(""));
            Map<String, List<Volume.Attachment>> attached = new HashMap<>();
            tx.query("SELECT a.id, a.volume_id, a.instance_uuid, a.mountpoint FROM volume_attachment a JOIN volumes v "
                    + "ON v.id = a.volume_id WHERE a.deleted = 0 AND a.attach_status = 'attached' AND v.deleted = 0 "
                    + "AND v.project_id = ? ORDER BY a.created_at, a.id", r -> attached
                            .computeIfAbsent(r.getString("volume_id"), k -> new ArrayList<>()).add(attachment(r)),
                    ctx.projectId().orElse(""));
            return rows.stream().map(v -> withAttachments(v, attached.getOrDefault(v.id(), List.of()))).toList();
        });
    }

    @Override
    public Volume create(RequestContext ctx, VolumeRequest request) {
        if (request.snapshotId() != null) {
            throw new VolumeErrors.SnapshotNotFound(request.snapshotId());
        }
        String zone = request.availabilityZone() == null ? defaultZone : request.availabilityZone();
        if (!zone.equals(defaultZone)) {
            throw new InvalidInput("Availability zone '" + zone + "' is invalid.");
        }
        String id = UUID.randomUUID().toString();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        String project = ctx.requireProjectId();
        db.inTransaction(tx -> {
            checkQuota(tx, project, request.size());
            return tx.update("INSERT INTO volumes (id, project_id, user_id, display_name, "
                    + "display_description, size, status, availability_zone, volume_type, bootable, multiattach, "
                    + "snapshot_id, image_id, metadata, created_at, updated_at, deleted) "
                    + "VALUES (?, ?, ?, ?, ?, ?, 'available', ?, ?, ?, ?, NULL, ?, ?, ?, ?, 0)", id, project,
                    ctx.userId(), request.name(), request.description(), request.size(), zone, request.volumeType(),
                    request.imageId() != null, MULTIATTACH_TYPE.equals(request.volumeType()), request.imageId(),
                    writeMetadata(request.metadata()), now, now);
        });
        return get(ctx, id);
    }

    /**
     * cinder's volume reservation: the project's volumes and gigabytes, counted under the
     * project's lock, must stay within the limits. cinder reports gigabytes before volumes
     * (its over-quota names are sorted); nova passes cinder's 413 text on as a 403.
     */
    private void checkQuota(Tx tx, String project, int size) throws SQLException {
        if (limits.volumes() < 0 && limits.gigabytes() < 0) {
            return;
        }
        org.jnova.db.ProjectLock.lock(tx, project);
        long[] used = tx.queryOne("SELECT COUNT(*), COALESCE(SUM(size), 0) FROM volumes WHERE project_id = ? AND "
                + "deleted = 0", r -> new long[] {r.getLong(1), r.getLong(2)}, project).orElseThrow();
        if (limits.gigabytes() >= 0 && used[1] + size > limits.gigabytes()) {
            throw new org.jnova.exception.OverQuota("Requested volume or snapshot exceeds allowed gigabytes quota. "
                    + "Requested " + size + "G, quota is " + limits.gigabytes() + "G and " + used[1]
                    + "G has been consumed.");
        }
        if (limits.volumes() >= 0 && used[0] + 1 > limits.volumes()) {
            throw new org.jnova.exception.OverQuota("Maximum number of volumes allowed (" + limits.volumes()
                    + ") exceeded for quota 'volumes'.");
        }
    }

    @Override
    public void delete(RequestContext ctx, String volumeId) {
        get(ctx, volumeId);
        int changed = db.inTransaction(tx -> tx.update("UPDATE volumes SET deleted = 1, deleted_at = ?, "
                + "status = 'deleted' WHERE id = ? AND deleted = 0 AND status IN ('available', 'error') AND NOT EXISTS "
                + "(SELECT 1 FROM volume_attachment a WHERE a.volume_id = volumes.id AND a.deleted = 0)",
                Instant.now(), volumeId));
        if (changed == 0) {
            throw new InvalidInput("Invalid volume: Volume status must be available or error or error_restoring or "
                    + "error_extending or error_managing and must not be migrating, attached, belong to a group, "
                    + "have snapshots, awaiting a transfer, or be disassociated from snapshots after volume "
                    + "transfer.");
        }
    }

    @Override
    public void reserveVolume(RequestContext ctx, String volumeId) {
        get(ctx, volumeId);
        if (!moveStatus(volumeId, List.of("available"), "attaching")) {
            throw new InvalidInput("Invalid volume: Volume status must be available to reserve, but the status is "
                    + status(volumeId) + ".");
        }
    }

    @Override
    public void unreserveVolume(RequestContext ctx, String volumeId) {
        get(ctx, volumeId);
        moveStatus(volumeId, List.of("attaching"), "available");
    }

    @Override
    public void beginDetaching(RequestContext ctx, String volumeId) {
        get(ctx, volumeId);
        if (!moveStatus(volumeId, List.of("in-use"), "detaching")) {
            throw new InvalidInput("Invalid volume: Unable to detach volume. Volume status must be 'in-use' and "
                    + "attach_status must be 'attached' to detach.");
        }
    }

    @Override
    public void rollDetaching(RequestContext ctx, String volumeId) {
        moveStatus(volumeId, List.of("detaching"), "in-use");
    }

    @Override
    public String attachmentCreate(RequestContext ctx, String volumeId, String instanceUuid) {
        Volume volume = get(ctx, volumeId);
        List<String> from = volume.multiattach() ? List.of("available", "in-use", "downloading")
                : List.of("available", "downloading");
        String id = UUID.randomUUID().toString();
        boolean reserved = db.inTransaction(tx -> {
            if (!moveStatus(tx, volumeId, from, "reserved")) {
                return false;
            }
            tx.update("INSERT INTO volume_attachment (id, volume_id, instance_uuid, attach_status, created_at, deleted) "
                    + "VALUES (?, ?, ?, 'reserved', ?, 0)", id, volumeId, instanceUuid, Instant.now());
            return true;
        });
        if (!reserved) {
            throw new InvalidInput("Invalid volume: Volume " + volumeId + " status must be " + String.join(" or ", from));
        }
        return id;
    }

    @Override
    public void attachmentUpdate(RequestContext ctx, String attachmentId, String mountpoint) {
        db.inTransaction(tx -> {
            String volumeId = volumeOf(tx, attachmentId);
            tx.update("UPDATE volume_attachment SET attach_status = 'attaching', mountpoint = ?, updated_at = ? "
                    + "WHERE id = ?", mountpoint, Instant.now(), attachmentId);
            moveStatus(tx, volumeId, List.of("reserved", "available"), "attaching");
            return null;
        });
    }

    @Override
    public void attachmentComplete(RequestContext ctx, String attachmentId) {
        db.inTransaction(tx -> {
            String volumeId = volumeOf(tx, attachmentId);
            tx.update("UPDATE volume_attachment SET attach_status = 'attached', updated_at = ? WHERE id = ?",
                    Instant.now(), attachmentId);
            tx.update("UPDATE volumes SET status = 'in-use', updated_at = ? WHERE id = ?", Instant.now(), volumeId);
            return null;
        });
    }

    @Override
    public void attachmentDelete(RequestContext ctx, String attachmentId) {
        db.inTransaction(tx -> {
            Optional<String> volumeId = tx.queryOne("SELECT volume_id FROM volume_attachment WHERE id = ? AND "
                    + "deleted = 0", r -> r.getString("volume_id"), attachmentId);
            if (volumeId.isEmpty()) {
                return null; // as nova's attachment_delete: a missing attachment is only logged
            }
            tx.update("UPDATE volume_attachment SET deleted = 1, deleted_at = ?, attach_status = 'detached' "
                    + "WHERE id = ?", Instant.now(), attachmentId);
            long left = tx.count("SELECT COUNT(*) FROM volume_attachment WHERE volume_id = ? AND deleted = 0",
                    volumeId.get());
            if (left == 0) {
                tx.update("UPDATE volumes SET status = 'available', updated_at = ? WHERE id = ? AND deleted = 0",
                        Instant.now(), volumeId.get());
            }
            return null;
        });
    }

    private static boolean visible(RequestContext ctx, Volume v) {
        return ctx.isAdmin() || ctx.projectId().map(p -> p.equals(v.projectId())).orElse(false);
    }

    private boolean moveStatus(String volumeId, List<String> from, String to) {
        return db.inTransaction(tx -> moveStatus(tx, volumeId, from, to));
    }

    private static boolean moveStatus(Tx tx, String volumeId, List<String> from, String to) throws SQLException {
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

    private String status(String volumeId) {
        return db.read(tx -> tx.queryOne("SELECT status FROM volumes WHERE id = ?", r -> r.getString("status"),
                volumeId)).orElse("deleted");
    }

    private static String volumeOf(Tx tx, String attachmentId) throws SQLException {
        return tx.queryOne("SELECT volume_id FROM volume_attachment WHERE id = ? AND deleted = 0",
                r -> r.getString("volume_id"), attachmentId)
                .orElseThrow(() -> new VolumeErrors.AttachmentNotFound(attachmentId));
    }

    private static Optional<Volume> find(Tx tx, String volumeId) throws SQLException {
        Optional<Volume> volume = tx.queryOne("SELECT " + COLUMNS + " FROM volumes WHERE id = ? AND deleted = 0",
                BuiltinVolumeApi::row, volumeId);
        if (volume.isEmpty()) {
            return volume;
        }
        List<Volume.Attachment> attached = tx.query("SELECT id, volume_id, instance_uuid, mountpoint FROM "
                + "volume_attachment WHERE volume_id = ? AND deleted = 0 AND attach_status = 'attached' "
                + "ORDER BY created_at, id", BuiltinVolumeApi::attachment, volumeId);
        return Optional.of(withAttachments(volume.get(), attached));
    }

    private static Volume withAttachments(Volume v, List<Volume.Attachment> attachments) {
        return new Volume(v.id(), v.projectId(), v.name(), v.description(), v.size(), v.status(), v.availabilityZone(),
                v.createdAt(), v.volumeType(), v.bootable(), v.multiattach(), v.snapshotId(), v.imageId(),
                v.metadata(), attachments);
    }

    private static String writeMetadata(Map<String, String> metadata) {
        try {
            return JSON.writeValueAsString(new TreeMap<>(metadata));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> readMetadata(String text) {
        if (text == null || text.isEmpty()) {
            return Map.of();
        }
        try {
            return new TreeMap<>(JSON.readValue(text, new com.fasterxml.jackson.core.type.TypeReference<Map<String, String>>() { }));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("bad volume metadata " + text, e);
        }
    }

    private static Volume.Attachment attachment(Row r) throws SQLException {
        return new Volume.Attachment(r.getString("id"), r.getString("instance_uuid"), r.getString("mountpoint"));
    }

    private static Volume row(Row r) throws SQLException {
        Map<String, String> metadata = readMetadata(r.getString("metadata"));
        return new Volume(r.getString("id"), r.getString("project_id"), r.getString("display_name"),
                r.getString("display_description"), r.getInt("size"), r.getString("status"),
                r.getString("availability_zone"), r.getInstant("created_at"), r.getString("volume_type"),
                r.getBoolean("bootable"), r.getBoolean("multiattach"), r.getString("snapshot_id"),
                r.getString("image_id"), metadata, List.of());
    }
}
