package org.jnova.conductor;

import static java.util.Objects.requireNonNull;

import org.jnova.compute.ResizeApi;
import org.jnova.objects.Service;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jnova.compute.rpcapi.ComputeMessage;
import org.jnova.compute.rpcapi.ComputeMessage.BuildAndRunInstance;
import org.jnova.compute.rpcapi.ComputeMessage.LiveMigration;
import org.jnova.compute.rpcapi.ComputeMessage.RebuildEvacuatedInstance;
import org.jnova.compute.rpcapi.ComputeMessage.ResizeInstance;
import org.jnova.compute.rpcapi.ComputeRpcApi;
import org.jnova.conductor.rpcapi.ConductorMessage;
import org.jnova.conductor.rpcapi.ConductorMessage.BuildInstances;
import org.jnova.conductor.rpcapi.ConductorMessage.EvacuateInstance;
import org.jnova.conductor.rpcapi.ConductorMessage.LiveMigrateInstance;
import org.jnova.conductor.rpcapi.ConductorMessage.MigrateServer;
import org.jnova.conductor.rpcapi.ConductorMessage.UnshelveInstance;
import org.jnova.context.RequestContext;
import org.jnova.conductor.rpcapi.ConductorRpcApi;
import org.jnova.db.ActionStore;
import org.jnova.db.InstanceStore;
import org.jnova.db.InstanceUpdate;
import org.jnova.db.Transactions;
import org.jnova.objects.Instance;
import org.jnova.objects.TaskStates;
import org.jnova.objects.VmStates;
import org.jnova.rpc.Transport;
import org.jnova.scheduler.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The conductor's build path (nova's ComputeTaskManager.schedule_and_build_instances):
 * listens on topic "conductor", schedules each new instance and casts the build to the
 * chosen compute host; with no host the instance goes to ERROR with nova's NoValidHost
 * fault.
 */
public final class ComputeTaskManager {
    public static final String NO_VALID_HOST = "No valid host was found. There are not enough hosts available.";
    private static final Logger LOG = LoggerFactory.getLogger(ComputeTaskManager.class);

    private final Transport transport;
    private final ComputeRpcApi computeRpc;
    private final Scheduler scheduler;
    private final InstanceStore instances;
    private final Transactions mainDb;
    private final ActionStore actions;
    private final String name;
    private final org.jnova.db.ServiceStore services;
    private final java.time.Duration reportInterval;
    private final boolean allowResizeToSameHost;
    private final org.jnova.db.ComputeNodeStore nodes;
    private final org.jnova.db.MigrationStore migrations;
    private final java.time.Duration buildRecoveryAge;
    private java.util.concurrent.ScheduledExecutorService timers;

    /**
     * {@code name} is this process's host name: the conductor registers nova-conductor and
     * nova-scheduler service records under it (os-services shows them as nova does) and
     * heartbeats every {@code reportInterval}.
     */
    public ComputeTaskManager(Transport transport, ComputeRpcApi computeRpc, Scheduler scheduler,
            InstanceStore instances, Transactions mainDb, ActionStore actions,
            org.jnova.db.ServiceStore services, org.jnova.db.ComputeNodeStore nodes,
            org.jnova.db.MigrationStore migrations, java.time.Duration reportInterval, String name,
            boolean allowResizeToSameHost, java.time.Duration buildRecoveryAge) {
        this.allowResizeToSameHost = allowResizeToSameHost;
        this.buildRecoveryAge = requireNonNull(buildRecoveryAge, "buildRecoveryAge is null");
        this.nodes = requireNonNull(nodes, "nodes is null");
        this.migrations = requireNonNull(migrations, "migrations is null");
        this.transport = requireNonNull(transport, "transport is null");
        this.computeRpc = requireNonNull(computeRpc, "computeRpc is null");
        this.scheduler = requireNonNull(scheduler, "scheduler is null");
        this.instances = requireNonNull(instances, "instances is null");
        this.mainDb = requireNonNull(mainDb, "mainDb is null");
        this.actions = requireNonNull(actions, "actions is null");
        this.name = requireNonNull(name, "name is null");
        this.services = requireNonNull(services, "services is null");
        this.reportInterval = requireNonNull(reportInterval, "reportInterval is null");
    }

