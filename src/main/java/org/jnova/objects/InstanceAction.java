package org.jnova.objects;

import java.time.Instant;
import java.util.List;

/** One recorded operation on an instance (nova's InstanceAction) with its events. */
public record InstanceAction(int id, String action, String instanceUuid, String requestId, String userId,
        String projectId, Instant startTime, Instant updatedAt, String message, List<InstanceActionEvent> events) {
    public InstanceAction {
        events = List.copyOf(events);
    }

    /** One step of an action, e.g. compute__do_build_and_run_instance. */
    public record InstanceActionEvent(String event, Instant startTime, Instant finishTime, String result,
            String traceback, String host, String details) {
    }
}
