package org.jnova.api.ec2.instances;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jnova.objects.Instance;

/**
 * EC2's instance states from nova's vm_state and task_state (nova's {@code inst_state}):
 * pending 0, running 16, shutting-down 32, terminated 48, stopping 64, stopped 80. A paused,
 * suspended, rescued or resized server is running as EC2 sees it; one in error, stopped.
 */
public final class InstanceStates {
    public static final int PENDING = 0;
    public static final int RUNNING = 16;
    public static final int SHUTTING_DOWN = 32;
    public static final int TERMINATED = 48;
    public static final int STOPPING = 64;
    public static final int STOPPED = 80;

    private InstanceStates() {
    }

    public static int code(Instance i) {
        String vm = i.vmState() == null ? "building" : i.vmState();
        String task = i.taskState();
        if (i.deleted() || vm.equals("deleted") || vm.equals("soft-delete")) {
            return TERMINATED;
        }
        if ("deleting".equals(task) || "soft-deleting".equals(task)) {
            return SHUTTING_DOWN;
        }
        if ("powering-off".equals(task) || "shelving".equals(task)) {
            return STOPPING;
        }
        if ("powering-on".equals(task) || "unshelving".equals(task) || "spawning".equals(task)) {
            return PENDING;
        }
        return switch (vm) {
            case "building" -> PENDING;
            case "stopped", "shelved", "shelved_offloaded", "error" -> STOPPED;
            default -> RUNNING;
        };
    }

    public static String name(int code) {
        return switch (code) {
            case PENDING -> "pending";
            case RUNNING -> "running";
            case SHUTTING_DOWN -> "shutting-down";
            case TERMINATED -> "terminated";
            case STOPPING -> "stopping";
            default -> "stopped";
        };
    }

    /** {@code {code, name}} as instanceState, currentState and previousState show it. */
    public static Map<String, Object> of(int code) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("code", code);
        state.put("name", name(code));
        return state;
    }
}