    public synchronized void start() {
        List<Integer> ids = new java.util.ArrayList<>();
        ids.add(services.register(name, "nova-conductor", "conductor", Service.SERVICE_VERSION).id());
        ids.add(services.register(name, "nova-scheduler", "scheduler", Service.SERVICE_VERSION).id());
        Runnable beat = () -> {
            try {
                ids.forEach(services::heartbeat);
            } catch (RuntimeException e) {
                LOG.warn("Heartbeat failed: {}", e.toString());
            }
        };
        beat.run();
        timers = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().factory());
        long every = Math.max(1, reportInterval.toMillis());
        timers.scheduleAtFixedRate(beat, every, every, java.util.concurrent.TimeUnit.MILLISECONDS);
        transport.listen(ConductorRpcApi.TOPIC, name, ConductorRpcApi.endpoint(this::dispatch));
        if (buildRecoveryAge.isPositive()) {
            long age = buildRecoveryAge.toMillis();
            timers.scheduleWithFixedDelay(this::recoverUnfinishedBuilds, 0, age,
                    java.util.concurrent.TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Servers accepted by the API whose build never started: still building in task_state
     * scheduling, not changed for longer than the recovery age. One never placed (the process
     * that held its request died, or a transport lost it) is built again as if its request had
     * arrived now. One placed on a host that is down is taken back from that host and placed
     * again; one placed on a host that is up is left to it (the outbox relay delivers its build
     * message, and the host builds it at start-up). Another conductor doing the same at the same
     * time is harmless: a placement is written only while the server has none, withdrawn only
     * from the host it names, and a host starts a build only from task_state scheduling while
     * the server is still placed on it.
     */
    void recoverUnfinishedBuilds() {
        try {
            var filter = org.jnova.objects.InstanceFilter.builder().deleted(false)
                    .vmStates(List.of(VmStates.BUILDING)).taskStates(List.of(TaskStates.SCHEDULING))
                    .changesBefore(java.time.Instant.now().minus(buildRecoveryAge)).build();
            for (Instance stuck : instances.listBare(filter)) {
                try {
                    recoverBuild(stuck);
                } catch (RuntimeException e) {
                    LOG.warn("Building {} again failed: {}", stuck.uuid(), e.toString());
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("Looking for unfinished builds failed: {}", e.toString());
        }
    }

    private void recoverBuild(Instance stuck) {
        if (stuck.host() == null) {
            LOG.warn("Instance {} was accepted but never scheduled; scheduling it again", stuck.uuid());
        } else if (computeUp(stuck.host())) {
            return;
        } else if (withdrawPlacement(stuck)) {
            LOG.warn("Instance {} was placed on {}, which is down, before its build started; scheduling it "
                    + "elsewhere", stuck.uuid(), stuck.host());
        } else {
            return; // its host started the build, or another conductor took it back first
        }
        build(stuck.uuid(), createRequestId(stuck.uuid()));
    }

    /**
     * Takes a server whose build never started back from its host: the placement is cleared
     * and the host's claim released, in one transaction, only while the server is still on
     * that host in task_state scheduling.
     */
    private boolean withdrawPlacement(Instance placed) {
        org.jnova.objects.Flavor f = placed.flavor();
        return mainDb.inTransaction(tx -> {
            InstanceUpdate unplace = new InstanceUpdate().host(null).node(null).launchedOn(null)
                    .expectTaskState(TaskStates.SCHEDULING).expectHost(placed.host());
            if (!instances.update(tx, placed.uuid(), unplace)) {
                return false;
            }
            nodes.release(tx, placed.host(), placed.node(), f.vcpus(), f.memoryMb(),
                    f.diskGb());
            return true;
        });
    }

    /** The request id of the server's create action, so the events of a rebuilt request join it. */
    private String createRequestId(String uuid) {
        return actions.list(uuid, null, null).stream().filter(a -> "create".equals(a.action()))
                .map(org.jnova.objects.InstanceAction::requestId).findFirst()
                .orElseGet(() -> "req-" + java.util.UUID.randomUUID());
    }

    public synchronized void stop() {
        transport.unlisten(ConductorRpcApi.TOPIC, name);
        if (timers != null) {
            timers.shutdownNow();
            timers = null;
        }
    }

    private Object dispatch(ConductorMessage message) {
        switch (message) {
            case BuildInstances(List<String> uuids, String requestId) -> {
                for (String uuid : uuids) {
                    build(uuid, requestId);
                }
            }
            case MigrateServer m -> migrate(m.instanceUuid(), m.requestId(), m.flavor(), m.host(), m.userId(),
                    m.projectId());
            case LiveMigrateInstance m -> {
                return liveMigrate(m.instanceUuid(), m.requestId(), m.host(), m.userId(), m.projectId());
            }
            case EvacuateInstance m -> evacuate(m.instanceUuid(), m.requestId(), m.host(), m.targetState(),
                    m.migrationUuid(), m.newPass());
            case UnshelveInstance m -> unshelve(m.instanceUuid(), m.requestId(), m.host(), m.context());
        }
        return null;
    }

    /**
     * nova's migrate_server for resize and cold migration: places the server with the new
     * flavor away from its host (unless allow_resize_to_same_host) and casts the resize to
     * the chosen host. No host: the server keeps its vm_state, the task is cleared, a
     * NoValidHost fault is recorded and the "cold_migrate" and "conductor_migrate_server"
     * events fail, as in nova.
     */
    private void migrate(String uuid, String requestId, org.jnova.objects.Flavor flavor, String host, String userId,
            String projectId) {
        Optional<Instance> found = instances.get(uuid, false);
        if (found.isEmpty()) {
            return;
        }
        Instance instance = found.get();
        if (handledBefore(uuid, requestId, "conductor_migrate_server")) {
            return;
        }
        actions.eventStart(uuid, requestId, "conductor_migrate_server", name);
        actions.eventStart(uuid, requestId, "cold_migrate", name);
        instances.updateMetadata(uuid, Map.of(
                ResizeApi.OLD_FLAVOR, InstanceStore.flavorJson(instance.flavor()),
                ResizeApi.OLD_VM_STATE, instance.vmState(),
                ResizeApi.SOURCE_HOST, String.valueOf(instance.host()),
                ResizeApi.SOURCE_NODE, String.valueOf(instance.node()),
                ResizeApi.NEW_FLAVOR, InstanceStore.flavorJson(flavor)), false, true);
        java.util.Set<String> excluded = allowResizeToSameHost || instance.host() == null ? java.util.Set.of()
                : java.util.Set.of(instance.host());
        String migration = recordMigration(instance, flavor.id() != instance.flavor().id() ? "resize" : "migration",
                "pre-migrating", host, flavor, userId, projectId);
        Optional<Scheduler.Selection> selection;
        try {
            selection = scheduler.selectAndClaim(instance, flavor, excluded, host);
        } catch (RuntimeException e) {
            LOG.error("Scheduling {} failed", uuid, e);
            selection = Optional.empty();
        }
        if (selection.isEmpty()) {
            mainDb.inTransaction(tx -> {
                for (String key : ResizeApi.KEPT_KEYS) {
                    instances.children().deleteMetadata(tx, uuid, key, true);
                }
                InstanceUpdate cols = new InstanceUpdate();
                cols.taskState(null);
                if (instances.update(tx, uuid, cols)) {
                    instances.children().addFault(tx, uuid, 500, NO_VALID_HOST, "", null);
                }
                return null;
            });
            migrations.update(migration, "error", null, null);
            actions.eventFinish(uuid, requestId, "cold_migrate", "Error", NO_VALID_HOST);
            actions.eventFinish(uuid, requestId, "conductor_migrate_server", "Error", NO_VALID_HOST);
            LOG.warn("Instance {} could not be moved: {}", uuid, NO_VALID_HOST);
            return;
        }
        actions.eventFinish(uuid, requestId, "cold_migrate", "Success", null);
        actions.eventFinish(uuid, requestId, "conductor_migrate_server", "Success", null);
        Scheduler.Selection chosen = selection.get();
        mainDb.inTransaction(tx -> {
            migrations.update(tx, migration, "pre-migrating", chosen.host(), chosen.nodename());
            computeRpc.cast(tx, chosen.host(), new ResizeInstance(uuid, requestId, flavor));
            return null;
        });
    }

    /**
     * nova's live_migrate_instance (LiveMigrationTask): the source must be up; a requested
     * destination must be another host whose compute service is up; the scheduler then claims
     * the destination (the server stays on its host) and the source host is told to migrate.
     * Returns nova's error text when the server cannot go (it keeps its vm_state, the task is
     * cleared, the migration is "error"), else null.
     */
    private String liveMigrate(String uuid, String requestId, String host, String userId, String projectId) {
        Optional<Instance> found = instances.get(uuid, false);
        if (found.isEmpty()) {
            return null;
        }
        Instance instance = found.get();
        String event = "conductor_live_migrate_instance";
        if (handledBefore(uuid, requestId, event)) {
            return null;
        }
        actions.eventStart(uuid, requestId, event, name);
        String migration = recordMigration(instance, "live-migration", "accepted", host, instance.flavor(), userId,
                projectId);
        String error = liveMigrationCheck(instance, host);
        Optional<Scheduler.Selection> selection = error != null ? Optional.empty()
                : place(instance, instance.flavor(), java.util.Set.of(instance.host()), host, false);
        if (selection.isEmpty()) {
            String message = error != null ? error : NO_VALID_HOST;
            InstanceUpdate cols = new InstanceUpdate();
            cols.taskState(null);
            failMove(uuid, cols, message);
            migrations.update(migration, "error", null, null);
            actions.eventFinish(uuid, requestId, event, "Error", message);
            return message;
        }
        actions.eventFinish(uuid, requestId, event, "Success", null);
        Scheduler.Selection chosen = selection.get();
        mainDb.inTransaction(tx -> {
            migrations.update(tx, migration, "accepted", chosen.host(), chosen.nodename());
            computeRpc.cast(tx, instance.host(), new LiveMigration(uuid, requestId, chosen.host(), chosen.nodename(),
                    migration));
            return null;
        });
        return null;
    }

    /** LiveMigrationTask's checks before scheduling, with nova's messages; null when they pass. */
    private String liveMigrationCheck(Instance instance, String destination) {
        if (!computeUp(instance.host())) {
            return "Compute service of " + instance.host() + " is unavailable at this time.";
        }
        if (destination == null) {
            return null;
        }
        if (destination.equals(instance.host())) {
            return "Unable to migrate instance (" + instance.uuid() + ") to current host (" + destination + ").";
        }
        if (!computeUp(destination)) {
            return "Compute service of " + destination + " is unavailable at this time.";
        }
        return null;
    }

    private boolean computeUp(String host) {
        return host != null && services.list(host, Service.COMPUTE_BINARY).stream().anyMatch(scheduler::isUp);
    }

    /**
     * nova's rebuild_instance for an evacuation: another host (or the requested one) is
     * claimed and rebuilds the server in {@code targetState}; none: ERROR with the NoValidHost
     * fault and the migration (made by the API) "error", as nova.
     */
    private void evacuate(String uuid, String requestId, String host, String targetState, String migration,
            String newPass) {
        Optional<Instance> found = instances.get(uuid, false);
        if (found.isEmpty()) {
            return;
        }
        Instance instance = found.get();
        String event = "conductor_rebuild_instance";
        if (handledBefore(uuid, requestId, event)) {
            return;
        }
        actions.eventStart(uuid, requestId, event, name);
        Optional<Scheduler.Selection> selection = place(instance, instance.flavor(), java.util.Set.of(instance.host()),
                host, false);
        if (selection.isEmpty()) {
            InstanceUpdate cols = new InstanceUpdate();
            cols.taskState(null);
            cols.vmState(VmStates.ERROR);
            failMove(uuid, cols, NO_VALID_HOST);
            migrations.update(migration, "error", null, null);
            actions.eventFinish(uuid, requestId, event, "Error", NO_VALID_HOST);
            return;
        }
        actions.eventFinish(uuid, requestId, event, "Success", null);
        Scheduler.Selection chosen = selection.get();
        mainDb.inTransaction(tx -> {
            migrations.update(tx, migration, "accepted", chosen.host(), chosen.nodename());
            computeRpc.cast(tx, chosen.host(), new RebuildEvacuatedInstance(uuid, requestId, chosen.nodename(),
                    migration, targetState, newPass));
            return null;
        });
    }

    private String recordMigration(Instance instance, String type, String status, String host,
            org.jnova.objects.Flavor flavor, String userId, String projectId) {
        return migrations.create(instance.uuid(), type, status, instance.host(), instance.node(), host,
                instance.flavor().id(), flavor.id(), userId, projectId);
    }

    private Optional<Scheduler.Selection> place(Instance instance, org.jnova.objects.Flavor flavor,
            java.util.Set<String> excluded, String host, boolean recordHost) {
        try {
            return scheduler.selectAndClaim(instance, flavor, excluded, host, recordHost);
        } catch (RuntimeException e) {
            LOG.error("Scheduling {} failed", instance.uuid(), e);
            return Optional.empty();
        }
    }

    private void failMove(String uuid, InstanceUpdate cols, String message) {
        mainDb.inTransaction(tx -> {
            if (instances.update(tx, uuid, cols)) {
                instances.children().addFault(tx, uuid, 500, message, "", null);
            }
            return null;
        });
    }

    /**
     * nova's unshelve_instance: a shelved server is powered on where it is; an offloaded one
     * is scheduled (to {@code host} when given) and spawned there, or stays offloaded with
     * nova's NoValidHost fault.
     */
    private void unshelve(String uuid, String requestId, String host, RequestContext context) {
        Optional<Instance> found = instances.get(uuid, false);
        if (found.isEmpty()) {
            return;
        }
        Instance instance = found.get();
        if (VmStates.SHELVED.equals(instance.vmState())) {
            mainDb.inTransaction(tx -> {
                if (instances.update(tx, uuid, new InstanceUpdate().taskState(org.jnova.objects.TaskStates.POWERING_ON)
                        .expectTaskState(org.jnova.objects.TaskStates.UNSHELVING))) {
                    computeRpc.cast(tx, instance.host(),
                            new ComputeMessage.UnshelveInstance(uuid, requestId, context));
                }
                return null;
            });
            return;
        }
        if (!org.jnova.objects.TaskStates.UNSHELVING.equals(instance.taskState()) || instance.host() != null) {
            // a repeated message: the first one claimed a host and sent the server there
            LOG.info("Ignoring unshelve_instance of {} in task_state {} on host {}", uuid, instance.taskState(),
                    instance.host());
            return;
        }
        Optional<Scheduler.Selection> selection;
        try {
            selection = scheduler.selectAndClaim(instance, instance.flavor(), java.util.Set.of(), host, true,
                    (tx, chosen) -> computeRpc.cast(tx, chosen.host(),
                            new ComputeMessage.UnshelveInstance(uuid, requestId, context)));
        } catch (RuntimeException e) {
            LOG.error("Scheduling {} failed", uuid, e);
            selection = Optional.empty();
        }
        if (selection.isEmpty()) {
            mainDb.inTransaction(tx -> {
                InstanceUpdate cols = new InstanceUpdate();
                cols.taskState(null);
                if (instances.update(tx, uuid, cols)) {
                    instances.children().addFault(tx, uuid, 500, NO_VALID_HOST, "", null);
                }
                return null;
            });
            return;
        }
    }

    private void build(String uuid, String requestId) {
        Optional<Instance> found = instances.get(uuid, false);
        if (found.isEmpty()) {
            return; // deleted before it was scheduled
        }
        Instance instance = found.get();
        if (!VmStates.BUILDING.equals(instance.vmState()) || !TaskStates.SCHEDULING.equals(instance.taskState())) {
            // A broker redelivered the request after an earlier delivery got this far.
            LOG.info("Ignoring build_instances of {} in vm_state {} task_state {}", uuid, instance.vmState(),
                    instance.taskState());
            return;
        }
        if (instance.host() != null) {
            // Claimed by an earlier delivery: the build for that host committed with the claim.
            LOG.info("Ignoring build_instances of {}, already scheduled to {}", uuid, instance.host());
            return;
        }
        String event = "conductor_schedule_and_build_instances";
        actions.eventStart(uuid, requestId, event, name);
        Optional<Scheduler.Selection> selection;
        try {
            selection = scheduler.selectAndClaim(instance, instance.flavor(), java.util.Set.of(), null, true,
                    (tx, chosen) -> computeRpc.cast(tx, chosen.host(), new BuildAndRunInstance(uuid, requestId)));
        } catch (RuntimeException e) {
            LOG.error("Scheduling {} failed", uuid, e);
            selection = Optional.empty();
        }
        if (selection.isEmpty()) {
            boolean failed = mainDb.inTransaction(tx -> {
                InstanceUpdate cols = new InstanceUpdate();
                cols.vmState(VmStates.ERROR);
                cols.taskState(null);
                if (instances.update(tx, uuid, cols.expectTaskState(TaskStates.SCHEDULING).expectNoHost())) {
                    instances.children().addFault(tx, uuid, 500, NO_VALID_HOST, "", null);
                    return true;
                }
                return false;
            });
            if (!failed) {
                // Placed by another delivery of the same build in the meantime, or deleted.
                actions.eventFinish(uuid, requestId, event, "Success", null);
                return;
            }
            actions.eventFinish(uuid, requestId, event, "Error", NO_VALID_HOST);
            LOG.warn("Instance {} failed to schedule: {}", uuid, NO_VALID_HOST);
            return;
        }
        actions.eventFinish(uuid, requestId, event, "Success", null);
    }

    /**
     * Whether this conductor message was handled before (its event is recorded on the request's
     * action): a repeat, from the broker or the outbox relay, then does nothing.
     */
    private boolean handledBefore(String uuid, String requestId, String event) {
        boolean seen = actions.get(uuid, requestId).map(a -> a.events().stream()
                .anyMatch(e -> e.event().equals(event))).orElse(false);
        if (seen) {
            LOG.info("Ignoring a repeated {} of {} (request {})", event, uuid, requestId);
        }
        return seen;
    }
}
