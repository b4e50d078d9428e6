package org.jnova.api.ec2.protocol;

import org.jnova.context.RequestContext;
import org.jnova.ec2.Ec2Ids;
import org.jnova.objects.VolumeSnapshot;
import org.jnova.volume.VolumeApi;
import org.jnova.volume.VolumeErrors;

/** The caller's snapshot an EC2 id names, for every action that takes a {@code snap-} id. */
public final class SnapshotLookup {
    private SnapshotLookup() {
    }

    /**
     * The snapshot, when the volume service lets the caller see it: InvalidSnapshotID.Malformed
     * for an id not shaped {@code snap-...}, InvalidSnapshot.NotFound for an unknown one or
     * another project's.
     */
    public static VolumeSnapshot find(VolumeApi volumes, Ec2Ids ids, RequestContext ctx, String ec2Id) {
        if (!Ec2Ids.wellFormed(ec2Id, "snap")) {
            throw Ec2Error.client("InvalidSnapshotID.Malformed", "Invalid id: \"" + ec2Id
                    + "\" (expecting \"snap-...\")");
        }
        try {
            return volumes.getSnapshot(ctx, ids.snapshotUuid(ec2Id)
                    .orElseThrow(() -> new VolumeErrors.SnapshotNotFound(ec2Id)));
        } catch (VolumeErrors.SnapshotNotFound e) {
            throw Ec2Error.client("InvalidSnapshot.NotFound", "The snapshot '" + ec2Id + "' does not exist.");
        }
    }
}
