package org.jnova.compute.manager;

import static java.util.Objects.requireNonNull;

import org.jnova.compute.ComputeErrors;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jnova.compute.rpcapi.ComputeMessage;
import org.jnova.compute.rpcapi.ComputeMessage.BackupInstance;
import org.jnova.compute.rpcapi.ComputeMessage.GetConsoleOutput;
import org.jnova.compute.rpcapi.ComputeMessage.InjectNetworkInfo;
import org.jnova.compute.rpcapi.ComputeMessage.PauseInstance;
import org.jnova.compute.rpcapi.ComputeMessage.RebootInstance;
import org.jnova.compute.rpcapi.ComputeMessage.RebuildInstance;
import org.jnova.compute.rpcapi.ComputeMessage.RescueInstance;
import org.jnova.compute.rpcapi.ComputeMessage.ResumeInstance;
import org.jnova.compute.rpcapi.ComputeMessage.SetAdminPassword;
import org.jnova.compute.rpcapi.ComputeMessage.SnapshotInstance;
import org.jnova.compute.rpcapi.ComputeMessage.SuspendInstance;
import org.jnova.compute.rpcapi.ComputeMessage.TriggerCrashDump;
import org.jnova.compute.rpcapi.ComputeMessage.UnpauseInstance;
import org.jnova.compute.rpcapi.ComputeMessage.UnrescueInstance;
import org.jnova.context.RequestContext;
import org.jnova.db.ActionStore;
import org.jnova.db.InstanceStore;
import org.jnova.db.InstanceUpdate;
import org.jnova.db.Transactions;
import org.jnova.image.ImagesApi;
import org.jnova.objects.Image;
import org.jnova.objects.Instance;
import org.jnova.objects.TaskStates;
import org.jnova.objects.VmStates;
import org.jnova.virt.VirtDriver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server actions a compute host runs after the API has set the task state and
 * recorded the action: reboot, pause, suspend, rescue, password, crash dump, snapshot,
 * backup, console output, network injection. Each runs as nova's manager does: an
 * instance-action event "compute_&lt;method&gt;", nova's intermediate task states, then
 * the final vm_state with the task cleared; a failure clears the task, records a fault
 * and finishes the event with "Error".
 */
public final class InstanceOperations {
    private static final Logger LOG = LoggerFactory.getLogger(InstanceOperations.class);

    private final String host;
    private final VirtDriver driver;
    private final InstanceStore instances;
    private final Transactions mainDb;
    private final ActionStore actions;
    private final ImagesApi images;

    /** The driver work of one action. */
    @FunctionalInterface
    private interface Work {
        void run(Instance instance) throws Exception;
    }

    public InstanceOperations(String host, VirtDriver driver, InstanceStore instances, Transactions mainDb,
            ActionStore actions, ImagesApi images) {
        this.host = requireNonNull(host, "host is null");
        this.driver = requireNonNull(driver, "driver is null");
        this.instances = requireNonNull(instances, "instances is null");
        this.mainDb = requireNonNull(mainDb, "mainDb is null");
        this.actions = requireNonNull(actions, "actions is null");
        this.images = requireNonNull(images, "images is null");
    }

    Object handle(ComputeMessage.Action message) {
        String uuid = message.instanceUuid();
        String requestId = message.requestId();
        switch (message) {
            case RebootInstance m -> {
                boolean hard = m.hard();
                run(uuid, requestId, "compute_reboot_instance", hard
                        ? List.of(TaskStates.REBOOT_PENDING_HARD, TaskStates.REBOOT_STARTED_HARD)
                        : List.of(TaskStates.REBOOT_PENDING, TaskStates.REBOOT_STARTED),
                        i -> driver.reboot(i, hard), VmStates.ACTIVE);
            }
            case PauseInstance m -> run(uuid, requestId, "compute_pause_instance", List.of(), driver::pause,
                    VmStates.PAUSED);
            case UnpauseInstance m -> run(uuid, requestId, "compute_unpause_instance", List.of(), driver::unpause,
                    VmStates.ACTIVE);
            case SuspendInstance m -> run(uuid, requestId, "compute_suspend_instance", List.of(), driver::suspend,
                    VmStates.SUSPENDED);
            case ResumeInstance m -> run(uuid, requestId, "compute_resume_instance", List.of(), driver::resume,
                    VmStates.ACTIVE);
            case RescueInstance m -> run(uuid, requestId, "compute_rescue_instance", List.of(),
                    i -> driver.rescue(i, m.rescueImageRef(), m.rescuePassword()),
                    VmStates.RESCUED);
            case UnrescueInstance m -> run(uuid, requestId, "compute_unrescue_instance", List.of(),
                    driver::unrescue, VmStates.ACTIVE);
            case SetAdminPassword m -> run(uuid, requestId, "compute_set_admin_password", List.of(),
                    i -> driver.setAdminPassword(i, m.newPassword()), null);
            case TriggerCrashDump m -> run(uuid, requestId, "compute_trigger_crash_dump", List.of(),
                    driver::triggerCrashDump, null);
            case SnapshotInstance m -> run(uuid, requestId, "compute_snapshot_instance",
                    List.of(TaskStates.IMAGE_PENDING_UPLOAD, TaskStates.IMAGE_UPLOADING),
                    i -> upload(RequestContext.admin(requestId), i, m.imageId()), null);
            case BackupInstance m -> run(uuid, requestId, "compute_backup_instance",
                    List.of(TaskStates.IMAGE_PENDING_UPLOAD, TaskStates.IMAGE_UPLOADING), i -> {
                        upload(m.context(), i, m.imageId());
                        rotateBackups(m.context(), i, m.backupType(), m.rotation());
                    }, null);
            case RebuildInstance m -> {
                String before = instances.get(uuid, false).map(Instance::vmState).orElse(VmStates.ACTIVE);
                run(uuid, requestId, "compute_rebuild_instance", List.of(TaskStates.REBUILD_BLOCK_DEVICE_MAPPING,
                        TaskStates.REBUILD_SPAWNING), i -> {
                            driver.destroy(i);
                            driver.spawn(i, m.newPass());
                            if (VmStates.STOPPED.equals(before)) {
                                driver.powerOff(i);
                            }
                        }, VmStates.STOPPED.equals(before) ? VmStates.STOPPED : VmStates.ACTIVE);
            }
            case GetConsoleOutput m -> {
                return consoleOutput(uuid, m.tailLength());
            }
            case InjectNetworkInfo m -> {
                Optional<Instance> instance = instances.get(uuid, false);
                if (instance.isPresent()) {
                    try {
                        driver.injectNetworkInfo(instance.get());
                    } catch (Exception e) {
                        LOG.warn("Injecting network info into {} failed: {}", uuid, e.toString());
                    }
                }
            }
        }
        return null;
    }

