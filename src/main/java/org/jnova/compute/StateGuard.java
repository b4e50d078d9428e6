package org.jnova.compute;

import java.util.Arrays;
import java.util.Set;
import org.jnova.context.RequestContext;
import org.jnova.exception.InstanceInvalidState;
import org.jnova.exception.InstanceIsLocked;
import org.jnova.objects.Instance;

/**
 * nova's check_instance_lock and check_instance_state: a locked server takes actions from an
 * admin only, and an operation is allowed only in some vm_states and
 * task_states. Violations raise the conflict the API shows (nova's
 * raise_http_conflict_for_instance_invalid_state text:
 * "Cannot '&lt;action&gt;' instance &lt;uuid&gt; while it is in vm_state &lt;state&gt;").
 */
public final class StateGuard {
    /** Any task state, including none. */
    public static final Set<String> ANY = null;

    private StateGuard() {
    }

    /** nova's check_instance_lock: only an admin may act on a locked server. */
    public static void checkUnlocked(RequestContext ctx, Instance instance) {
        if (instance.locked() && !ctx.isAdmin()) {
            throw new InstanceIsLocked(instance.uuid());
        }
    }

    /** Null sets mean "any"; a task-state set containing null allows "no task". */
    public static void check(Instance instance, String action, Set<String> vmStates, Set<String> taskStates) {
        if (vmStates != null && !vmStates.contains(instance.vmState())) {
            throw new InstanceInvalidState("vm_state", instance.vmState(), action, instance.uuid());
        }
        if (taskStates != null && !taskStates.contains(instance.taskState())) {
            throw new InstanceInvalidState("task_state", String.valueOf(instance.taskState()), action,
                    instance.uuid());
        }
    }

    /** nova's must_have_launched: a server that never finished building cannot take the action. */
    public static void checkLaunched(Instance instance, String action) {
        if (instance.launchedAt() == null) {
            throw new InstanceInvalidState("launched_at", "None", action, instance.uuid());
        }
    }

    /** A set that may contain null (sets from Set.of may not). */
    public static Set<String> states(String... states) {
        return new java.util.HashSet<>(Arrays.asList(states));
    }
}
