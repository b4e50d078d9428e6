package org.jnova.virt;

import java.util.Map;
import org.jnova.objects.Instance;

/** nova's ComputeDriver, reduced to what jnova's manager drives. */
public interface VirtDriver {
    /** What the hypervisor offers: one node per driver here. */
    record NodeResources(String nodename, String hypervisorType, int vcpus, int memoryMb, int localGb) {
    }

    NodeResources resources(String host);

    /** Creates and starts the guest; throws to fail the build. */
    void spawn(Instance instance) throws Exception;

    /** As {@link #spawn(Instance)}, injecting {@code adminPassword} (nullable: none) into the guest. */
    default void spawn(Instance instance, String adminPassword) throws Exception {
        spawn(instance);
    }

    /** Stops and removes the guest; missing guests are not an error. */
    void destroy(Instance instance) throws Exception;

    void powerOff(Instance instance) throws Exception;

    void powerOn(Instance instance) throws Exception;

    void reboot(Instance instance, boolean hard) throws Exception;

    /** The guest's power state (org.jnova.objects.PowerState). */
    int powerState(Instance instance);

    void pause(Instance instance) throws Exception;

    void unpause(Instance instance) throws Exception;

    void suspend(Instance instance) throws Exception;

    void resume(Instance instance) throws Exception;

    /** Boots the guest from a rescue image with {@code password} for its administrator. */
    void rescue(Instance instance, String rescueImageRef, String password) throws Exception;

    void unrescue(Instance instance) throws Exception;

    void setAdminPassword(Instance instance, String password) throws Exception;

    /** Sends the guest an NMI so that it dumps its memory. */
    void triggerCrashDump(Instance instance) throws Exception;

    /** Copies the guest's disk; returns the image size in bytes and properties to add to the image. */
    Snapshot snapshot(Instance instance) throws Exception;

    /** A disk copy. */
    record Snapshot(long sizeBytes, Map<String, String> properties) {
    }

    /** The guest's console log ("" when it has none). */
    String consoleOutput(Instance instance) throws Exception;

    /** Re-applies the network configuration to the running guest. */
    void injectNetworkInfo(Instance instance) throws Exception;

    /** The host's {@code uptime} line (nova's get_host_uptime); not every driver has it. */
    default String hostUptime() {
        throw new UnsupportedOperationException("get_host_uptime");
    }

    /** The legacy free-form diagnostics of a running guest (nova's get_diagnostics); not every driver has them. */
    default Map<String, Object> diagnostics(Instance instance) {
        throw new UnsupportedOperationException("Unable to get diagnostics, functionality not implemented");
    }

    /** The standard diagnostics of a running guest (nova's get_instance_diagnostics, API 2.48+). */
    default Map<String, Object> instanceDiagnostics(Instance instance) {
        throw new UnsupportedOperationException("Unable to get diagnostics, functionality not implemented");
    }

    /** Connects a volume to the guest as {@code device}. */
    void attachVolume(Instance instance, String volumeId, String device) throws Exception;

    /** Disconnects a volume from the guest; a volume the guest does not have is not an error. */
    void detachVolume(Instance instance, String volumeId) throws Exception;

    /** Moves the guest's {@code device} from one volume to another (nova's swap_volume). */
    void swapVolume(Instance instance, String oldVolumeId, String newVolumeId, String device) throws Exception;

    /** Snapshots an attached volume for the volume service (nova's assisted snapshots); not every driver can. */
    default void volumeSnapshotCreate(Instance instance, String volumeId, Map<String, Object> createInfo)
            throws Exception {
        throw new UnsupportedOperationException("volume_snapshot_create is not implemented by this driver");
    }

    /** Deletes an assisted snapshot of an attached volume; not every driver can. */
    default void volumeSnapshotDelete(Instance instance, String volumeId, String snapshotId,
            Map<String, Object> deleteInfo) throws Exception {
        throw new UnsupportedOperationException("volume_snapshot_delete is not implemented by this driver");
    }

    /**
     * Live-migrates a running guest to {@code dest} (source side, nova's driver.live_migration);
     * returns when the guest runs there (true) or when the migration was aborted (false).
     */
    default boolean liveMigration(Instance instance, String dest) throws Exception {
        throw new UnsupportedOperationException("Live migration is not supported by this driver");
    }

    /** Makes a running live migration complete now (nova's live_migration_force_complete). */
    default void liveMigrationForceComplete(Instance instance) {
        throw new UnsupportedOperationException("Live migration is not supported by this driver");
    }

    /** Aborts a running live migration; false when none is running for the guest. */
    default boolean liveMigrationAbort(Instance instance) {
        throw new UnsupportedOperationException("Live migration is not supported by this driver");
    }

    /** Takes over a guest live-migrated to this host, in {@code powerState} (destination side). */
    default void receiveMigratedGuest(Instance instance, int powerState) {
        throw new UnsupportedOperationException("Live migration is not supported by this driver");
    }
}
