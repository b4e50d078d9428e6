package org.jnova.compute.manager;

import static java.util.Objects.requireNonNull;

import org.jnova.compute.ExpectedTaskState;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jnova.compute.rpcapi.ComputeMessage;
import org.jnova.compute.rpcapi.ComputeMessage.ShelveInstance;
import org.jnova.compute.rpcapi.ComputeMessage.ShelveOffloadInstance;
import org.jnova.compute.rpcapi.ComputeMessage.UnshelveInstance;
import org.jnova.context.RequestContext;
import org.jnova.db.ActionStore;
import org.jnova.db.ComputeNodeStore;
import org.jnova.db.InstanceStore;
import org.jnova.db.InstanceUpdate;
import org.jnova.db.Transactions;
import org.jnova.image.ImageNotAuthorized;
import org.jnova.image.ImagesApi;
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
public final class ShelveOperations {
    private static final Logger LOG = LoggerFactory.getLogger(ShelveOperations.class);

    private final String host;
    private final VirtDriver driver;
    private final InstanceStore instances;
    private final Transactions mainDb;
    private final ActionStore actions;
    private final ImagesApi images;
    private final ComputeNodeStore nodes;
    private final InstanceActionEvents events;

    public ShelveOperations(String host, VirtDriver driver, InstanceStore instances, Transactions mainDb,
            ActionStore actions, ImagesApi images, ComputeNodeStore nodes, InstanceActionEvents events) {
        this.host = requireNonNull(host, "host is null");
        this.driver = requireNonNull(driver, "driver is null");
        this.instances = requireNonNull(instances, "instances is null");
        this.mainDb = requireNonNull(mainDb, "mainDb is null");
        this.actions = requireNonNull(actions, "actions is null");
        this.images = requireNonNull(images, "images is null");
        this.nodes = requireNonNull(nodes, "nodes is null");
        this.events = requireNonNull(events, "events is null");
    }

    void handle(ComputeMessage.Shelving message) {
        String uuid = message.instanceUuid();
        String requestId = message.requestId();
        Optional<Instance> found = instances.get(uuid, false);
        if (found.isEmpty()) {
            return;
        }
        switch (message) {
            case ShelveInstance m -> event(uuid, requestId, "compute_shelve_instance",
                    () -> shelve(RequestContext.admin(requestId), found.get(), m.imageId(), m.offload()));
            case ShelveOffloadInstance m -> event(uuid, requestId, "compute_shelve_offload_instance",
                    () -> offload(instances.get(uuid, false).orElseThrow()));
            case UnshelveInstance m -> {
                boolean offloaded = VmStates.SHELVED_OFFLOADED.equals(found.get().vmState());
                event(uuid, requestId, offloaded ? "compute_unshelve_instance" : "compute_start_instance",
                        () -> unshelve(m.context(), found.get(), offloaded));
            }
        }
    }

    private void event(String uuid, String requestId, String event, InstanceActionEvents.Step step) {
        events.run(uuid, requestId, event, InstanceActionEvents.OnFailure.INSTANCE_FAULT, step);
    }

