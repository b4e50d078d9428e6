package org.jnova.compute;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jnova.db.ActionStore;
import org.jnova.db.ComputeNodeStore;
import org.jnova.db.InstanceStore;
import org.jnova.db.ServiceStore;
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
    public static final String TOPIC = "compute";
    public static final String BINARY = "nova-compute";
    /** nova's service version of Zed. */
    public static final int SERVICE_VERSION = 64;
    private static final Logger LOG = LoggerFactory.getLogger(ComputeManager.class);

    private final Settings settings;
    private final Transport transport;
    private final VirtDriver driver;
    private final InstanceStore instances;
    private final ServiceStore services;
    private final ComputeNodeStore nodes;
    private final ActionStore actions;
    /** System metadata key the API sets to "none" for a server booted with {@code "networks": "none"}. */
    public static final String REQUESTED_NETWORKS_KEY = "requested_networks";
    public static final String NO_NETWORK = "none";
    private final FixedIpAllocator network;
    private final InstanceOperations operations;
    private final ShelveOperations shelving;
    private final ResizeOperations resizing;
    private final VolumeOperations volumeWork;
    private final VolumeCleanup volumeCleanup;
    private final org.jnova.console.ConsoleAuthTokenStore consoleTokens;
    private final MoveOperations moving;
    private ScheduledExecutorService timers;
    private volatile Service service;

    /**
     * Host identity, allocation ratios and periodic intervals; {@code shelvedOffloadTime}
     * ([DEFAULT] shelved_offload_time, seconds) is checked every {@code shelvedPollInterval}
     * (zero or less: never).
     */
    public record Settings(String host, String hostIp, double cpuAllocationRatio, double ramAllocationRatio,
            double diskAllocationRatio, Duration reportInterval, Duration reclaimInstanceInterval,
            Duration shelvedPollInterval, int shelvedOffloadTime) {
    }

    public ComputeManager(Settings settings, Transport transport, VirtDriver driver, InstanceStore instances,
            ServiceStore services, ComputeNodeStore nodes, ActionStore actions,
            org.jnova.console.ConsoleAuthTokenStore consoleTokens, FixedIpAllocator network,
            VolumeCleanup volumeCleanup, InstanceOperations operations, ShelveOperations shelving,
            ResizeOperations resizing, VolumeOperations volumeWork, MoveOperations moving) {
        this.settings = requireNonNull(settings, "settings is null");
        this.transport = requireNonNull(transport, "transport is null");
        this.driver = requireNonNull(driver, "driver is null");
        this.instances = requireNonNull(instances, "instances is null");
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
    }

    /** Registers the service and node, starts listening and heartbeating. */
    public synchronized void start() {
        service = services.register(settings.host(), BINARY, TOPIC, SERVICE_VERSION);
        services.heartbeat(service.id());
        VirtDriver.NodeResources r = driver.resources(settings.host());
        nodes.upsert(service.id(), settings.host(), r.nodename(), r.hypervisorType(), settings.hostIp(), r.vcpus(),
                r.memoryMb(), r.localGb(), settings.cpuAllocationRatio(), settings.ramAllocationRatio(),
                settings.diskAllocationRatio());
        recoverInterruptedWork();
        moving.destroyEvacuatedInstances();
        transport.listen(TOPIC, settings.host(), this::dispatch);
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
        LOG.info("nova-compute started on host {}", settings.host());
    }

    /**
     * nova's init_host: work that a previous run of this host left half done. Deletes are
     * finished; builds that never finished go to ERROR; other tasks are cleared.
     */
    private void recoverInterruptedWork() {
        var mine = instances.listBare(org.jnova.db.InstanceFilter.builder().host(settings.host()).build());
        for (Instance i : mine) {
            if (TaskStates.DELETING.equals(i.taskState())) {
                terminate(i.uuid(), "req-init-host");
            } else if (VmStates.BUILDING.equals(i.vmState())) {
                failBuild(i.uuid(), new IllegalStateException("Instance spawn was interrupted by a restart of "
                        + "the compute service"));
            } else if (i.taskState() != null) {
                Map<String, Object> cols = new HashMap<>();
                cols.put("task_state", null);
                instances.update(i.uuid(), cols, null);
            }
        }
    }

    public synchronized void stop() {
        transport.unlisten(TOPIC, settings.host());
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

    private Object dispatch(String method, Map<String, Object> args) {
        if (MoveOperations.handles(method, args)) {
            return moving.dispatch(method, args);
        }
        if (InstanceOperations.handles(method)) {
            return operations.dispatch(method, args);
        }
        if (ShelveOperations.handles(method)) {
            return shelving.dispatch(method, args);
        }
        if (ResizeOperations.handles(method)) {
            return resizing.dispatch(method, args);
        }
        if (VolumeOperations.handles(method)) {
            return volumeWork.dispatch(method, args);
        }
        String uuid = (String) args.get("instance_uuid");
        String requestId = (String) args.get("request_id");
        switch (method) {
            case "build_and_run_instance" -> build(uuid, requestId);
            case "terminate_instance" -> terminate(uuid, requestId);
            case "soft_delete_instance" -> powerChange(uuid, requestId, "compute_soft_delete_instance",
                    VmStates.SOFT_DELETED, PowerState.SHUTDOWN);
            case "restore_instance" -> powerChange(uuid, requestId, "compute_restore_instance", VmStates.ACTIVE,
                    PowerState.RUNNING);
            case "stop_instance" -> powerChange(uuid, requestId, "compute_stop_instance", VmStates.STOPPED,
                    PowerState.SHUTDOWN);
            case "start_instance" -> powerChange(uuid, requestId, "compute_start_instance", VmStates.ACTIVE,
                    PowerState.RUNNING);
            default -> throw new IllegalArgumentException("Unknown compute method " + method);
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
        actions.eventStart(uuid, requestId, event, settings.host());
        try {
            if (!instances.update(uuid, Map.of("task_state", TaskStates.NETWORKING), null)) {
                actions.eventFinish(uuid, requestId, event, "Error", "instance deleted during build");
                return;
            }
            Instance requested = instances.get(uuid, false).orElse(null);
            if (requested == null || !NO_NETWORK.equals(requested.systemMetadata().get(REQUESTED_NETWORKS_KEY))) {
                VirtualInterface port = network.allocate(uuid);
                LOG.debug("Allocated {} to {}", port.fixedIp(), uuid);
            }
            if (!instances.update(uuid, Map.of("task_state", TaskStates.BLOCK_DEVICE_MAPPING), null)) {
                cleanUpAfterDeleteDuringBuild(uuid);
                actions.eventFinish(uuid, requestId, event, "Error", "instance deleted during build");
                return;
            }
            volumeWork.prepareBlockDevices(instances.get(uuid, false).orElseThrow(), requestId);
            if (!instances.update(uuid, Map.of("task_state", TaskStates.SPAWNING), null)) {
                cleanUpAfterDeleteDuringBuild(uuid);
                actions.eventFinish(uuid, requestId, event, "Error", "instance deleted during build");
                return;
            }
            Instance instance = instances.get(uuid, false).orElseThrow();
            driver.spawn(instance);
            Map<String, Object> done = new HashMap<>();
            done.put("vm_state", VmStates.ACTIVE);
            done.put("task_state", null);
            done.put("power_state", driver.powerState(instance));
            done.put("launched_at", Instant.now());
            if (!instances.update(uuid, done, java.util.Arrays.asList(TaskStates.SPAWNING))) {
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
        instances.database().inTransaction(tx -> {
            Map<String, Object> cols = new HashMap<>();
            cols.put("vm_state", VmStates.ERROR);
            cols.put("task_state", null);
            cols.put("power_state", PowerState.NOSTATE);
            if (instances.update(tx, uuid, cols, null)) {
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
            instances.database().inTransaction(tx -> {
                if (instances.softDelete(tx, uuid)) {
                    releaseClaim(tx, instance.get());
                }
                return null;
            });
            consoleTokens.deleteForInstance(uuid); // nova's _complete_deletion
            actions.eventFinish(uuid, requestId, event, "Success", null);
        } catch (Exception e) {
            LOG.error("Terminating instance {} failed", uuid, e);
            instances.database().inTransaction(tx -> {
                Map<String, Object> cols = new HashMap<>();
                cols.put("vm_state", VmStates.ERROR);
                cols.put("task_state", null);
                instances.update(tx, uuid, cols, null);
                instances.children().addFault(tx, uuid, 500, e.getMessage(), e.toString(), settings.host());
                return null;
            });
            actions.eventFinish(uuid, requestId, event, "Error", String.valueOf(e));
        }
    }

    private void powerChange(String uuid, String requestId, String event, String vmState, int powerState) {
        Optional<Instance> instance = instances.get(uuid, false);
        if (instance.isEmpty()) {
            return;
        }
        actions.eventStart(uuid, requestId, event, settings.host());
        try {
            if (powerState == PowerState.RUNNING) {
                driver.powerOn(instance.get());
            } else {
                driver.powerOff(instance.get());
            }
            Map<String, Object> cols = new HashMap<>();
            cols.put("vm_state", vmState);
            cols.put("task_state", null);
            cols.put("power_state", driver.powerState(instance.get()));
            instances.update(uuid, cols, null);
            actions.eventFinish(uuid, requestId, event, "Success", null);
        } catch (Exception e) {
            actions.eventFinish(uuid, requestId, event, "Error", String.valueOf(e));
        }
    }

    /** nova's _reclaim_queued_deletes: soft-deleted instances older than the interval are deleted. */
    void reclaimQueuedDeletes() {
        try {
            Instant cutoff = Instant.now().minus(settings.reclaimInstanceInterval());
            var filter = org.jnova.db.InstanceFilter.builder().host(settings.host())
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
        instances.database().inTransaction(tx -> {
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
                f.rootGb() + f.ephemeralGb() + (f.swap() + 1023) / 1024);
    }
}
