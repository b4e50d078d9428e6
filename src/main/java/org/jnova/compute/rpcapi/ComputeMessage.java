package org.jnova.compute.rpcapi;

import org.jnova.context.RequestContext;
import org.jnova.objects.Flavor;

/**
 * The messages a compute host receives on topic "compute", one record each, about one server
 * ({@code instanceUuid}) on behalf of one API request ({@code requestId}). They are grouped by
 * the part of the compute host that runs them. {@link ComputeMessageCodec} maps them to and from
 * the wire's method name and arguments.
 */
public sealed interface ComputeMessage {
    String instanceUuid();

    String requestId();

    /** A message answered with a result of type {@code R}. */
    sealed interface Call<R> extends ComputeMessage {
    }

    /** Creating, deleting and powering a server: the compute manager itself. */
    sealed interface Lifecycle extends ComputeMessage {
    }

    /** Server actions run by the instance operations. */
    sealed interface Action extends ComputeMessage {
    }

    sealed interface Shelving extends ComputeMessage {
    }

    sealed interface Resizing extends ComputeMessage {
    }

    sealed interface Volumes extends ComputeMessage {
    }

    /** Live migration and evacuation. */
    sealed interface Moving extends ComputeMessage {
    }

    /** Attaching and detaching manila shares. */
    sealed interface Shares extends ComputeMessage {
    }

    record BuildAndRunInstance(String instanceUuid, String requestId) implements Lifecycle {
    }

    record TerminateInstance(String instanceUuid, String requestId) implements Lifecycle {
    }

    record SoftDeleteInstance(String instanceUuid, String requestId) implements Lifecycle {
    }

    record RestoreInstance(String instanceUuid, String requestId) implements Lifecycle {
    }

    record StopInstance(String instanceUuid, String requestId) implements Lifecycle {
    }

    record StartInstance(String instanceUuid, String requestId) implements Lifecycle {
    }

    record RebootInstance(String instanceUuid, String requestId, boolean hard) implements Action {
    }

    record PauseInstance(String instanceUuid, String requestId) implements Action {
    }

    record UnpauseInstance(String instanceUuid, String requestId) implements Action {
    }

    record SuspendInstance(String instanceUuid, String requestId) implements Action {
    }

    record ResumeInstance(String instanceUuid, String requestId) implements Action {
    }

    /** {@code rescueImageRef} and {@code rescuePassword} may be null. */
    record RescueInstance(String instanceUuid, String requestId, String rescueImageRef, String rescuePassword)
            implements Action {
    }

    record UnrescueInstance(String instanceUuid, String requestId) implements Action {
    }

    record SetAdminPassword(String instanceUuid, String requestId, String newPassword) implements Action {
    }

    record TriggerCrashDump(String instanceUuid, String requestId) implements Action {
    }

    record SnapshotInstance(String instanceUuid, String requestId, String imageId) implements Action {
    }

    record BackupInstance(String instanceUuid, String requestId, String imageId, String backupType, int rotation,
            RequestContext context) implements Action {
    }

    /** The host's {@code uptime} line (nova's get_host_uptime): about the host, so no server. */
    record GetHostUptime(String requestId) implements Call<String> {
        @Override
        public String instanceUuid() {
            return null;
        }
    }

    /** A rebuild on the server's own host; {@code newPass} (nullable) is the guest's new admin password. */
    record RebuildInstance(String instanceUuid, String requestId, boolean preserveEphemeral, String newPass)
            implements Action {
        public RebuildInstance(String instanceUuid, String requestId, boolean preserveEphemeral) {
            this(instanceUuid, requestId, preserveEphemeral, null);
        }
    }

    /** The guest's console log, its last {@code tailLength} lines (null: all). */
    record GetConsoleOutput(String instanceUuid, String requestId, Integer tailLength)
            implements Action, Call<String> {
    }

    record InjectNetworkInfo(String instanceUuid, String requestId) implements Action {
    }

