package org.jnova.compute;

import static java.util.Objects.requireNonNull;

import org.jnova.context.RequestContext;
import org.jnova.db.BlockDeviceMappingStore;
import org.jnova.objects.BlockDeviceMapping;
import org.jnova.volume.VolumeApi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What deleting a server does to its volumes (nova's _shutdown_instance + _cleanup_volumes,
 * and _local_cleanup_bdm_volumes for a server without a host): each attachment is deleted,
 * so the volume becomes available, and volumes marked delete_on_termination are deleted.
 * Failures are logged, never stop the delete.
 */
public final class VolumeCleanup {
    private static final Logger LOG = LoggerFactory.getLogger(VolumeCleanup.class);
    private final BlockDeviceMappingStore bdms;
    private final VolumeApi volumes;

    public VolumeCleanup(BlockDeviceMappingStore bdms, VolumeApi volumes) {
        this.bdms = requireNonNull(bdms, "bdms is null");
        this.volumes = requireNonNull(volumes, "volumes is null");
    }

    /** Releases every volume of a server being deleted (its mappings go with the instance). */
    public void releaseAll(String instanceUuid, String requestId) {
        for (BlockDeviceMapping bdm : bdms.forInstance(instanceUuid)) {
            if (bdm.volumeId() != null) {
                release(bdm, requestId);
            }
        }
    }

    /** Deletes one mapping's attachment, and its volume when delete_on_termination. */
    void release(BlockDeviceMapping bdm, String requestId) {
        RequestContext ctx = RequestContext.admin(requestId);
        try {
            if (bdm.attachmentId() != null) {
                volumes.attachmentDelete(ctx, bdm.attachmentId());
            }
            if (bdm.deleteOnTermination()) {
                volumes.delete(ctx, bdm.volumeId());
            }
        } catch (RuntimeException e) {
            LOG.warn("Releasing volume {} of instance {} failed: {}", bdm.volumeId(), bdm.instanceUuid(),
                    e.toString());
        }
    }
}
