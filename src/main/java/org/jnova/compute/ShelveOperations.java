package org.jnova.compute;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.jnova.db.ActionStore;
import org.jnova.db.ComputeNodeStore;
import org.jnova.db.ImageStore;
import org.jnova.db.InstanceStore;
import org.jnova.objects.Instance;
import org.jnova.objects.PowerState;
import org.jnova.objects.TaskStates;
import org.jnova.objects.VmStates;
import org.jnova.virt.VirtDriver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The compute host's side of shelving (nova's shelve_instance, shelve_offload_instance,
 * unshelve_instance): snapshot and power off, offload (destroy the guest and give back the
 * host's resources), and spawn again from the shelved image, which is then deleted.
 */
final class ShelveOperations {
    private static final Logger LOG = LoggerFactory.getLogger(ShelveOperations.class);

    private final String host;
    private final VirtDriver driver;
    private final InstanceStore instances;
    private final ActionStore actions;
    private final ImageStore images;
    private final ComputeNodeStore nodes;
    private final InstanceActionEvents events;

    ShelveOperations(String host, VirtDriver driver, InstanceStore instances, ActionStore actions, ImageStore images,
            ComputeNodeStore nodes) {
        this.host = requireNonNull(host, "host is null");
        this.driver = requireNonNull(driver, "driver is null");
        this.instances = requireNonNull(instances, "instances is null");
        this.actions = requireNonNull(actions, "actions is null");
        this.images = requireNonNull(images, "images is null");
        this.nodes = requireNonNull(nodes, "nodes is null");
        this.events = new InstanceActionEvents(host, instances, actions, LOG);
    }

    static boolean handles(String method) {
        return method.equals("shelve_instance") || method.equals("shelve_offload_instance")
                || method.equals("unshelve_instance");
    }

    Object dispatch(String method, Map<String, Object> args) {
        String uuid = (String) args.get("instance_uuid");
        String requestId = (String) args.get("request_id");
        Optional<Instance> found = instances.get(uuid, false);
        if (found.isEmpty()) {
            return null;
        }
        switch (method) {
            case "shelve_instance" -> event(uuid, requestId, "compute_shelve_instance",
                    () -> shelve(found.get(), (String) args.get("image_id"), Boolean.TRUE.equals(args.get("offload"))));
            case "shelve_offload_instance" -> event(uuid, requestId, "compute_shelve_offload_instance",
                    () -> offload(instances.get(uuid, false).orElseThrow()));
            case "unshelve_instance" -> {
                boolean offloaded = VmStates.SHELVED_OFFLOADED.equals(found.get().vmState());
                event(uuid, requestId, offloaded ? "compute_unshelve_instance" : "compute_start_instance",
                        () -> unshelve(found.get(), offloaded));
            }
            default -> throw new IllegalArgumentException("Unknown compute method " + method);
        }
        return null;
    }

    private void event(String uuid, String requestId, String event, InstanceActionEvents.Step step) {
        events.run(uuid, requestId, event, InstanceActionEvents.OnFailure.INSTANCE_FAULT, step);
    }

    private void shelve(Instance instance, String imageId, boolean offload) throws Exception {
        String uuid = instance.uuid();
        driver.powerOff(instance);
        ExpectedTaskState.advance(instances, uuid, TaskStates.SHELVING, TaskStates.SHELVING_IMAGE_PENDING_UPLOAD);
        ExpectedTaskState.advance(instances, uuid,
                TaskStates.SHELVING_IMAGE_PENDING_UPLOAD, TaskStates.SHELVING_IMAGE_UPLOADING);
        images.updateStatus(imageId, "saving", null, Map.of());
        VirtDriver.Snapshot snapshot = driver.snapshot(instance);
        images.updateStatus(imageId, "active", snapshot.sizeBytes(), snapshot.properties());
        instances.database().inTransaction(tx -> {
            instances.children().updateMetadata(tx, uuid, Map.of("shelved_at", Instant.now().toString(),
                    "shelved_image_id", imageId, "shelved_host", host), false, true);
            Map<String, Object> cols = new HashMap<>();
            cols.put("vm_state", VmStates.SHELVED);
            cols.put("task_state", offload ? TaskStates.SHELVING_OFFLOADING : null);
            cols.put("power_state", driver.powerState(instance));
            if (!instances.update(tx, uuid, cols, Collections.singletonList(TaskStates.SHELVING_IMAGE_UPLOADING))) {
                throw new IllegalStateException("Unexpected task state while shelving " + uuid);
            }
            return null;
        });
        if (offload) {
            offload(instances.get(uuid, false).orElseThrow());
        }
    }

    /**
     * nova's _poll_shelved_instances: servers of this host shelved (no task) for longer than
     * {@code offloadTime} seconds are offloaded. The periodic has no request of its own, so
     * its event goes to the server's latest action, as nova's does.
     */
    void offloadExpired(int offloadTime) {
        try {
            Instant cutoff = Instant.now().minusSeconds(offloadTime);
            var filter = org.jnova.db.InstanceFilter.builder().host(host)
                    .vmStates(java.util.List.of(VmStates.SHELVED)).build();
            for (Instance i : instances.list(filter, java.util.List.of(), null, null)) {
                String shelvedAt = i.systemMetadata().get("shelved_at");
                if (i.taskState() != null || shelvedAt == null || !Instant.parse(shelvedAt).isBefore(cutoff)) {
                    continue;
                }
                if (!instances.update(i.uuid(), Map.of("task_state", TaskStates.SHELVING_OFFLOADING),
                        Collections.singletonList(null))) {
                    continue;
                }
                String requestId = actions.list(i.uuid(), 1, null).stream().findFirst()
                        .map(org.jnova.objects.InstanceAction::requestId).orElse(null);
                event(i.uuid(), requestId, "compute_shelve_offload_instance",
                        () -> offload(instances.get(i.uuid(), false).orElseThrow()));
            }
        } catch (RuntimeException e) {
            LOG.error("Periodic task failed to offload shelved instances", e);
        }
    }

    private void offload(Instance instance) throws Exception {
        driver.destroy(instance);
        instances.database().inTransaction(tx -> {
            Map<String, Object> cols = new HashMap<>();
            cols.put("vm_state", VmStates.SHELVED_OFFLOADED);
            cols.put("task_state", null);
            cols.put("power_state", PowerState.SHUTDOWN);
            cols.put("host", null);
            cols.put("node", null);
            if (instances.update(tx, instance.uuid(), cols, Collections.singletonList(TaskStates.SHELVING_OFFLOADING))
                    && instance.host() != null && instance.node() != null) {
                var f = instance.flavor();
                nodes.release(tx, instance.host(), instance.node(), f.vcpus(), f.memoryMb(),
                        f.rootGb() + f.ephemeralGb() + (f.swap() + 1023) / 1024);
            }
            return null;
        });
    }

    private void unshelve(Instance instance, boolean offloaded) throws Exception {
        String uuid = instance.uuid();
        if (offloaded) {
            ExpectedTaskState.advance(instances, uuid, TaskStates.UNSHELVING, TaskStates.SPAWNING);
            driver.spawn(instances.get(uuid, false).orElseThrow());
        } else {
            driver.powerOn(instance);
        }
        String imageId = instance.systemMetadata().get("shelved_image_id");
        instances.database().inTransaction(tx -> {
            for (String key : new String[] {"shelved_at", "shelved_image_id", "shelved_host"}) {
                instances.children().deleteMetadata(tx, uuid, key, true);
            }
            Map<String, Object> cols = new HashMap<>();
            cols.put("vm_state", VmStates.ACTIVE);
            cols.put("task_state", null);
            cols.put("power_state", driver.powerState(instance));
            instances.update(tx, uuid, cols, null);
            return null;
        });
        if (imageId != null) {
            images.delete(imageId);
        }
    }
}
