package org.jnova.compute.manager;

import org.jnova.db.ActionStore;
import org.jnova.db.InstanceStore;
import org.jnova.db.InstanceUpdate;
import org.jnova.db.Transactions;

/**
 * What a compute host records when an operation on an instance fails, as nova's
 * {@code wrap_instance_fault} and {@code wrap_instance_event} do together: the task state is
 * cleared, an instance fault is added, and the action event finishes with "Error".
 */
final class FailedOperation {
    private FailedOperation() {
    }

    static void record(InstanceStore instances, Transactions mainDb, ActionStore actions, String host, String uuid,
            String requestId, String event, Exception error) {
        mainDb.inTransaction(tx -> {
            InstanceUpdate cols = new InstanceUpdate();
            cols.taskState(null);
            if (instances.update(tx, uuid, cols)) {
                instances.children().addFault(tx, uuid, 500, String.valueOf(error.getMessage()), error.toString(),
                        host);
            }
            return null;
        });
        actions.eventFinish(uuid, requestId, event, "Error", String.valueOf(error));
    }
}
