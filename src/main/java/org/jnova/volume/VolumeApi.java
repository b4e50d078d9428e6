package org.jnova.volume;

import org.jnova.objects.Volume;
import org.jnova.objects.VolumeSnapshot;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.jnova.context.RequestContext;

/**
 * What nova asks of the volume service (nova/volume/cinder.py's API), with cinder's
 * attachment flow (3.44): {@code attachmentCreate} reserves the volume for a server,
 * {@code attachmentUpdate} connects it at a mountpoint, {@code attachmentComplete} makes it
 * in-use, {@code attachmentDelete} releases it. Errors are nova's exceptions as nova
 * translates cinder's answers: {@link VolumeErrors.VolumeNotFound}, {@link VolumeErrors.InvalidInput}
 * (cinder's 400s), {@link VolumeErrors.SnapshotNotFound}, {@link VolumeErrors.AttachmentNotFound}.
 *
 * <p>jnova's default is {@link BuiltinVolumeApi}; a client of a real Cinder can implement the
 * same interface.
 */
public interface VolumeApi {
    /** A volume the caller may see. */
    Volume get(RequestContext ctx, String volumeId);

    /** The volumes of the caller's project. */
    List<Volume> getAll(RequestContext ctx);

    Volume create(RequestContext ctx, VolumeRequest request);

    /** Deletes an available (unattached) volume. */
    void delete(RequestContext ctx, String volumeId);

    /** Old flow: available to attaching. */
    void reserveVolume(RequestContext ctx, String volumeId);

    /** Old flow: attaching back to available. */
    void unreserveVolume(RequestContext ctx, String volumeId);

    /** in-use to detaching, before a detach or swap. */
    void beginDetaching(RequestContext ctx, String volumeId);

    /** detaching back to in-use, when a detach or swap failed. */
    void rollDetaching(RequestContext ctx, String volumeId);

    /** Reserves the volume for a server (status "reserved"); returns the attachment id. */
    String attachmentCreate(RequestContext ctx, String volumeId, String instanceUuid);

    /** Connects the attachment at {@code mountpoint} (status "attaching"). */
    void attachmentUpdate(RequestContext ctx, String attachmentId, String mountpoint);

    /** Marks the attachment done (status "in-use"). */
    void attachmentComplete(RequestContext ctx, String attachmentId);

    /** Writes {@code imageId}'s contents over the volume (cinder's reimage, for a rebuild of a volume-backed server). */
    void reimage(RequestContext ctx, String volumeId, String imageId);

    /** cinder's absolute limits for snapshots: {totalSnapshotsUsed, maxTotalSnapshots (-1 unlimited)}. */
    int[] snapshotLimits(RequestContext ctx);

    /** A snapshot the caller may see ({@link VolumeErrors.SnapshotNotFound} otherwise). */
    VolumeSnapshot getSnapshot(RequestContext ctx, String snapshotId);

    /** The snapshots of the caller's project. */
    List<VolumeSnapshot> getAllSnapshots(RequestContext ctx);

    /**
     * Snapshots a volume of the caller's; an in-use one only with {@code force} (cinder's
     * create_snapshot_force). Name and description may be null.
     */
    VolumeSnapshot createSnapshot(RequestContext ctx, String volumeId, String name, String description, boolean force);

    /** Deletes a snapshot of the caller's. */
    void deleteSnapshot(RequestContext ctx, String snapshotId);

    /**
     * Adds or replaces items of a volume's metadata (cinder's update_volume_metadata); the
     * volume must be one the caller may see ({@link VolumeErrors.VolumeNotFound} otherwise).
     */
    void updateVolumeMetadata(RequestContext ctx, String volumeId, Map<String, String> items);

    /** Removes keys from a volume's metadata (cinder's delete_volume_metadata); keys it lacks are ignored. */
    void deleteVolumeMetadata(RequestContext ctx, String volumeId, Collection<String> keys);

    /** As {@link #updateVolumeMetadata} for a snapshot ({@link VolumeErrors.SnapshotNotFound} otherwise). */
    void updateSnapshotMetadata(RequestContext ctx, String snapshotId, Map<String, String> items);

    /** As {@link #deleteVolumeMetadata} for a snapshot. */
    void deleteSnapshotMetadata(RequestContext ctx, String snapshotId, Collection<String> keys);

    /** Removes the attachment; the volume is "available" when none is left. Missing ones are ignored. */
    void attachmentDelete(RequestContext ctx, String attachmentId);
}
