package org.jnova.compute;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The API's server "status" from vm_state and task_state, and back (nova's
 * status_from_state / task_and_vm_state_from_status tables in api/openstack/common.py).
 */
public final class ServerStatus {
    private static final String DEFAULT = "default";
    private static final List<String> REBUILD = List.of("rebuilding", "rebuild_block_device_mapping",
            "rebuild_spawning");
    private static final List<String> RESIZE = List.of("resize_prep", "resize_migrating", "resize_migrated",
            "resize_finish");
    private static final Map<String, Map<String, String>> MAP = build();

    private ServerStatus() {
    }

    private static Map<String, Map<String, String>> build() {
        Map<String, Map<String, String>> m = new LinkedHashMap<>();
        Map<String, String> active = state(m, "active", "ACTIVE");
        for (String t : List.of("rebooting", "reboot_pending", "reboot_started")) {
            active.put(t, "REBOOT");
        }
        for (String t : List.of("rebooting_hard", "reboot_pending_hard", "reboot_started_hard")) {
            active.put(t, "HARD_REBOOT");
        }
        active.put("updating_password", "PASSWORD");
        REBUILD.forEach(t -> active.put(t, "REBUILD"));
        active.put("migrating", "MIGRATING");
        RESIZE.forEach(t -> active.put(t, "RESIZE"));
        state(m, "building", "BUILD");
        Map<String, String> stopped = state(m, "stopped", "SHUTOFF");
        RESIZE.forEach(t -> stopped.put(t, "RESIZE"));
        REBUILD.forEach(t -> stopped.put(t, "REBUILD"));
        state(m, "resized", "VERIFY_RESIZE").put("resize_reverting", "REVERT_RESIZE");
        state(m, "paused", "PAUSED").put("migrating", "MIGRATING");
        state(m, "suspended", "SUSPENDED");
        state(m, "rescued", "RESCUE");
        Map<String, String> error = state(m, "error", "ERROR");
        REBUILD.forEach(t -> error.put(t, "REBUILD"));
        state(m, "deleted", "DELETED");
        state(m, "soft-delete", "SOFT_DELETED");
        state(m, "shelved", "SHELVED");
        state(m, "shelved_offloaded", "SHELVED_OFFLOADED");
        return m;
    }

    private static Map<String, String> state(Map<String, Map<String, String>> m, String vmState, String status) {
        Map<String, String> tasks = new LinkedHashMap<>();
        tasks.put(DEFAULT, status);
        m.put(vmState, tasks);
        return tasks;
    }

    /** The status the API shows; "UNKNOWN" for a vm_state nova does not know. */
    public static String of(String vmState, String taskState) {
        Map<String, String> tasks = MAP.get(vmState);
        if (tasks == null) {
            return "UNKNOWN";
        }
        return taskState != null && tasks.containsKey(taskState) ? tasks.get(taskState) : tasks.get(DEFAULT);
    }

    /** The vm_states and task_states a ?status= filter stands for; task "default" means "any task". */
    public record Filter(Set<String> vmStates, Set<String> taskStates) {
        /** Whether the task_state must be filtered too (nova: only when no "default" entry matched). */
        public boolean filtersTaskState() {
            return !taskStates.contains(DEFAULT);
        }
    }

    public static Filter filterFor(List<String> statuses) {
        Set<String> lower = new TreeSet<>();
        statuses.forEach(s -> lower.add(s.toLowerCase(Locale.ROOT)));
        Set<String> vm = new TreeSet<>();
        Set<String> task = new TreeSet<>();
        MAP.forEach((vmState, tasks) -> tasks.forEach((taskState, status) -> {
            if (lower.contains(status.toLowerCase(Locale.ROOT))) {
                vm.add(vmState);
                task.add(taskState);
            }
        }));
        return new Filter(vm, task);
    }
}