    record ShelveInstance(String instanceUuid, String requestId, String imageId, boolean offload)
            implements Shelving {
    }

    record ShelveOffloadInstance(String instanceUuid, String requestId) implements Shelving {
    }

    record UnshelveInstance(String instanceUuid, String requestId, RequestContext context) implements Shelving {
    }

    /** Resize (or cold migrate) the server to this host with {@code flavor}. */
    record ResizeInstance(String instanceUuid, String requestId, Flavor flavor) implements Resizing {
    }

    record ConfirmResize(String instanceUuid, String requestId) implements Resizing {
    }

    record RevertResize(String instanceUuid, String requestId) implements Resizing {
    }

    /** {@code device} and {@code tag} may be null. */
    record ReserveBlockDeviceName(String instanceUuid, String requestId, String volumeId, String device, String tag,
            boolean deleteOnTermination) implements Volumes, Call<ReservedDevice> {
    }

    /** The answer to {@link ReserveBlockDeviceName}: the new mapping and the device it names. */
    record ReservedDevice(String bdmUuid, String deviceName) {
    }

    record AttachVolume(String instanceUuid, String requestId, String bdmUuid) implements Volumes {
    }

    /** {@code attachmentId} may be null. */
    record DetachVolume(String instanceUuid, String requestId, String volumeId, String attachmentId)
            implements Volumes {
    }

    record SwapVolume(String instanceUuid, String requestId, String oldVolumeId, String newVolumeId,
            String newAttachmentId) implements Volumes {
    }

    /** Grants the server access to the share of mapping {@code shareMappingUuid} (status attaching to inactive). */
    record AllowShare(String instanceUuid, String requestId, String shareMappingUuid) implements Shares {
    }

    /** Revokes the access and deletes mapping {@code shareMappingUuid} (status detaching). */
    record DenyShare(String instanceUuid, String requestId, String shareMappingUuid) implements Shares {
    }

    /** An assisted snapshot of an attached volume: the host snapshots it for the volume service. */
    record VolumeSnapshotCreate(String instanceUuid, String requestId, String volumeId,
            java.util.Map<String, Object> createInfo) implements Volumes {
        public VolumeSnapshotCreate {
            createInfo = java.util.Map.copyOf(createInfo);
        }
    }

    /** The host merges away an assisted snapshot of an attached volume. */
    record VolumeSnapshotDelete(String instanceUuid, String requestId, String volumeId, String snapshotId,
            java.util.Map<String, Object> deleteInfo) implements Volumes {
        public VolumeSnapshotDelete {
            deleteInfo = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(deleteInfo));
        }
    }

    /** To the source host: migrate the server to {@code dest}. */
    record LiveMigration(String instanceUuid, String requestId, String dest, String destNode, String migrationUuid)
            implements Moving {
    }

    record LiveMigrationForceComplete(String instanceUuid, String requestId) implements Moving {
    }

    record LiveMigrationAbort(String instanceUuid, String requestId, int migrationId) implements Moving {
    }

    /** To the destination host before a live migration; answered when it is ready. */
    record PreLiveMigration(String instanceUuid, String requestId) implements Moving, Call<Void> {
    }

    record PostLiveMigrationAtDestination(String instanceUuid, String requestId, String destNode, int powerState)
            implements Moving, Call<Void> {
    }

    record RollbackLiveMigrationAtDestination(String instanceUuid, String requestId, String destNode)
            implements Moving {
    }

    /**
     * To the host chosen for an evacuated server: rebuild it here in {@code targetState}, with
     * {@code newPass} (nullable) as the guest's admin password.
     */
    record RebuildEvacuatedInstance(String instanceUuid, String requestId, String destNode, String migrationUuid,
            String targetState, String newPass) implements Moving {
        public RebuildEvacuatedInstance(String instanceUuid, String requestId, String destNode, String migrationUuid,
                String targetState) {
            this(instanceUuid, requestId, destNode, migrationUuid, targetState, null);
        }
    }
}
