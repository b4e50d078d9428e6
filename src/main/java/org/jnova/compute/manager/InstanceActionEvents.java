package org.jnova.compute.manager;

import static java.util.Objects.requireNonNull;

import org.jnova.compute.ComputeErrors;
import org.jnova.db.ActionStore;
import org.jnova.db.InstanceStore;
import org.jnova.db.Transactions;
import org.jnova.objects.Instance;
import org.slf4j.Logger;

/**
 * Runs one step of a compute operation as an instance-action event (nova's
 * {@code wrap_instance_event}): the event starts, the step runs, the event finishes with
 * "Success" or, after the failure is logged, "Error".
 */
public final class InstanceActionEvents {
    /** A step that works on the instance as stored when it starts. */
    @FunctionalInterface
    interface InstanceStep {
        void run(Instance instance) throws Exception;
    }

    /** A step that reads what it needs itself. */
    @FunctionalInterface
    interface Step {
        void run() throws Exception;
    }

    /** What a failed step leaves besides the log line. */
    enum OnFailure {
        /** Only the event's "Error". */
        EVENT_ONLY,
        /** Also nova's instance fault with the task state cleared ({@link FailedOperation}). */
        INSTANCE_FAULT
    }

    private final String host;
    private final InstanceStore instances;
    private final Transactions mainDb;
    private final ActionStore actions;
    private final Logger log;

    /** @param log the operation's logger, which names the failure */
    public InstanceActionEvents(String host, InstanceStore instances, Transactions mainDb, ActionStore actions,
            Logger log) {
        this.host = requireNonNull(host, "host is null");
        this.instances = requireNonNull(instances, "instances is null");
        this.mainDb = requireNonNull(mainDb, "mainDb is null");
        this.actions = requireNonNull(actions, "actions is null");
        this.log = requireNonNull(log, "log is null");
    }

    /** Loads the instance inside the event (gone: the event fails) and runs the step; true when it succeeded. */
    boolean run(String uuid, String requestId, String event, OnFailure onFailure, InstanceStep step) {
        return run(uuid, requestId, event, onFailure,
                () -> step.run(instances.get(uuid, false).orElseThrow(() -> new ComputeErrors.InstanceNotFound(uuid))));
    }

    /** Runs the step; true when it succeeded. */
    boolean run(String uuid, String requestId, String event, OnFailure onFailure, Step step) {
        actions.eventStart(uuid, requestId, event, host);
        try {
            step.run();
            actions.eventFinish(uuid, requestId, event, "Success", null);
            return true;
        } catch (Exception e) {
            log.error("{} of instance {} failed", event, uuid, e);
            if (onFailure == OnFailure.INSTANCE_FAULT) {
                FailedOperation.record(instances, mainDb, actions, host, uuid, requestId, event, e);
            } else {
                actions.eventFinish(uuid, requestId, event, "Error", String.valueOf(e));
            }
            return false;
        }
    }
}
