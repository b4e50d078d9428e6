package org.jnova.objects;

/** nova's vm_state values (nova/compute/vm_states.py). */
public final class VmStates {
    private VmStates() {
    }

    public static final String ACTIVE = "active";
    public static final String BUILDING = "building";
    public static final String PAUSED = "paused";
    public static final String SUSPENDED = "suspended";
    public static final String STOPPED = "stopped";
    public static final String RESCUED = "rescued";
    public static final String RESIZED = "resized";
    public static final String SOFT_DELETED = "soft-delete";
    public static final String DELETED = "deleted";
    public static final String ERROR = "error";
    public static final String SHELVED = "shelved";
    public static final String SHELVED_OFFLOADED = "shelved_offloaded";
}
