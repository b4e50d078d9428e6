package org.jnova.compute;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jnova.compute.rpcapi.ComputeMessage.LiveMigrationAbort;
import org.jnova.compute.rpcapi.ComputeMessage.LiveMigrationForceComplete;
import org.jnova.compute.rpcapi.ComputeRpcApi;
import org.jnova.conductor.rpcapi.ConductorMessage.EvacuateInstance;
import org.jnova.conductor.rpcapi.ConductorMessage.LiveMigrateInstance;
import org.jnova.conductor.rpcapi.ConductorRpcApi;
import org.jnova.context.RequestContext;
import org.jnova.db.ActionStore;
import org.jnova.db.ComputeNodeStore;
import org.jnova.db.InstanceStore;
import org.jnova.db.InstanceUpdate;
import org.jnova.db.MigrationStore;
import org.jnova.db.ServiceStore;
import org.jnova.db.Transactions;
import org.jnova.exception.InstanceInvalidState;
import org.jnova.exception.Invalid;
import org.jnova.exception.NotFound;
import org.jnova.objects.Instance;
import org.jnova.objects.TaskStates;
import org.jnova.objects.VmStates;
import org.jnova.scheduler.Scheduler;

/**
 * os-migrateLive and evacuate of nova's compute API. Live migration waits for the
 * conductor's answer before 2.34 (NoValidHost is a 400) and is asynchronous from 2.34;
 * evacuation needs the server's compute service to be down (nova's "Compute service of
 * &lt;host&gt; is still in use.").
 */
public final class MoveApi {
    private final ServersApi servers;
    private final InstanceStore instances;
    private final Transactions mainDb;
    private final ActionStore actions;
    private final ComputeNodeStore nodes;
    private final ServiceStore services;
    private final Scheduler liveness;
    private final ComputeRpcApi computeRpc;
    private final ConductorRpcApi conductorRpc;
    private final MigrationStore migrations;

    public MoveApi(ServersApi servers, InstanceStore instances, Transactions mainDb, ActionStore actions,
            ComputeNodeStore nodes, ServiceStore services, MigrationStore migrations, Scheduler liveness,
            ComputeRpcApi computeRpc, ConductorRpcApi conductorRpc) {
        this.servers = requireNonNull(servers, "servers is null");
        this.instances = requireNonNull(instances, "instances is null");
        this.mainDb = requireNonNull(mainDb, "mainDb is null");
        this.actions = requireNonNull(actions, "actions is null");
        this.nodes = requireNonNull(nodes, "nodes is null");
        this.services = requireNonNull(services, "services is null");
        this.liveness = requireNonNull(liveness, "liveness is null");
        this.computeRpc = requireNonNull(computeRpc, "computeRpc is null");
        this.conductorRpc = requireNonNull(conductorRpc, "conductorRpc is null");
        this.migrations = requireNonNull(migrations, "migrations is null");
    }

    /** os-migrateLive to {@code host} (null: the scheduler picks); {@code async}: 2.34+. */
    public void liveMigrate(RequestContext ctx, String uuid, String host, boolean async) {
        Instance i = servers.get(ctx, uuid);
        StateGuard.checkUnlocked(ctx, i);
        StateGuard.check(i, "os-migrateLive", Set.of(VmStates.ACTIVE, VmStates.PAUSED),
                StateGuard.states((String) null));
        if (host != null && nodes.list().stream().noneMatch(n -> n.host().equals(host))) {
            throw new Invalid("Compute host " + host + " could not be found.");
        }
        LiveMigrateInstance message = new LiveMigrateInstance(i.uuid(), ctx.requestId(), ctx.userId(),
                ctx.requireProjectId(), host);
        if (async) {
            start(ctx, i, "os-migrateLive", "live-migration", TaskStates.MIGRATING,
                    tx -> conductorRpc.cast(tx, message));
            return;
        }
        start(ctx, i, "os-migrateLive", "live-migration", TaskStates.MIGRATING, tx -> { });
        String error = await(conductorRpc.call(message));
        if (error != null) {
            throw new Invalid(error);
        }
    }

