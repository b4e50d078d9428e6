package org.jnova.compute.manager;

import static java.util.Objects.requireNonNull;

import org.jnova.compute.ComputeErrors;
import org.jnova.compute.ExpectedTaskState;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jnova.compute.rpcapi.ComputeMessage;
import org.jnova.compute.rpcapi.ComputeMessage.LiveMigration;
import org.jnova.compute.rpcapi.ComputeMessage.LiveMigrationAbort;
import org.jnova.compute.rpcapi.ComputeMessage.LiveMigrationForceComplete;
import org.jnova.compute.rpcapi.ComputeMessage.PostLiveMigrationAtDestination;
import org.jnova.compute.rpcapi.ComputeMessage.PreLiveMigration;
import org.jnova.compute.rpcapi.ComputeMessage.RebuildEvacuatedInstance;
import org.jnova.compute.rpcapi.ComputeMessage.RollbackLiveMigrationAtDestination;
import org.jnova.compute.rpcapi.ComputeRpcApi;
import org.jnova.db.ConsoleAuthTokenStore;
import org.jnova.db.ActionStore;
import org.jnova.db.ComputeNodeStore;
import org.jnova.db.InstanceStore;
import org.jnova.db.InstanceUpdate;
import org.jnova.db.MigrationStore;
import org.jnova.db.Transactions;
import org.jnova.objects.Instance;
import org.jnova.objects.TaskStates;
import org.jnova.objects.VmStates;
import org.jnova.virt.VirtDriver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A compute host's side of moving a server to another host: live migration (as source:
 * live_migration, live_migration_force_complete, live_migration_abort; as destination:
 * pre_live_migration, post_live_migration_at_destination,
 * rollback_live_migration_at_destination) and evacuation (as destination: rebuild_instance
 * with recreate). nova's migration statuses, task states and "compute_&lt;method&gt;" events.
 */
public final class MoveOperations {
    private static final Logger LOG = LoggerFactory.getLogger(MoveOperations.class);

    private final String host;
    private final VirtDriver driver;
    private final InstanceStore instances;
    private final Transactions mainDb;
    private final ActionStore actions;
    private final ComputeNodeStore nodes;
    private final MigrationStore migrations;
    private final ConsoleAuthTokenStore consoleTokens;
    private final ComputeRpcApi computeRpc;
    private final InstanceActionEvents events;
    private static final String QUEUED = "queued";
    private static final String ABORTED = "aborted";
    private static final String RUNNING = "running";
    private static final String ROLLBACK_AT_DESTINATION = "compute_rollback_live_migration_at_destination";
    /** This host's live migrations: instance uuid to QUEUED, ABORTED (before it ran) or RUNNING (in the driver). */
    private final Map<String, String> jobs = new ConcurrentHashMap<>();

    public MoveOperations(String host, VirtDriver driver, InstanceStore instances, Transactions mainDb,
            ActionStore actions, ComputeNodeStore nodes, MigrationStore migrations, ConsoleAuthTokenStore consoleTokens,
            ComputeRpcApi computeRpc, InstanceActionEvents events) {
        this.host = requireNonNull(host, "host is null");
        this.driver = requireNonNull(driver, "driver is null");
        this.instances = requireNonNull(instances, "instances is null");
        this.mainDb = requireNonNull(mainDb, "mainDb is null");
        this.actions = requireNonNull(actions, "actions is null");
        this.nodes = requireNonNull(nodes, "nodes is null");
        this.consoleTokens = requireNonNull(consoleTokens, "consoleTokens is null");
        this.computeRpc = requireNonNull(computeRpc, "computeRpc is null");
        this.migrations = requireNonNull(migrations, "migrations is null");
        this.events = requireNonNull(events, "events is null");
    }

    Object handle(ComputeMessage.Moving message) {
        String uuid = message.instanceUuid();
        String requestId = message.requestId();
        if (instances.get(uuid, false).isEmpty()) {
            return null;
        }
        switch (message) {
            case LiveMigration m -> event(uuid, requestId, "compute_live_migration", i -> startLiveMigration(i,
                    requestId, m.dest(), m.destNode(), m.migrationUuid()));
            case LiveMigrationForceComplete m -> event(uuid, requestId, "compute_live_migration_force_complete",
                    i -> {
                        if (RUNNING.equals(jobs.get(uuid))) {
                            driver.liveMigrationForceComplete(i);
                        }
                    });
            case LiveMigrationAbort m -> event(uuid, requestId, "compute_live_migration_abort",
                    i -> abort(i, m.migrationId()));
            case PreLiveMigration m -> event(uuid, requestId, "compute_pre_live_migration", i -> {
            });
            case PostLiveMigrationAtDestination m -> event(uuid, requestId,
                    "compute_post_live_migration_at_destination", i -> takeOver(i, m.destNode(), m.powerState()));
            case RollbackLiveMigrationAtDestination m -> {
                // a repeated message must not give the destination's claim back twice
                if (!releasedBefore(uuid, requestId)) {
                    event(uuid, requestId, ROLLBACK_AT_DESTINATION, i -> release(host, m.destNode(), i));
                }
            }
            case RebuildEvacuatedInstance m -> event(uuid, requestId, "compute_rebuild_instance",
                    i -> rebuildEvacuated(i, m.destNode(), m.migrationUuid(), m.targetState(), m.newPass()));
        }
        return null;
    }

