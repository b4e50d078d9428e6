package org.jnova.volume;

import org.jnova.objects.Volume;
import static java.util.Objects.requireNonNull;

import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jnova.context.RequestContext;
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
    private final Limits limits;

    /** Per-project limits, cinder's quota_volumes and quota_gigabytes; -1 is unlimited. */
    public record Limits(int volumes, int gigabytes) {
    }

    /**
     * @param defaultZone the zone of volumes created without one (cinder's storage_availability_zone)
     */
    public BuiltinVolumeApi(Transactions db, VolumeStore store, String defaultZone, Limits limits) {
        this.db = requireNonNull(db, "db is null");
        this.store = requireNonNull(store, "store is null");
        this.defaultZone = requireNonNull(defaultZone, "defaultZone is null");
        this.limits = requireNonNull(limits, "limits is null");
    }

    @Override
    public Volume get(RequestContext ctx, String volumeId) {
        return store.find(volumeId).filter(v -> visible(ctx, v))
                .orElseThrow(() -> new VolumeNotFound(volumeId));
    }

    @Override
    public List<Volume> getAll(RequestContext ctx) {
        return store.listForProject(ctx.projectId().orElse(""));
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
            store.insert(tx, new VolumeStore.NewVolume(id, project, ctx.userId(), request.name(),
                    request.description(), request.size(), zone, request.volumeType(), request.imageId() != null,
                    MULTIATTACH_TYPE.equals(request.volumeType()), request.imageId(), request.metadata(), now));
            return null;
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
        long[] used = store.usage(tx, project);
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

    private static boolean visible(RequestContext ctx, Volume v) {
        return ctx.isAdmin() || ctx.projectId().map(p -> p.equals(v.projectId())).orElse(false);
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