    private void shelve(RequestContext ctx, Instance instance, String imageId, boolean offload) throws Exception {
        String uuid = instance.uuid();
        driver.powerOff(instance);
        ExpectedTaskState.advance(instances, uuid, TaskStates.SHELVING, TaskStates.SHELVING_IMAGE_PENDING_UPLOAD);
        ExpectedTaskState.advance(instances, uuid,
                TaskStates.SHELVING_IMAGE_PENDING_UPLOAD, TaskStates.SHELVING_IMAGE_UPLOADING);
        images.snapshotSaving(ctx, imageId);
        VirtDriver.Snapshot snapshot = driver.snapshot(instance);
        images.snapshotUploaded(ctx, imageId, snapshot.sizeBytes(), snapshot.properties());
        mainDb.inTransaction(tx -> {
            instances.children().updateMetadata(tx, uuid, Map.of("shelved_at", Instant.now().toString(),
                    "shelved_image_id", imageId, "shelved_host", host), false, true);
            InstanceUpdate cols = new InstanceUpdate();
            cols.vmState(VmStates.SHELVED);
            cols.taskState(offload ? TaskStates.SHELVING_OFFLOADING : null);
            cols.powerState(driver.powerState(instance));
            if (!instances.update(tx, uuid, cols.expectTaskState(TaskStates.SHELVING_IMAGE_UPLOADING))) {
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
            var filter = org.jnova.objects.InstanceFilter.builder().host(host)
                    .vmStates(java.util.List.of(VmStates.SHELVED)).build();
            for (Instance i : instances.list(filter, java.util.List.of(), null, null)) {
                String shelvedAt = i.systemMetadata().get("shelved_at");
                if (i.taskState() != null || shelvedAt == null || !Instant.parse(shelvedAt).isBefore(cutoff)) {
                    continue;
                }
                if (!instances.update(i.uuid(), new InstanceUpdate()
                        .taskState(TaskStates.SHELVING_OFFLOADING).expectTaskState(null))) {
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
        mainDb.inTransaction(tx -> {
            InstanceUpdate cols = new InstanceUpdate();
            cols.vmState(VmStates.SHELVED_OFFLOADED);
            cols.taskState(null);
            cols.powerState(PowerState.SHUTDOWN);
            cols.host(null);
            cols.node(null);
            // a volume-backed server is offloaded straight from shelving
            if (instances.update(tx, instance.uuid(), cols.expectTaskStates(List.of(TaskStates.SHELVING_OFFLOADING,
                    TaskStates.SHELVING)))
                    && instance.host() != null && instance.node() != null) {
                var f = instance.flavor();
                nodes.release(tx, instance.host(), instance.node(), f.vcpus(), f.memoryMb(),
                        f.diskGb());
            }
            return null;
        });
    }

    /**
     * Spawns an offloaded server again from its shelved snapshot (one whose snapshot is gone goes
     * to error with nova's fault "Unshelve attempted but the image ... cannot be found."),
     * or powers on a shelved one; before it is active again the snapshot is deleted in the image
     * service with the caller's context, a failure to delete only logged, as nova does.
     */
    private void unshelve(RequestContext ctx, Instance instance, boolean offloaded) throws Exception {
        String uuid = instance.uuid();
        String imageId = instance.systemMetadata().get("shelved_image_id");
        if (offloaded && imageId != null && images.find(ctx, imageId).isEmpty()) {
            instances.update(uuid, new InstanceUpdate().vmState(VmStates.ERROR));
            throw new IllegalStateException("Unshelve attempted but the image " + imageId + " cannot be found.");
        }
        if (offloaded) {
            ExpectedTaskState.advance(instances, uuid, TaskStates.UNSHELVING, TaskStates.SPAWNING);
            driver.spawn(instances.get(uuid, false).orElseThrow());
        } else {
            driver.powerOn(instance);
        }
        if (imageId != null) {
            // before the server is active again, as nova's manager does
            deleteShelvedSnapshot(ctx, uuid, imageId);
        }
        mainDb.inTransaction(tx -> {
            for (String key : new String[] {"shelved_at", "shelved_image_id", "shelved_host"}) {
                instances.children().deleteMetadata(tx, uuid, key, true);
            }
            InstanceUpdate cols = new InstanceUpdate();
            cols.vmState(VmStates.ACTIVE);
            cols.taskState(null);
            cols.powerState(driver.powerState(instance));
            instances.update(tx, uuid, cols);
            return null;
        });
    }

    private void deleteShelvedSnapshot(RequestContext ctx, String uuid, String imageId) {
        try {
            images.delete(ctx, imageId);
        } catch (org.jnova.exception.NotFound | ImageNotAuthorized e) {
            LOG.warn("Failed to delete snapshot {} of shelved instance {}: {}", imageId, uuid, e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("Deleting snapshot {} of shelved instance {} failed", imageId, uuid, e);
        }
    }
}