    /**
     * evacuate to {@code host} (null: the scheduler picks) from a host whose compute service is
     * down; the rebuilt guest gets {@code adminPassword} (null: it keeps its own).
     */
    public void evacuate(RequestContext ctx, String uuid, String host, String targetState, String adminPassword) {
        Instance i = servers.get(ctx, uuid);
        if (host != null && services.list(host, "nova-compute").isEmpty()) {
            throw new NotFound("Compute host " + host + " not found.");
        }
        if (i.host() != null && i.host().equals(host)) {
            throw new Invalid("The target host can't be the same one.");
        }
        StateGuard.check(i, "evacuate", Set.of(VmStates.ACTIVE, VmStates.STOPPED, VmStates.ERROR), null);
        StateGuard.checkLaunched(i, "evacuate");
        boolean sourceUp = services.list(i.host(), "nova-compute").stream().anyMatch(liveness::isUp);
        if (sourceUp) {
            throw new Invalid("Compute service of " + i.host() + " is still in use.");
        }
        mainDb.inTransaction(tx -> {
            if (!instances.update(tx, i.uuid(), new InstanceUpdate().taskState(TaskStates.REBUILDING)
                    .expectTaskState(null))) {
                throw new InstanceInvalidState("task_state", "rebuilding", "evacuate", i.uuid());
            }
            actions.start(tx, i.uuid(), "evacuate", ctx.requestId(), ctx.userId(), ctx.requireProjectId());
            // the tombstone the source host finds when it comes back (nova's evacuation migration)
            String migration = migrations.create(tx, i.uuid(), "evacuation", "accepted", i.host(), i.node(), host,
                    i.flavor().id(), i.flavor().id(), ctx.userId(), ctx.requireProjectId());
            conductorRpc.cast(tx, new EvacuateInstance(i.uuid(), ctx.requestId(), ctx.userId(),
                    ctx.requireProjectId(), host, migration, targetState == null ? VmStates.ACTIVE : targetState,
                    adminPassword));
            return null;
        });
    }

    /**
     * nova's live_migrate_force_complete: recorded as an instance action and sent to the
     * migration's source host, whose driver completes it now.
     */
    public void forceCompleteLiveMigration(RequestContext ctx, Instance i, org.jnova.objects.Migration m) {
        recordAction(ctx, i, "live_migration_force_complete",
                tx -> computeRpc.cast(tx, m.sourceCompute(), new LiveMigrationForceComplete(i.uuid(), ctx.requestId())));
    }

    /**
     * nova's live_migrate_abort: recorded as an instance action and sent to the server's host,
     * which stops the migration (cancelled; the server stays there).
     */
    public void abortLiveMigration(RequestContext ctx, Instance i, org.jnova.objects.Migration m) {
        recordAction(ctx, i, "live_migration_cancel",
                tx -> computeRpc.cast(tx, i.host(), new LiveMigrationAbort(i.uuid(), ctx.requestId(), m.id())));
    }

    private void recordAction(RequestContext ctx, Instance i, String action, TransactionalCast send) {
        mainDb.inTransaction(tx -> {
            actions.start(tx, i.uuid(), action, ctx.requestId(), ctx.userId(), ctx.projectId().orElse(null));
            send.record(tx);
            return null;
        });
    }

    private void start(RequestContext ctx, Instance i, String apiAction, String action, String taskState,
            TransactionalCast send) {
        mainDb.inTransaction(tx -> {
            ExpectedTaskState.update(instances, tx, i, new InstanceUpdate().taskState(taskState), null, apiAction);
            actions.start(tx, i.uuid(), action, ctx.requestId(), ctx.userId(), ctx.requireProjectId());
            send.record(tx);
            return null;
        });
    }

    private static <T> T await(java.util.concurrent.CompletableFuture<T> reply) {
        try {
            return reply.get(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(e);
        }
    }
}