    /**
     * Runs one action: intermediate task states in order, the driver work, then the final
     * vm_state (null: unchanged) with the task cleared and the guest's power state.
     */
    private void run(String uuid, String requestId, String event, List<String> steps, Work work, String finalVmState) {
        Optional<Instance> found = instances.get(uuid, false);
        if (found.isEmpty()) {
            return;
        }
        actions.eventStart(uuid, requestId, event, host);
        String expected = found.get().taskState();
        try {
            for (String step : steps) {
                if (!instances.update(uuid, new InstanceUpdate().taskState(step).expectTaskState(expected))) {
                    throw new IllegalStateException("Unexpected task state: expecting " + expected + " but the "
                            + "instance has changed");
                }
                expected = step;
            }
            Instance instance = instances.get(uuid, false).orElseThrow(() -> new ComputeErrors.InstanceNotFound(uuid));
            work.run(instance);
            InstanceUpdate done = new InstanceUpdate();
            if (finalVmState != null) {
                done.vmState(finalVmState);
            }
            done.taskState(null);
            done.powerState(driver.powerState(instance));
            instances.update(uuid, done.expectTaskState(expected));
            actions.eventFinish(uuid, requestId, event, "Success", null);
        } catch (Exception e) {
            LOG.error("{} of instance {} failed", event, uuid, e);
            FailedOperation.record(instances, mainDb, actions, host, uuid, requestId, event, e);
        }
    }

    /** Fills the queued image the API made with the guest's disk: saving, then active. */
    private void upload(RequestContext ctx, Instance instance, String imageId) throws Exception {
        images.snapshotSaving(ctx, imageId);
        VirtDriver.Snapshot snapshot = driver.snapshot(instance);
        images.snapshotUploaded(ctx, imageId, snapshot.sizeBytes(), snapshot.properties());
    }

    /**
     * nova's _rotate_backups: in the image service, with the caller's context, the backups of
     * this server and type past the newest {@code rotation} are deleted.
     */
    private void rotateBackups(RequestContext ctx, Instance instance, String backupType, int rotation) {
        List<Image> backups = images.listByProperties(ctx, Map.of("image_type", "backup",
                "backup_type", backupType, "instance_uuid", instance.uuid()));
        for (int n = rotation; n < backups.size(); n++) {
            LOG.info("Deleting image {} of instance {} (rotation {})", backups.get(n).id(), instance.uuid(), rotation);
            images.delete(ctx, backups.get(n).id());
        }
    }

    private String consoleOutput(String uuid, Integer tailLength) {
        Instance instance = instances.get(uuid, false).orElseThrow(() -> new ComputeErrors.InstanceNotFound(uuid));
        String log;
        try {
            log = driver.consoleOutput(instance);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        if (tailLength == null) {
            return log;
        }
        if (tailLength == 0) {
            return "";
        }
        // nova's _tail_log: '\n'.join(log.split('\n')[-length:]), Python slicing included
        List<String> lines = List.of(log.split("\n", -1));
        int start = -tailLength < 0 ? Math.max(0, lines.size() - tailLength) : Math.min(-tailLength, lines.size());
        return String.join("\n", lines.subList(start, lines.size()));
    }
}
