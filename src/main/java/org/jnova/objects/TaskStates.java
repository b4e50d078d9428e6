package org.jnova.objects;

/** nova's task_state values (nova/compute/task_states.py); null means no task. */
public final class TaskStates {
    private TaskStates() {
    }

    public static final String SCHEDULING = "scheduling";
    public static final String BLOCK_DEVICE_MAPPING = "block_device_mapping";
    public static final String NETWORKING = "networking";
    public static final String SPAWNING = "spawning";
    public static final String DELETING = "deleting";
    public static final String SOFT_DELETING = "soft-deleting";
    public static final String RESTORING = "restoring";
    public static final String POWERING_OFF = "powering-off";
    public static final String POWERING_ON = "powering-on";
    public static final String REBOOTING = "rebooting";
    public static final String REBOOTING_HARD = "rebooting_hard";
    public static final String PAUSING = "pausing";
    public static final String UNPAUSING = "unpausing";
    public static final String SUSPENDING = "suspending";
    public static final String RESUMING = "resuming";
    public static final String REBOOT_PENDING = "reboot_pending";
    public static final String REBOOT_STARTED = "reboot_started";
    public static final String REBOOT_PENDING_HARD = "reboot_pending_hard";
    public static final String REBOOT_STARTED_HARD = "reboot_started_hard";
    public static final String IMAGE_SNAPSHOT = "image_snapshot";
    public static final String IMAGE_SNAPSHOT_PENDING = "image_snapshot_pending";
    public static final String IMAGE_PENDING_UPLOAD = "image_pending_upload";
    public static final String IMAGE_UPLOADING = "image_uploading";
    public static final String IMAGE_BACKUP = "image_backup";
    public static final String UPDATING_PASSWORD = "updating_password";
    public static final String RESCUING = "rescuing";
    public static final String UNRESCUING = "unrescuing";
    public static final String SHELVING = "shelving";
    public static final String SHELVING_IMAGE_PENDING_UPLOAD = "shelving_image_pending_upload";
    public static final String SHELVING_IMAGE_UPLOADING = "shelving_image_uploading";
    public static final String SHELVING_OFFLOADING = "shelving_offloading";
    public static final String UNSHELVING = "unshelving";
    public static final String RESIZE_PREP = "resize_prep";
    public static final String RESIZE_MIGRATING = "resize_migrating";
    public static final String RESIZE_MIGRATED = "resize_migrated";
    public static final String RESIZE_FINISH = "resize_finish";
    public static final String RESIZE_REVERTING = "resize_reverting";
    public static final String RESIZE_CONFIRMING = "resize_confirming";
    public static final String REBUILDING = "rebuilding";
    public static final String REBUILD_BLOCK_DEVICE_MAPPING = "rebuild_block_device_mapping";
    public static final String REBUILD_SPAWNING = "rebuild_spawning";
    public static final String MIGRATING = "migrating";

    /** nova's task_states.ALLOW_REBOOT: the task states a hard reboot may interrupt. */
    public static final java.util.List<String> ALLOW_REBOOT = java.util.Collections.unmodifiableList(
            java.util.Arrays.asList(null, REBOOTING, REBOOT_PENDING, REBOOT_STARTED, RESUMING, REBOOTING_HARD,
                    UNPAUSING, PAUSING, SUSPENDING));
}
