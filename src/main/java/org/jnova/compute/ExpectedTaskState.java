package org.jnova.compute;

import java.sql.SQLException;
import org.jnova.db.InstanceStore;
import org.jnova.db.InstanceUpdate;
import org.jnova.db.Tx;
import org.jnova.exception.InstanceInvalidState;
import org.jnova.objects.Instance;

/**
 * nova's {@code instance.save(expected_task_state=...)}: a server's columns change only while
 * its task state is still the one expected, so two actions racing for one server cannot both
 * start, and an operation notices when its server was taken over.
 */
public final class ExpectedTaskState {
    private ExpectedTaskState() {
    }

    /**
     * Applies {@code change} to the server when its task state is still {@code expected} (null:
     * none); otherwise fails with the conflict naming the task state it has now (not found when
     * it is gone).
     */
    public static void update(InstanceStore instances, Tx tx, Instance server, InstanceUpdate change, String expected,
            String action) throws SQLException {
        if (!instances.update(tx, server.uuid(), change.expectTaskState(expected))) {
            Instance now = instances.get(tx, server.uuid(), false)
                    .orElseThrow(() -> new ComputeErrors.InstanceNotFound(server.uuid()));
            throw new InstanceInvalidState("task_state", String.valueOf(now.taskState()), action,
                    server.uuid());
        }
    }

    /**
     * A compute host's next step of an operation: the task state moves from {@code expected}
     * to {@code next}, and the operation fails when the server no longer has {@code expected}.
     */
    public static void advance(InstanceStore instances, String uuid, String expected, String next) {
        if (!instances.update(uuid, new InstanceUpdate().taskState(next).expectTaskState(expected))) {
            throw new IllegalStateException("Unexpected task state: expecting " + expected + " for " + uuid);
        }
    }
}
