package org.jnova.compute;

import static java.util.Objects.requireNonNull;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jnova.db.ActionStore;
import org.jnova.db.InstanceStore;
import org.jnova.objects.Instance;
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
    public static final String TOPIC = "conductor";
    public static final String NO_VALID_HOST = "No valid host was found. There are not enough hosts available.";
    private static final Logger LOG = LoggerFactory.getLogger(ComputeTaskManager.class);

    private final Transport transport;
    private final Scheduler scheduler;
    private final InstanceStore instances;
    private final ActionStore actions;
    private final String name;
    private final org.jnova.db.ServiceStore services;
    private final java.time.Duration reportInterval;
    private java.util.concurrent.ScheduledExecutorService timers;

    /**
     * {@code name} is this process's host name: the conductor registers nova-conductor and
     * nova-scheduler service records under it (os-services shows them as nova does) and
     * heartbeats every {@code reportInterval}.
     */
    public ComputeTaskManager(Transport transport, Scheduler scheduler, InstanceStore instances, ActionStore actions,
            org.jnova.db.ServiceStore services, java.time.Duration reportInterval, String name) {
        this.transport = requireNonNull(transport, "transport is null");
        this.scheduler = requireNonNull(scheduler, "scheduler is null");
        this.instances = requireNonNull(instances, "instances is null");
        this.actions = requireNonNull(actions, "actions is null");
        this.name = requireNonNull(name, "name is null");
        this.services = requireNonNull(services, "services is null");
        this.reportInterval = requireNonNull(reportInterval, "reportInterval is null");
    }

    public synchronized void start() {
        List<Integer> ids = new java.util.ArrayList<>();
        ids.add(services.register(name, "nova-conductor", "conductor", ComputeManager.SERVICE_VERSION).id());
        ids.add(services.register(name, "nova-scheduler", "scheduler", ComputeManager.SERVICE_VERSION).id());
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
        transport.listen(TOPIC, name, this::dispatch);
    }

    public synchronized void stop() {
        transport.unlisten(TOPIC, name);
        if (timers != null) {
            timers.shutdownNow();
            timers = null;
        }
    }

    @SuppressWarnings("unchecked")
    private Object dispatch(String method, Map<String, Object> args) {
        if (method.equals("build_instances")) {
            for (String uuid : (List<String>) args.get("instance_uuids")) {
                build(uuid, (String) args.get("request_id"));
            }
            return null;
        }
        throw new IllegalArgumentException("Unknown conductor method " + method);
    }

    private void build(String uuid, String requestId) {
        Optional<Instance> found = instances.get(uuid, false);
        if (found.isEmpty()) {
            return; // deleted before it was scheduled
        }
        String event = "conductor_schedule_and_build_instances";
        actions.eventStart(uuid, requestId, event, name);
        Optional<Scheduler.Selection> selection;
        try {
            selection = scheduler.selectAndClaim(found.get());
        } catch (RuntimeException e) {
            LOG.error("Scheduling {} failed", uuid, e);
            selection = Optional.empty();
        }
        if (selection.isEmpty()) {
            instances.database().inTransaction(tx -> {
                Map<String, Object> cols = new HashMap<>();
                cols.put("vm_state", VmStates.ERROR);
                cols.put("task_state", null);
                if (instances.update(tx, uuid, cols, null)) {
                    instances.children().addFault(tx, uuid, 500, NO_VALID_HOST, "", null);
                }
                return null;
            });
            actions.eventFinish(uuid, requestId, event, "Error", NO_VALID_HOST);
            LOG.warn("Instance {} failed to schedule: {}", uuid, NO_VALID_HOST);
            return;
        }
        actions.eventFinish(uuid, requestId, event, "Success", null);
        transport.cast(ComputeManager.TOPIC, selection.get().host(), "build_and_run_instance",
                Map.of("instance_uuid", uuid, "request_id", requestId));
    }
}
