package org.jnova.compute;

import static java.util.Objects.requireNonNull;

import java.util.Set;
import org.jnova.context.RequestContext;
import org.jnova.db.ActionStore;
import org.jnova.db.InstanceStore;
import org.jnova.db.InstanceUpdate;
import org.jnova.db.Transactions;
import org.jnova.objects.Instance;

/**
 * How most server actions of nova's compute API begin: the server loaded with nova's checks,
 * then, in one transaction, its task state set, the instance action recorded and the cast
 * that announces it.
 */
final class ServerTransitions {
    private final ServersApi servers;
    private final InstanceStore instances;
    private final Transactions mainDb;
    private final ActionStore actions;

    ServerTransitions(ServersApi servers, InstanceStore instances, Transactions mainDb, ActionStore actions) {
        this.servers = requireNonNull(servers, "servers is null");
        this.instances = requireNonNull(instances, "instances is null");
        this.mainDb = requireNonNull(mainDb, "mainDb is null");
        this.actions = requireNonNull(actions, "actions is null");
    }

    /**
     * The server, refused when locked (nova's check_instance_lock), in another vm_state or busy
     * (check_instance_state), or never launched.
     */
    Instance checked(RequestContext ctx, String uuid, String action, Set<String> vmStates) {
        Instance i = servers.get(ctx, uuid);
        StateGuard.checkUnlocked(ctx, i);
        return checkedState(i, action, vmStates);
    }

    /** As {@link #checked}, for the actions nova allows on a locked server. */
    Instance checkedEvenIfLocked(RequestContext ctx, String uuid, String action, Set<String> vmStates) {
        return checkedState(servers.get(ctx, uuid), action, vmStates);
    }

    /**
     * Sets the task state if the server still has none, records the action and, in the same
     * transaction, the message {@code send} casts.
     */
    void start(RequestContext ctx, Instance i, String action, String taskState, TransactionalCast send) {
        mainDb.inTransaction(tx -> {
            ExpectedTaskState.update(instances, tx, i, new InstanceUpdate().taskState(taskState), null, action);
            actions.start(tx, i.uuid(), action, ctx.requestId(), ctx.userId(), ctx.requireProjectId());
            send.record(tx);
            return null;
        });
    }

    private static Instance checkedState(Instance i, String action, Set<String> vmStates) {
        StateGuard.check(i, action, vmStates, StateGuard.states((String) null));
        StateGuard.checkLaunched(i, action);
        return i;
    }
}