    /** Runs one step as an instance-action event; true when it succeeded. */
    private boolean releasedBefore(String uuid, String requestId) {
        return actions.get(uuid, requestId).map(a -> a.events().stream()
                .anyMatch(e -> e.event().equals(ROLLBACK_AT_DESTINATION))).orElse(false);
    }

    private boolean event(String uuid, String requestId, String event, InstanceActionEvents.InstanceStep step) {
        return events.run(uuid, requestId, event, InstanceActionEvents.OnFailure.EVENT_ONLY, step);
    }

    /** nova's live_migration: the migration is queued and runs in the background. */
    private void startLiveMigration(Instance instance, String requestId, String dest, String destNode,
            String migrationUuid) {
        migrations.update(migrationUuid, "queued", null, null);
        jobs.put(instance.uuid(), QUEUED);
        Thread.ofVirtual().name("live-migration-" + instance.uuid())
                .start(() -> runLiveMigration(instance.uuid(), requestId, dest, destNode, migrationUuid));
    }

    /** nova's _do_live_migration: preparing (destination told), running (the driver), then post or rollback. */
    private void runLiveMigration(String uuid, String requestId, String dest, String destNode, String migrationUuid) {
        try {
            migrations.update(migrationUuid, "preparing", null, null);
            await(computeRpc.call(dest, new PreLiveMigration(uuid, requestId)));
            migrations.update(migrationUuid, "running", null, null);
            if (ABORTED.equals(jobs.compute(uuid, (k, state) -> ABORTED.equals(state) ? state : RUNNING))) {
                rollback(uuid, requestId, dest, destNode, migrationUuid, "cancelled");
                return;
            }
            Instance instance = instances.get(uuid, false).orElseThrow(() -> new ComputeErrors.InstanceNotFound(uuid));
            int powerState = driver.powerState(instance);
            if (!driver.liveMigration(instance, dest)) {
                rollback(uuid, requestId, dest, destNode, migrationUuid, "cancelled");
                return;
            }
            postLiveMigration(instance, requestId, dest, destNode, powerState, migrationUuid);
        } catch (Exception e) {
            LOG.error("Live migration of instance {} failed", uuid, e);
            migrations.update(migrationUuid, "error", null, null);
            InstanceUpdate cols = new InstanceUpdate();
            cols.vmState(VmStates.ERROR);
            cols.taskState(null);
            instances.update(uuid, cols);
        } finally {
            jobs.remove(uuid);
        }
    }

    /**
     * nova's _post_live_migration: the destination takes the server, this host gives back its
     * resources and the server's console tokens, the migration is completed.
     */
    private void postLiveMigration(Instance instance, String requestId, String dest, String destNode,
            int powerState, String migrationUuid) throws Exception {
        await(computeRpc.call(dest, new PostLiveMigrationAtDestination(instance.uuid(), requestId, destNode,
                powerState)));
        release(instance.host(), instance.node(), instance);
        consoleTokens.deleteForInstance(instance.uuid());
        migrations.update(migrationUuid, "completed", null, null);
    }

    /** nova's _rollback_live_migration: the server stays here, the destination lets its claim go. */
    private void rollback(String uuid, String requestId, String dest, String destNode, String migrationUuid,
            String status) {
        InstanceUpdate cols = new InstanceUpdate();
        cols.taskState(null);
        cols.progress(0);
        mainDb.inTransaction(tx -> {
            instances.update(tx, uuid, cols.expectTaskState(TaskStates.MIGRATING));
            migrations.update(tx, migrationUuid, status, null, null);
            computeRpc.cast(tx, dest, new RollbackLiveMigrationAtDestination(uuid, requestId, destNode));
            return null;
        });
    }

    /**
     * nova's live_migration_abort: a queued migration is dropped before it starts, a running one
     * is stopped by the driver; a migration no longer known here can only be cancelled while
     * its record says running.
     */
    private void abort(Instance instance, int migrationId) {
        String state = jobs.computeIfPresent(instance.uuid(), (k, v) -> QUEUED.equals(v) ? ABORTED : v);
        if (ABORTED.equals(state)) {
            return;
        }
        if (RUNNING.equals(state)) {
            driver.liveMigrationAbort(instance);
            return;
        }
        org.jnova.objects.Migration m = migrations.byId(migrationId)
                .orElseThrow(() -> new ComputeErrors.InstanceNotFound(instance.uuid()));
        if (!"running".equals(m.status())) {
            throw new IllegalStateException("Migration " + migrationId + " state of instance " + instance.uuid()
                    + " is " + m.status() + ". Cannot abort live migration while the migration is in this state.");
        }
        InstanceUpdate cols = new InstanceUpdate();
        cols.taskState(null);
        instances.update(instance.uuid(), cols.expectTaskState(TaskStates.MIGRATING));
        migrations.update(m.uuid(), "cancelled", null, null);
    }

