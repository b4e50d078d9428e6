package org.jnova.volume;

import static java.util.Objects.requireNonNull;

import java.sql.SQLException;
import org.jnova.db.ProjectLock;
import org.jnova.db.SnapshotStore;
import org.jnova.db.Tx;
import org.jnova.db.VolumeStore;
import org.jnova.exception.OverQuota;

/**
 * cinder's reservations for the built-in catalog, counted under the project's lock: volumes,
 * snapshots, and gigabytes (volumes' sizes plus snapshots' volume sizes, as cinder counts them
 * unless no_snapshot_gb_quota). cinder reports gigabytes first (its over-quota names are
 * sorted); nova passes cinder's 413 text on as a 403.
 */
final class CatalogQuota {
    private final VolumeStore volumes;
    private final SnapshotStore snapshots;
    private final BuiltinVolumeApi.Limits limits;

    CatalogQuota(VolumeStore volumes, SnapshotStore snapshots, BuiltinVolumeApi.Limits limits) {
        this.volumes = requireNonNull(volumes, "volumes is null");
        this.snapshots = requireNonNull(snapshots, "snapshots is null");
        this.limits = requireNonNull(limits, "limits is null");
    }

    /** One more volume of {@code size} GiB. */
    void reserveVolume(Tx tx, String project, int size) throws SQLException {
        if (limits.volumes() < 0 && limits.gigabytes() < 0) {
            return;
        }
        ProjectLock.lock(tx, project);
        checkGigabytes(tx, project, size);
        long used = volumes.usage(tx, project)[0];
        if (limits.volumes() >= 0 && used + 1 > limits.volumes()) {
            throw new OverQuota("Maximum number of volumes allowed (" + limits.volumes()
                    + ") exceeded for quota 'volumes'.");
        }
    }

    /** One more snapshot of a volume of {@code size} GiB. */
    void reserveSnapshot(Tx tx, String project, int size) throws SQLException {
        if (limits.snapshots() < 0 && limits.gigabytes() < 0) {
            return;
        }
        ProjectLock.lock(tx, project);
        checkGigabytes(tx, project, size);
        long used = snapshots.usage(tx, project)[0];
        if (limits.snapshots() >= 0 && used + 1 > limits.snapshots()) {
            throw new OverQuota("Maximum number of snapshots allowed (" + limits.snapshots() + ") exceeded");
        }
    }

    private void checkGigabytes(Tx tx, String project, int size) throws SQLException {
        if (limits.gigabytes() < 0) {
            return;
        }
        long consumed = volumes.usage(tx, project)[1] + snapshots.usage(tx, project)[1];
        if (consumed + size > limits.gigabytes()) {
            throw new OverQuota("Requested volume or snapshot exceeds allowed gigabytes quota. Requested " + size
                    + "G, quota is " + limits.gigabytes() + "G and " + consumed + "G has been consumed.");
        }
    }
}
