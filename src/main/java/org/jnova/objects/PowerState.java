package org.jnova.objects;

/** nova's power_state values (nova/compute/power_state.py): the numbers the API shows. */
public final class PowerState {
    private PowerState() {
    }

    public static final int NOSTATE = 0;
    public static final int RUNNING = 1;
    public static final int PAUSED = 3;
    public static final int SHUTDOWN = 4;
    public static final int CRASHED = 6;
    public static final int SUSPENDED = 7;
}