    /** nova's post_live_migration_at_destination: the server now runs on this host. */
    private void takeOver(Instance instance, String destNode, int powerState) {
        driver.receiveMigratedGuest(instance, powerState);
        InstanceUpdate cols = new InstanceUpdate();
        cols.host(host);
        cols.node(destNode);
        cols.powerState(powerState);
        cols.taskState(null);
        cols.progress(0);
        if (!instances.update(instance.uuid(), cols.expectTaskState(TaskStates.MIGRATING))) {
            throw new IllegalStateException("Unexpected task state: expecting migrating for " + instance.uuid());
        }
    }

    /**
     * nova's rebuild_instance for an evacuation: the server is spawned here from its image in
     * the target state, then belongs to this host (finish_evacuation: migration "done"); the
     * source host's resources are given back since that host is down. A failure: ERROR, the
     * migration "failed", this host's claim given back.
     */
    private void rebuildEvacuated(Instance instance, String destNode, String migrationUuid, String targetState,
            String newPass)
            throws Exception {
        String uuid = instance.uuid();
        try {
            ExpectedTaskState.advance(instances, uuid, TaskStates.REBUILDING, TaskStates.REBUILD_BLOCK_DEVICE_MAPPING);
            ExpectedTaskState.advance(instances, uuid,
                    TaskStates.REBUILD_BLOCK_DEVICE_MAPPING, TaskStates.REBUILD_SPAWNING);
            Instance spawning = instances.get(uuid, false).orElseThrow(() -> new ComputeErrors.InstanceNotFound(uuid));
            driver.spawn(spawning, newPass);
            boolean stopped = VmStates.STOPPED.equals(targetState);
            if (stopped) {
                driver.powerOff(spawning);
            }
            InstanceUpdate cols = new InstanceUpdate();
            cols.host(host);
            cols.node(destNode);
            cols.vmState(stopped ? VmStates.STOPPED : VmStates.ACTIVE);
            cols.taskState(null);
            cols.powerState(driver.powerState(spawning));
            cols.launchedAt(java.time.Instant.now());
            if (!instances.update(uuid, cols.expectTaskState(TaskStates.REBUILD_SPAWNING))) {
                throw new IllegalStateException("Unexpected task state: expecting rebuild_spawning for " + uuid);
            }
        } catch (Exception e) {
            migrations.update(migrationUuid, "failed", null, null);
            release(host, destNode, instance);
            mainDb.inTransaction(tx -> {
                InstanceUpdate cols = new InstanceUpdate();
                cols.vmState(VmStates.ERROR);
                cols.taskState(null);
                if (instances.update(tx, uuid, cols)) {
                    instances.children().addFault(tx, uuid, 500, String.valueOf(e.getMessage()), e.toString(), host);
                }
                return null;
            });
            throw e;
        }
        release(instance.host(), instance.node(), instance);
        migrations.update(migrationUuid, "done", null, null);
    }

    /**
     * nova's _destroy_evacuated_instances (init_host): guests this host still has of servers
     * evacuated while it was down are destroyed and their migrations completed.
     */
    void destroyEvacuatedInstances() {
        List<org.jnova.objects.Migration> evacuated = migrations.search(new org.jnova.objects.MigrationFilter("done", null, host,
                "evacuation", null, null, null, null, null));
        for (org.jnova.objects.Migration m : evacuated) {
            Optional<Instance> instance = instances.get(m.instanceUuid(), true);
            try {
                if (instance.isPresent() && !host.equals(instance.get().host())) {
                    driver.destroy(instance.get());
                }
                migrations.update(m.uuid(), "completed", null, null);
            } catch (Exception e) {
                LOG.warn("Cleaning up evacuated instance {} failed: {}", m.instanceUuid(), e.toString());
            }
        }
    }

    private void release(String atHost, String atNode, Instance i) {
        if (atHost == null || atNode == null) {
            return;
        }
        var f = i.flavor();
        nodes.release(atHost, atNode, f.vcpus(), f.memoryMb(), f.diskGb());
    }

    private static <T> T await(java.util.concurrent.CompletableFuture<T> reply) throws Exception {
        try {
            return reply.get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        } catch (TimeoutException e) {
            throw new IllegalStateException("No answer from the destination host", e);
        }
    }
}
