package org.jnova.volume;

import org.jnova.objects.Volume;
import org.jnova.objects.VolumeSnapshot;
import static java.util.Objects.requireNonNull;

import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.jnova.context.RequestContext;
import org.jnova.db.SnapshotStore;
import org.jnova.db.Transactions;
import org.jnova.db.Tx;
import org.jnova.db.VolumeStore;
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
    private final Transactions db;
    private final VolumeStore store;
    private final String defaultZone;
    private final SnapshotStore snapshots;
    private final CatalogQuota quota;
    private final int snapshotLimit;

    /** Per-project limits, cinder's quota_volumes, quota_gigabytes and quota_snapshots; -1 is unlimited. */
    public record Limits(int volumes, int gigabytes, int snapshots) {
    }

    /**
     * @param defaultZone the zone of volumes created without one (cinder's storage_availability_zone)
     */
    public BuiltinVolumeApi(Transactions db, VolumeStore store, SnapshotStore snapshots, String defaultZone,
            Limits limits) {
        this.db = requireNonNull(db, "db is null");
        this.store = requireNonNull(store, "store is null");
        this.snapshots = requireNonNull(snapshots, "snapshots is null");
        this.defaultZone = requireNonNull(defaultZone, "defaultZone is null");
        this.quota = new CatalogQuota(store, snapshots, limits);
        this.snapshotLimit = limits.snapshots();
    }

    @Override
    public Volume get(RequestContext ctx, String volumeId) {
        return store.find(volumeId).filter(v -> visible(ctx, v.projectId()))
                .orElseThrow(() -> new VolumeNotFound(volumeId));
    }

    @Override
    public List<Volume> getAll(RequestContext ctx) {
        return store.listForProject(ctx.projectId().orElse(""));
    }

    @Override
    public Volume create(RequestContext ctx, VolumeRequest request) {
        Volume source = null;
        int size = request.size();
        if (request.snapshotId() != null) {
            VolumeSnapshot snapshot = getSnapshot(ctx, request.snapshotId());
            source = store.find(snapshot.volumeId()).orElse(null);
            size = size <= 0 ? snapshot.volumeSize() : size;
            if (size < snapshot.volumeSize()) {
                throw new InvalidInput("Invalid input received: Volume size '" + size + "'GB cannot be smaller than "
                        + "the snapshot size " + snapshot.volumeSize() + "GB. They must be >= original snapshot size.");
            }
        }
        String zone = request.availabilityZone() == null ? defaultZone : request.availabilityZone();
        if (!zone.equals(defaultZone)) {
            throw new InvalidInput("Availability zone '" + zone + "' is invalid.");
        }
        String id = UUID.randomUUID().toString();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        String project = ctx.requireProjectId();
        String imageId = source != null ? source.imageId() : request.imageId();
        String type = request.volumeType() == null && source != null ? source.volumeType() : request.volumeType();
        boolean bootable = source != null ? source.bootable() : request.imageId() != null;
        int volumeSize = size;
        db.inTransaction(tx -> {
            quota.reserveVolume(tx, project, volumeSize);
            store.insert(tx, new VolumeStore.NewVolume(id, project, ctx.userId(), request.name(),
                    request.description(), volumeSize, zone, type, bootable, MULTIATTACH_TYPE.equals(type),
                    request.snapshotId(), imageId, request.metadata(), now));
            return null;
        });
        return get(ctx, id);
    }

    /** The catalog holds no data: the volume only names its new image and becomes bootable. */
    @Override
    public void reimage(RequestContext ctx, String volumeId, String imageId) {
        get(ctx, volumeId);
        store.setImage(volumeId, imageId);
    }

    @Override
    public int[] snapshotLimits(RequestContext ctx) {
        return new int[] {getAllSnapshots(ctx).size(), snapshotLimit};
    }

    @Override
    public VolumeSnapshot getSnapshot(RequestContext ctx, String snapshotId) {
        return snapshots.find(snapshotId).filter(s -> visible(ctx, s.projectId()))
                .orElseThrow(() -> new VolumeErrors.SnapshotNotFound(snapshotId));
    }

    @Override
    public List<VolumeSnapshot> getAllSnapshots(RequestContext ctx) {
        return snapshots.listForProject(ctx.projectId().orElse(""));
    }

    /**
     * cinder's create_snapshot: the volume must be available, or in-use when forced. The
     * catalog has no storage to copy, so the snapshot is available at once; it belongs to the
     * volume's project.
     */
    @Override
    public VolumeSnapshot createSnapshot(RequestContext ctx, String volumeId, String name, String description,
            boolean force) {
        Volume volume = get(ctx, volumeId);
        List<String> valid = force ? List.of("available", "in-use") : List.of("available");
        if (!valid.contains(volume.status())) {
            throw new InvalidInput("Invalid volume: Volume " + volumeId + " status must be " + String.join(", ", valid)
                    + ", but current status is: " + volume.status() + ".");
        }
        VolumeSnapshot snapshot = new VolumeSnapshot(UUID.randomUUID().toString(), volume.projectId(), volumeId,
                volume.size(), "available", name, description, Instant.now().truncatedTo(ChronoUnit.MICROS), Map.of());
        db.inTransaction(tx -> {
            quota.reserveSnapshot(tx, volume.projectId(), volume.size());
            snapshots.insert(tx, snapshot, ctx.userId());
            return null;
        });
        return snapshot;
    }

    @Override
    public void updateVolumeMetadata(RequestContext ctx, String volumeId, Map<String, String> items) {
        get(ctx, volumeId);
        store.updateMetadata(volumeId, adding(items)).orElseThrow(() -> new VolumeNotFound(volumeId));
    }

    @Override
    public void deleteVolumeMetadata(RequestContext ctx, String volumeId, Collection<String> keys) {
        get(ctx, volumeId);
        store.updateMetadata(volumeId, removing(keys)).orElseThrow(() -> new VolumeNotFound(volumeId));
    }

    @Override
    public void updateSnapshotMetadata(RequestContext ctx, String snapshotId, Map<String, String> items) {
        getSnapshot(ctx, snapshotId);
        snapshots.updateMetadata(snapshotId, adding(items))
                .orElseThrow(() -> new VolumeErrors.SnapshotNotFound(snapshotId));
    }

    @Override
    public void deleteSnapshotMetadata(RequestContext ctx, String snapshotId, Collection<String> keys) {
        getSnapshot(ctx, snapshotId);
        snapshots.updateMetadata(snapshotId, removing(keys))
                .orElseThrow(() -> new VolumeErrors.SnapshotNotFound(snapshotId));
    }

    /** A metadata change that sets {@code items}, replacing the values of keys already there. */
    private static UnaryOperator<Map<String, String>> adding(Map<String, String> items) {
        return current -> {
            current.putAll(items);
            return current;
        };
    }

    /** A metadata change that drops {@code keys}. */
    private static UnaryOperator<Map<String, String>> removing(Collection<String> keys) {
        return current -> {
            current.keySet().removeAll(keys);
            return current;
        };
    }

    @Override
    public void deleteSnapshot(RequestContext ctx, String snapshotId) {
        getSnapshot(ctx, snapshotId);
        if (!snapshots.delete(snapshotId)) {
            throw new InvalidInput("Invalid snapshot: Snapshot status must be available or error and must not be "
                    + "part of a group.");
        }
    }

    @Override
    public void delete(RequestContext ctx, String volumeId) {
        get(ctx, volumeId);
        if (!store.delete(volumeId)) {
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
            if (!store.moveStatus(tx, volumeId, from, "reserved")) {
                return false;
            }
            store.insertAttachment(tx, id, volumeId, instanceUuid);
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
            store.markAttaching(tx, attachmentId, mountpoint);
            store.moveStatus(tx, volumeId, List.of("reserved", "available"), "attaching");
            return null;
        });
    }

    @Override
    public void attachmentComplete(RequestContext ctx, String attachmentId) {
        db.inTransaction(tx -> {
            String volumeId = volumeOf(tx, attachmentId);
            store.markAttached(tx, attachmentId, volumeId);
            return null;
        });
    }

    @Override
    public void attachmentDelete(RequestContext ctx, String attachmentId) {
        db.inTransaction(tx -> {
            Optional<String> volumeId = store.volumeOf(tx, attachmentId);
            if (volumeId.isEmpty()) {
                return null; // as nova's attachment_delete: a missing attachment is only logged
            }
            store.deleteAttachment(tx, attachmentId, volumeId.get());
            return null;
        });
    }

    private static boolean visible(RequestContext ctx, String projectId) {
        return ctx.isAdmin() || ctx.projectId().map(p -> p.equals(projectId)).orElse(false);
    }

    private boolean moveStatus(String volumeId, List<String> from, String to) {
        return db.inTransaction(tx -> store.moveStatus(tx, volumeId, from, to));
    }

    private String status(String volumeId) {
        return store.status(volumeId).orElse("deleted");
    }

    private String volumeOf(Tx tx, String attachmentId) throws SQLException {
        return store.volumeOf(tx, attachmentId).orElseThrow(() -> new VolumeErrors.AttachmentNotFound(attachmentId));
    }
}
