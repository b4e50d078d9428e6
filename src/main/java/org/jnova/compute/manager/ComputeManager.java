package org.jnova.compute.manager;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jnova.compute.VolumeCleanup;
import org.jnova.compute.rpcapi.ComputeMessage;
import org.jnova.compute.rpcapi.ComputeMessage.BuildAndRunInstance;
import org.jnova.compute.rpcapi.ComputeMessage.GetHostUptime;
import org.jnova.compute.rpcapi.ComputeMessage.RestoreInstance;
import org.jnova.compute.rpcapi.ComputeMessage.SoftDeleteInstance;
import org.jnova.compute.rpcapi.ComputeMessage.StartInstance;
import org.jnova.compute.rpcapi.ComputeMessage.StopInstance;
import org.jnova.compute.rpcapi.ComputeMessage.TerminateInstance;
import org.jnova.compute.rpcapi.ComputeRpcApi;
import org.jnova.db.ActionStore;
import org.jnova.db.ComputeNodeStore;
import org.jnova.db.InstanceStore;
import org.jnova.db.InstanceUpdate;
import org.jnova.db.ServiceStore;
import org.jnova.db.Transactions;
import org.jnova.network.FixedIpAllocator;
import org.jnova.objects.Instance;
import org.jnova.objects.PowerState;
import org.jnova.objects.Service;
import org.jnova.objects.TaskStates;
import org.jnova.objects.VirtualInterface;
import org.jnova.objects.VmStates;
import org.jnova.rpc.Transport;
import org.jnova.virt.VirtDriver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * nova-compute for one host: registers its service and compute node, heartbeats, and runs
 * the casts sent to topic "compute" on its host: build, terminate, stop, start, soft delete,
 * restore here, the other server actions in {@link InstanceOperations}. It drives vm_state/task_state as nova does and records action
 * events. {@link #start()} / {@link #stop()} are all the process entry point needs.
 */
public final class ComputeManager {
    private static final Logger LOG = LoggerFactory.getLogger(ComputeManager.class);

    private final Settings settings;
    private final Transport transport;
    private final VirtDriver driver;
    private final InstanceStore instances;
    private final Transactions mainDb;
    private final ServiceStore services;
    private final ComputeNodeStore nodes;
    private final ActionStore actions;
    private final FixedIpAllocator network;
    private final InstanceOperations operations;
    private final ShelveOperations shelving;
    private final ResizeOperations resizing;
    private final VolumeOperations volumeWork;
    private final VolumeCleanup volumeCleanup;
    private final org.jnova.db.ConsoleAuthTokenStore consoleTokens;
    private final MoveOperations moving;
    private final ShareOperations sharing;
    private ScheduledExecutorService timers;
    private volatile Service service;

    /**
     * Host identity, allocation ratios and periodic intervals; {@code shelvedOffloadTime}
     * ([DEFAULT] shelved_offload_time, seconds) is checked every {@code shelvedPollInterval}
     * (zero or less: never); {@code instanceBuildTimeout} ([DEFAULT] instance_build_timeout,
     * seconds, 0: never) bounds how long a server may build here.
     */
    public record Settings(String host, String hostIp, double cpuAllocationRatio, double ramAllocationRatio,
            double diskAllocationRatio, Duration reportInterval, Duration reclaimInstanceInterval,
            Duration shelvedPollInterval, int shelvedOffloadTime, int instanceBuildTimeout) {
    }

    public ComputeManager(Settings settings, Transport transport, VirtDriver driver, InstanceStore instances,
            Transactions mainDb, ServiceStore services, ComputeNodeStore nodes, ActionStore actions,
            org.jnova.db.ConsoleAuthTokenStore consoleTokens, FixedIpAllocator network,
            VolumeCleanup volumeCleanup, InstanceOperations operations, ShelveOperations shelving,
            ResizeOperations resizing, VolumeOperations volumeWork, MoveOperations moving, ShareOperations sharing) {
        this.settings = requireNonNull(settings, "settings is null");
        this.transport = requireNonNull(transport, "transport is null");
        this.driver = requireNonNull(driver, "driver is null");
        this.instances = requireNonNull(instances, "instances is null");
        this.mainDb = requireNonNull(mainDb, "mainDb is null");
        this.services = requireNonNull(services, "services is null");
        this.nodes = requireNonNull(nodes, "nodes is null");
        this.actions = requireNonNull(actions, "actions is null");
        this.network = requireNonNull(network, "network is null");
        this.operations = requireNonNull(operations, "operations is null");
        this.shelving = requireNonNull(shelving, "shelving is null");
        this.resizing = requireNonNull(resizing, "resizing is null");
        this.volumeWork = requireNonNull(volumeWork, "volumeWork is null");
        this.volumeCleanup = requireNonNull(volumeCleanup, "volumeCleanup is null");
        this.consoleTokens = requireNonNull(consoleTokens, "consoleTokens is null");
        this.moving = requireNonNull(moving, "moving is null");
        this.sharing = requireNonNull(sharing, "sharing is null");
    }

    /** Registers the service and node, starts listening and heartbeating. */
    public synchronized void start() {
        service = services.register(settings.host(), Service.COMPUTE_BINARY, ComputeRpcApi.TOPIC, Service.SERVICE_VERSION);
        services.heartbeat(service.id());
        VirtDriver.NodeResources r = driver.resources(settings.host());
        nodes.upsert(service.id(), settings.host(), r.nodename(), r.hypervisorType(), settings.hostIp(), r.vcpus(),
                r.memoryMb(), r.localGb(), settings.cpuAllocationRatio(), settings.ramAllocationRatio(),
                settings.diskAllocationRatio());
        List<Instance> queuedBuilds = recoverInterruptedWork();
        moving.destroyEvacuatedInstances();
        transport.listen(ComputeRpcApi.TOPIC, settings.host(), ComputeRpcApi.endpoint(this::dispatch));
        for (Instance queued : queuedBuilds) {
            Thread.ofVirtual().name("build-" + queued.uuid()).start(() -> buildQueued(queued));
        }
        timers = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().factory());
        long report = Math.max(1, settings.reportInterval().toMillis());
        timers.scheduleAtFixedRate(this::heartbeat, report, report, TimeUnit.MILLISECONDS);
        if (!settings.reclaimInstanceInterval().isZero()) {
            long reclaim = settings.reclaimInstanceInterval().toMillis();
            timers.scheduleAtFixedRate(this::reclaimQueuedDeletes, reclaim, reclaim, TimeUnit.MILLISECONDS);
        }
        if (settings.shelvedPollInterval().isPositive() && settings.shelvedOffloadTime() > 0) {
            long poll = settings.shelvedPollInterval().toMillis();
            timers.scheduleAtFixedRate(() -> shelving.offloadExpired(settings.shelvedOffloadTime()), poll, poll,
                    TimeUnit.MILLISECONDS);
        }
        if (settings.instanceBuildTimeout() > 0) {
            long check = Math.min(60, settings.instanceBuildTimeout()) * 1000L;
            timers.scheduleWithFixedDelay(this::failTimedOutBuilds, check, check, TimeUnit.MILLISECONDS);
        }
        LOG.info("nova-compute started on host {}", settings.host());
    }

    /**
     * nova's init_host (_init_instance): work that a previous run of this host left half done
     * is finished or rolled back. Deletes are finished; builds and rebuilds that never finished
     * go to ERROR; a stop, start or reboot is done again; other tasks are cleared, so the
     * server keeps the state it had before the interrupted request.
     */
    private List<Instance> recoverInterruptedWork() {
        var mine = instances.listBare(org.jnova.objects.InstanceFilter.builder().host(settings.host())
                .deleted(false).build());
        List<Instance> queuedBuilds = new java.util.ArrayList<>();
        for (Instance i : mine) {
            try {
                if (isQueuedBuild(i)) {
                    queuedBuilds.add(i);
                } else {
                    recover(i);
                }
            } catch (RuntimeException e) {
                LOG.warn("Recovering instance {} failed: {}", i.uuid(), e.toString());
            }
        }
        return queuedBuilds;
    }

    /**
     * A server placed here whose build never started (task_state still scheduling): its
     * build message was queued for this host, or lost with the process that held it. It is
     * carried out rather than failed; a queued message arriving later finds it started.
     */
    private static boolean isQueuedBuild(Instance i) {
        return VmStates.BUILDING.equals(i.vmState()) && TaskStates.SCHEDULING.equals(i.taskState());
    }

    private void buildQueued(Instance queued) {
        String requestId = actions.list(queued.uuid(), null, null).stream()
                .filter(a -> "create".equals(a.action())).map(org.jnova.objects.InstanceAction::requestId)
                .findFirst().orElse("req-init-host");
        LOG.info("Instance {} was placed here but its build never started; building it", queued.uuid());
        try {
            build(queued.uuid(), requestId);
        } catch (RuntimeException e) {
            LOG.warn("Building queued instance {} failed: {}", queued.uuid(), e.toString());
        }
    }

    private void recover(Instance i) {
        String task = i.taskState();
        String requestId = "req-init-host";
        if (task == null && !VmStates.BUILDING.equals(i.vmState())) {
            return; // idle: nothing was interrupted (and Set.of(...).contains(null) would throw)
        }
        if (TaskStates.DELETING.equals(task)) {
            terminate(i.uuid(), requestId);
        } else if (VmStates.BUILDING.equals(i.vmState())) {
            failBuild(i.uuid(), new IllegalStateException("Instance spawn was interrupted by a restart of "
                    + "the compute service"));
        } else if (REBUILD_TASKS.contains(task) && !VmStates.ERROR.equals(i.vmState())) {
            InstanceUpdate cols = new InstanceUpdate();
            cols.vmState(VmStates.ERROR);
            cols.taskState(null);
            instances.update(i.uuid(), cols.expectTaskState(task));
        } else if (TaskStates.POWERING_OFF.equals(task) && !VmStates.ERROR.equals(i.vmState())) {
            LOG.info("Instance {} was powering off at start-up; stopping it again", i.uuid());
            dispatch(new StopInstance(i.uuid(), requestId));
        } else if (TaskStates.POWERING_ON.equals(task) && !VmStates.ERROR.equals(i.vmState())) {
            LOG.info("Instance {} was powering on at start-up; starting it again", i.uuid());
            dispatch(new StartInstance(i.uuid(), requestId));
        } else if (REBOOT_TASKS.contains(task) && !VmStates.ERROR.equals(i.vmState())) {
            recoverReboot(i, requestId);
        } else if (ResizeOperations.UNFINISHED.contains(task) && !VmStates.ERROR.equals(i.vmState())) {
            LOG.info("Instance {} was being resized at start-up; rolling the resize back", i.uuid());
            resizing.rollBackInterrupted(i);
        } else if (task != null) {
            InstanceUpdate cols = new InstanceUpdate();
            cols.taskState(null);
            instances.update(i.uuid(), cols.expectTaskState(task));
        }
    }

    /**
     * nova's _retry_reboot: a reboot that had started on a guest that now runs is done (the
     * task is cleared, the server ACTIVE); any other is done again.
     */
    private void recoverReboot(Instance i, String requestId) {
        boolean started = TaskStates.REBOOT_STARTED.equals(i.taskState())
                || TaskStates.REBOOT_STARTED_HARD.equals(i.taskState());
        if (started && driver.powerState(i) == PowerState.RUNNING) {
            InstanceUpdate cols = new InstanceUpdate();
            cols.vmState(VmStates.ACTIVE);
            cols.taskState(null);
            instances.update(i.uuid(), cols.expectTaskState(i.taskState()));
            return;
        }
        boolean hard = TaskStates.REBOOTING_HARD.equals(i.taskState())
                || TaskStates.REBOOT_PENDING_HARD.equals(i.taskState())
                || TaskStates.REBOOT_STARTED_HARD.equals(i.taskState());
        LOG.info("Instance {} was rebooting at start-up; rebooting it again", i.uuid());
        dispatch(new ComputeMessage.RebootInstance(i.uuid(), requestId, hard));
    }

    private static final java.util.Set<String> REBUILD_TASKS = java.util.Set.of(TaskStates.REBUILDING,
            TaskStates.REBUILD_BLOCK_DEVICE_MAPPING, TaskStates.REBUILD_SPAWNING);
    private static final java.util.Set<String> REBOOT_TASKS = java.util.Set.of(TaskStates.REBOOTING,
            TaskStates.REBOOTING_HARD, TaskStates.REBOOT_PENDING, TaskStates.REBOOT_STARTED,
            TaskStates.REBOOT_PENDING_HARD, TaskStates.REBOOT_STARTED_HARD);
    private static final java.util.List<String> BUILD_TASKS = java.util.Arrays.asList(TaskStates.SCHEDULING,
            TaskStates.NETWORKING, TaskStates.BLOCK_DEVICE_MAPPING, TaskStates.SPAWNING, null);
    static final String BUILD_TIMED_OUT = "Instance build timed out. Set to error state.";

    /**
     * nova's _check_instance_build_time: servers building on this host for longer than
     * [DEFAULT] instance_build_timeout go to ERROR with nova's fault.
     */
    void failTimedOutBuilds() {
        try {
            Instant cutoff = Instant.now().minusSeconds(settings.instanceBuildTimeout());
            var filter = org.jnova.objects.InstanceFilter.builder().host(settings.host()).deleted(false)
                    .vmStates(java.util.List.of(VmStates.BUILDING)).build();
            for (Instance i : instances.listBare(filter)) {
                if (i.createdAt() == null || !i.createdAt().isBefore(cutoff)) {
                    continue;
                }
                boolean failed = mainDb.inTransaction(tx -> {
                    InstanceUpdate cols = new InstanceUpdate();
                    cols.vmState(VmStates.ERROR);
                    cols.taskState(null);
                    if (!instances.update(tx, i.uuid(), cols.expectTaskStates(BUILD_TASKS))) {
                        return false;
                    }
                    instances.children().addFault(tx, i.uuid(), 500, BUILD_TIMED_OUT, "", settings.host());
                    return true;
                });
                if (failed) {
                    LOG.warn("Instance {}: {}", i.uuid(), BUILD_TIMED_OUT);
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("Checking build times failed: {}", e.toString());
        }
    }

    public synchronized void stop() {
        transport.unlisten(ComputeRpcApi.TOPIC, settings.host());
        if (timers != null) {
            timers.shutdownNow();
            timers = null;
        }
    }

    public String host() {
        return settings.host();
    }

    private void heartbeat() {
        try {
            services.heartbeat(service.id());
        } catch (RuntimeException e) {
            LOG.warn("Heartbeat failed: {}", e.toString());
        }
    }

    private Object dispatch(ComputeMessage message) {
        switch (message) {
            case ComputeMessage.Moving m -> {
                return moving.handle(m);
            }
            case ComputeMessage.Action m -> {
                return operations.handle(m);
            }
            case ComputeMessage.Shelving m -> shelving.handle(m);
            case ComputeMessage.Resizing m -> resizing.handle(m);
            case ComputeMessage.Volumes m -> {
                return volumeWork.handle(m);
            }
            case GetHostUptime m -> {
                return driver.hostUptime();
            }
            case ComputeMessage.Shares m -> sharing.handle(m);
            case BuildAndRunInstance(String uuid, String requestId) -> build(uuid, requestId);
            case TerminateInstance(String uuid, String requestId) -> terminate(uuid, requestId);
            case SoftDeleteInstance(String uuid, String requestId) -> powerChange(uuid, requestId,
                    "compute_soft_delete_instance", VmStates.SOFT_DELETED, PowerState.SHUTDOWN);
            case RestoreInstance(String uuid, String requestId) -> powerChange(uuid, requestId,
                    "compute_restore_instance", VmStates.ACTIVE, PowerState.RUNNING);
            case StopInstance(String uuid, String requestId) -> powerChange(uuid, requestId, "compute_stop_instance",
                    VmStates.STOPPED, PowerState.SHUTDOWN);
            case StartInstance(String uuid, String requestId) -> powerChange(uuid, requestId,
                    "compute_start_instance", VmStates.ACTIVE, PowerState.RUNNING);
        }
        return null;
    }

    private void build(String uuid, String requestId) {
        String event = "compute__do_build_and_run_instance";
        Instance current = instances.get(uuid, false).orElse(null);
        if (current != null && (!VmStates.BUILDING.equals(current.vmState())
                || TaskStates.NETWORKING.equals(current.taskState())
                || TaskStates.BLOCK_DEVICE_MAPPING.equals(current.taskState())
                || TaskStates.SPAWNING.equals(current.taskState()))) {
            // A broker redelivers a build whose acknowledgement was lost, or one interrupted by a
            // restart that init_host already failed: the instance is built, or being built, already.
            LOG.info("Ignoring build_and_run_instance of {} in vm_state {} task_state {}", uuid, current.vmState(),
                    current.taskState());
            return;
        }
        // Only one delivery of a build starts it: a redelivered or recovered build meets task_state
        // networking (or later) here and changes nothing.
        // Nor does a build of a server the conductor has since placed elsewhere (its host was down).
        boolean started = instances.update(uuid, new InstanceUpdate().taskState(TaskStates.NETWORKING)
                .expectTaskState(TaskStates.SCHEDULING).expectHost(settings.host()));
        if (!started && instances.get(uuid, false).isPresent()) {
            LOG.info("Ignoring build_and_run_instance of {}: its build has started already or it was placed on "
                    + "another host", uuid);
            return;
        }
        actions.eventStart(uuid, requestId, event, settings.host());
        try {
            if (!started) {
                actions.eventFinish(uuid, requestId, event, "Error", "instance deleted during build");
                return;
            }
            Instance requested = instances.get(uuid, false).orElse(null);
            if (requested == null || !Instance.NO_NETWORK.equals(requested.systemMetadata().get(Instance.REQUESTED_NETWORKS_KEY))) {
                VirtualInterface port = network.allocate(uuid);
                LOG.debug("Allocated {} to {}", port.fixedIp(), uuid);
            }
            if (!instances.update(uuid, new InstanceUpdate().taskState(TaskStates.BLOCK_DEVICE_MAPPING))) {
                cleanUpAfterDeleteDuringBuild(uuid);
                actions.eventFinish(uuid, requestId, event, "Error", "instance deleted during build");
                return;
            }
            volumeWork.prepareBlockDevices(instances.get(uuid, false).orElseThrow(), requestId);
            if (!instances.update(uuid, new InstanceUpdate().taskState(TaskStates.SPAWNING))) {
                cleanUpAfterDeleteDuringBuild(uuid);
                actions.eventFinish(uuid, requestId, event, "Error", "instance deleted during build");
                return;
            }
            Instance instance = instances.get(uuid, false).orElseThrow();
            driver.spawn(instance);
            InstanceUpdate done = new InstanceUpdate();
            done.vmState(VmStates.ACTIVE);
            done.taskState(null);
            done.powerState(driver.powerState(instance));
            done.launchedAt(Instant.now());
            if (!instances.update(uuid, done.expectTaskState(TaskStates.SPAWNING))) {
                LOG.info("Instance {} was deleted while spawning", uuid);
                return;
            }
            actions.eventFinish(uuid, requestId, event, "Success", null);
        } catch (Exception e) {
            LOG.error("Build of instance {} failed", uuid, e);
            failBuild(uuid, e);
            actions.eventFinish(uuid, requestId, event, "Error", String.valueOf(e));
        }
    }

    private void failBuild(String uuid, Exception e) {
        Optional<Instance> instance = instances.get(uuid, false);
        network.deallocate(uuid);
        instance.ifPresent(this::releaseClaim);
        mainDb.inTransaction(tx -> {
            InstanceUpdate cols = new InstanceUpdate();
            cols.vmState(VmStates.ERROR);
            cols.taskState(null);
            cols.powerState(PowerState.NOSTATE);
            if (instances.update(tx, uuid, cols)) {
                instances.children().addFault(tx, uuid, 500, "Build of instance " + uuid
                        + " aborted: " + e.getMessage(), e.toString(), settings.host());
            }
            return null;
        });
    }

    private void cleanUpAfterDeleteDuringBuild(String uuid) {
        network.deallocate(uuid);
    }

    private void terminate(String uuid, String requestId) {
        String event = "compute_terminate_instance";
        Optional<Instance> instance = instances.get(uuid, false);
        if (instance.isEmpty()) {
            return;
        }
        actions.eventStart(uuid, requestId, event, settings.host());
        try {
            driver.destroy(instance.get());
            network.deallocate(uuid);
            volumeCleanup.releaseAll(uuid, requestId);
            mainDb.inTransaction(tx -> {
                if (instances.softDelete(tx, uuid)) {
                    releaseClaim(tx, instance.get());
                }
                return null;
            });
            sharing.forget(uuid);
            consoleTokens.deleteForInstance(uuid); // nova's _complete_deletion
            actions.eventFinish(uuid, requestId, event, "Success", null);
        } catch (Exception e) {
            LOG.error("Terminating instance {} failed", uuid, e);
            mainDb.inTransaction(tx -> {
                InstanceUpdate cols = new InstanceUpdate();
                cols.vmState(VmStates.ERROR);
                cols.taskState(null);
                instances.update(tx, uuid, cols);
                instances.children().addFault(tx, uuid, 500, e.getMessage(), e.toString(), settings.host());
                return null;
            });
            actions.eventFinish(uuid, requestId, event, "Error", String.valueOf(e));
        }
    }

    /**
     * Powers the server on or off; a message sent again after it was handled (its event is on
     * the request's action) does nothing, so an old stop cannot undo a later start.
     */
    private void powerChange(String uuid, String requestId, String event, String vmState, int powerState) {
        Optional<Instance> instance = instances.get(uuid, false);
        if (instance.isEmpty()) {
            return;
        }
        boolean handledBefore = actions.get(uuid, requestId).map(a -> a.events().stream()
                .anyMatch(e -> e.event().equals(event))).orElse(false);
        if (handledBefore) {
            LOG.info("Ignoring a repeated {} of {} (request {})", event, uuid, requestId);
            return;
        }
        actions.eventStart(uuid, requestId, event, settings.host());
        try {
            if (powerState == PowerState.RUNNING) {
                driver.powerOn(instance.get());
                if (event.equals("compute_start_instance")) {
                    sharing.mounted(uuid);
                }
            } else {
                driver.powerOff(instance.get());
                if (event.equals("compute_stop_instance")) {
                    sharing.unmounted(uuid);
                }
            }
            InstanceUpdate cols = new InstanceUpdate();
            cols.vmState(vmState);
            cols.taskState(null);
            cols.powerState(driver.powerState(instance.get()));
            instances.update(uuid, cols);
            actions.eventFinish(uuid, requestId, event, "Success", null);
        } catch (Exception e) {
            actions.eventFinish(uuid, requestId, event, "Error", String.valueOf(e));
        }
    }

    /** nova's _reclaim_queued_deletes: soft-deleted instances older than the interval are deleted. */
    void reclaimQueuedDeletes() {
        try {
            Instant cutoff = Instant.now().minus(settings.reclaimInstanceInterval());
            var filter = org.jnova.objects.InstanceFilter.builder().host(settings.host())
                    .vmStates(java.util.List.of(VmStates.SOFT_DELETED)).build();
            for (Instance i : instances.listBare(filter)) {
                if (i.updatedAt() != null && i.updatedAt().isBefore(cutoff) && i.taskState() == null) {
                    terminate(i.uuid(), "req-reclaim");
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("Reclaiming soft-deleted instances failed: {}", e.toString());
        }
    }

    private void releaseClaim(Instance i) {
        mainDb.inTransaction(tx -> {
            releaseClaim(tx, i);
            return null;
        });
    }

    private void releaseClaim(org.jnova.db.Tx tx, Instance i) throws java.sql.SQLException {
        if (i.host() == null || i.node() == null) {
            return;
        }
        var f = i.flavor();
        nodes.release(tx, i.host(), i.node(), f.vcpus(), f.memoryMb(),
                f.diskGb());
    }
}
