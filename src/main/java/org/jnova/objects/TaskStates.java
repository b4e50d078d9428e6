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
}
