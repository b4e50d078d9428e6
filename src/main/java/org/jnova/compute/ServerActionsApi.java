package org.jnova.compute;

import static java.util.Objects.requireNonNull;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import org.jnova.compute.rpcapi.ComputeMessage;
import org.jnova.compute.rpcapi.ComputeMessage.BackupInstance;
import org.jnova.compute.rpcapi.ComputeMessage.GetConsoleOutput;
import org.jnova.compute.rpcapi.ComputeMessage.InjectNetworkInfo;
import org.jnova.compute.rpcapi.ComputeMessage.PauseInstance;
import org.jnova.compute.rpcapi.ComputeMessage.RescueInstance;
import org.jnova.compute.rpcapi.ComputeMessage.ResumeInstance;
import org.jnova.compute.rpcapi.ComputeMessage.SetAdminPassword;
import org.jnova.compute.rpcapi.ComputeMessage.SnapshotInstance;
import org.jnova.compute.rpcapi.ComputeMessage.SuspendInstance;
import org.jnova.compute.rpcapi.ComputeMessage.TriggerCrashDump;
import org.jnova.compute.rpcapi.ComputeMessage.UnpauseInstance;
import org.jnova.compute.rpcapi.ComputeMessage.UnrescueInstance;
import org.jnova.compute.rpcapi.ComputeRpcApi;
import org.jnova.context.RequestContext;
import org.jnova.db.ActionStore;
import org.jnova.db.InstanceStore;
import org.jnova.db.InstanceUpdate;
import org.jnova.db.Transactions;
import org.jnova.exception.Conflict;
import org.jnova.image.ImagesApi;
import org.jnova.objects.Image;
import org.jnova.objects.Instance;
import org.jnova.objects.TaskStates;
import org.jnova.objects.VmStates;

/**
 * The server actions of nova's compute API beyond those in {@link ServersApi}: pause,
 * unpause, suspend, resume, rescue, unrescue, change password, trigger crash dump, reset
 * state, create image, create backup, console output, inject network info. Each checks
 * the lock and nova's allowed states, moves the task state and records the instance action
 * in one transaction, then casts to the server's compute host. Conflicts name the API
 * action as nova's API does ("Cannot 'pause' instance ... while it is in vm_state ...").
 */
public final class ServerActionsApi {
    private final ServersApi servers;
    private final InstanceStore instances;
    private final Transactions mainDb;
    private final ActionStore actions;
    private final ImagesApi images;
    private final ComputeRpcApi computeRpc;
    private final org.jnova.db.BlockDeviceMappingStore bdms;

    private final VolumeBackedSnapshots volumeBacked;
    private final ServerTransitions transitions;

    public ServerActionsApi(ServersApi servers, InstanceStore instances, Transactions mainDb,
            org.jnova.db.BlockDeviceMappingStore bdms, ActionStore actions, ImagesApi images,
            ComputeRpcApi computeRpc, VolumeBackedSnapshots volumeBacked) {
        this.volumeBacked = requireNonNull(volumeBacked, "volumeBacked is null");
        this.servers = requireNonNull(servers, "servers is null");
        this.instances = requireNonNull(instances, "instances is null");
        this.mainDb = requireNonNull(mainDb, "mainDb is null");
        this.bdms = requireNonNull(bdms, "bdms is null");
        this.actions = requireNonNull(actions, "actions is null");
        this.images = requireNonNull(images, "images is null");
        this.computeRpc = requireNonNull(computeRpc, "computeRpc is null");
        this.transitions = new ServerTransitions(servers, instances, mainDb, actions);
    }

    public void pause(RequestContext ctx, String uuid) {
        simple(ctx, uuid, "pause", Set.of(VmStates.ACTIVE), TaskStates.PAUSING, PauseInstance::new);
    }

    public void unpause(RequestContext ctx, String uuid) {
        simple(ctx, uuid, "unpause", Set.of(VmStates.PAUSED), TaskStates.UNPAUSING, UnpauseInstance::new);
    }

    public void suspend(RequestContext ctx, String uuid) {
        simple(ctx, uuid, "suspend", Set.of(VmStates.ACTIVE), TaskStates.SUSPENDING, SuspendInstance::new);
    }

    public void resume(RequestContext ctx, String uuid) {
        simple(ctx, uuid, "resume", Set.of(VmStates.SUSPENDED), TaskStates.RESUMING, ResumeInstance::new);
    }

    /** rescue: from ACTIVE, STOPPED or ERROR; the guest boots the rescue image (default: its own image). */
    public void rescue(RequestContext ctx, String uuid, String password, String rescueImageRef) {
        Instance i = transitions.checked(ctx, uuid, "rescue", Set.of(VmStates.ACTIVE, VmStates.STOPPED,
                VmStates.ERROR));
        if (rescueImageRef != null && images.find(ctx, rescueImageRef).isEmpty()) {
            throw new org.jnova.exception.Invalid("Requested rescue image '" + rescueImageRef
                    + "' is not supported: Image " + rescueImageRef + " could not be found.");
        }
        // nova's is_volume_backed_instance; rescuing those needs a host trait the fake driver lacks
        if (bdms.forInstance(i.uuid()).stream().anyMatch(b -> b.isRoot() && "volume".equals(b.destinationType()))) {
            throw new org.jnova.exception.Invalid("Instance " + i.uuid() + " cannot be rescued: Cannot rescue a "
                    + "volume-backed instance");
        }
        transition(ctx, i, "rescue", TaskStates.RESCUING, new RescueInstance(i.uuid(), ctx.requestId(),
                rescueImageRef != null ? rescueImageRef : i.imageRef(), password));
    }

    public void unrescue(RequestContext ctx, String uuid) {
        simple(ctx, uuid, "unrescue", Set.of(VmStates.RESCUED), TaskStates.UNRESCUING, UnrescueInstance::new);
    }

    /** changePassword: ACTIVE servers only. */
    public void changePassword(RequestContext ctx, String uuid, String password) {
        Instance i = transitions.checked(ctx, uuid, "changePassword", Set.of(VmStates.ACTIVE));
        transition(ctx, i, "changePassword", TaskStates.UPDATING_PASSWORD,
                new SetAdminPassword(i.uuid(), ctx.requestId(), password));
    }

    /** trigger_crash_dump (2.17): no task state; nova's ALLOW_TRIGGER_CRASH_DUMP vm_states. */
    public void triggerCrashDump(RequestContext ctx, String uuid) {
        Instance i = transitions.checked(ctx, uuid, "trigger_crash_dump", Set.of(VmStates.ACTIVE,
                VmStates.PAUSED, VmStates.RESCUED, VmStates.RESIZED, VmStates.ERROR));
        requireHost(i);
        mainDb.inTransaction(tx -> {
            actions.start(tx, i.uuid(), "trigger_crash_dump", ctx.requestId(), ctx.userId(), ctx.requireProjectId());
            computeRpc.cast(tx, i.host(), new TriggerCrashDump(i.uuid(), ctx.requestId()));
            return null;
        });
    }

    /** os-resetState (admin): vm_state active or error, task cleared; recorded as "resetState". */
    public void resetState(RequestContext ctx, String uuid, String state) {
        Instance i = servers.get(ctx, uuid);
        InstanceUpdate cols = new InstanceUpdate();
        cols.vmState("error".equals(state) ? VmStates.ERROR : VmStates.ACTIVE);
        cols.taskState(null);
        mainDb.inTransaction(tx -> {
            actions.start(tx, i.uuid(), "resetState", ctx.requestId(), ctx.userId(), ctx.requireProjectId());
            instances.update(tx, i.uuid(), cols);
            return null;
        });
    }

    /** injectNetworkInfo (admin): re-applies the network configuration on the host; no action record. */
    public void injectNetworkInfo(RequestContext ctx, String uuid) {
        Instance i = servers.get(ctx, uuid);
        StateGuard.checkUnlocked(ctx, i);
        if (i.host() != null) {
            computeRpc.cast(i.host(), new InjectNetworkInfo(i.uuid(), ctx.requestId()));
        }
    }

    /**
     * os-getConsoleOutput: the tail of the guest's console log, as nova's compute host
     * returns it ({@code length} null: all of it).
     */
    public String consoleOutput(RequestContext ctx, String uuid, Integer length) {
        Instance i = servers.get(ctx, uuid);
        requireHost(i);
        return HostCalls.await(computeRpc.call(i.host(), new GetConsoleOutput(i.uuid(), ctx.requestId(), length)),
                "get_console_output");
    }

    /** createImage: a queued snapshot image in the catalog, filled by the host; returns it. */
    public Image createImage(RequestContext ctx, String uuid, String name, Map<String, String> metadata) {
        Instance i = transitions.checkedEvenIfLocked(ctx, uuid, "createImage", Set.of(VmStates.ACTIVE,
                VmStates.STOPPED, VmStates.PAUSED, VmStates.SUSPENDED));
        if (volumeBacked.isVolumeBacked(i)) {
            return volumeBacked.snapshot(ctx, i, imageTemplate(ctx, i, name, "snapshot", metadata));
        }
        Image image = queueImage(ctx, i, name, "snapshot", metadata);
        transitionOrDropImage(ctx, i, "createImage", TaskStates.IMAGE_SNAPSHOT_PENDING,
                new SnapshotInstance(i.uuid(), ctx.requestId(), image.id()), image);
        return image;
    }

    /** createBackup: like createImage, then keeps only the newest {@code rotation} backups of the type. */
    public Image createBackup(RequestContext ctx, String uuid, String name, String backupType, int rotation,
            Map<String, String> metadata) {
        Instance i = transitions.checkedEvenIfLocked(ctx, uuid, "createBackup", Set.of(VmStates.ACTIVE,
                VmStates.STOPPED, VmStates.PAUSED, VmStates.SUSPENDED));
        Map<String, String> props = new LinkedHashMap<>(metadata);
        props.put("backup_type", backupType);
        Image image = queueImage(ctx, i, name, "backup", props);
        transitionOrDropImage(ctx, i, "createBackup", TaskStates.IMAGE_BACKUP,
                new BackupInstance(i.uuid(), ctx.requestId(), image.id(), backupType, rotation, ctx), image);
        return image;
    }

    /** nova's is_volume_backed_instance (createImage of those has a policy of its own). */
    public boolean isVolumeBacked(Instance server) {
        return volumeBacked.isVolumeBacked(server);
    }

    private Image queueImage(RequestContext ctx, Instance i, String name, String imageType,
            Map<String, String> extra) {
        return images.createSnapshot(ctx, i.projectId(), imageTemplate(ctx, i, name, imageType, extra));
    }

    /** The snapshot image as nova's initialize_instance_snapshot_metadata makes it, not yet recorded. */
    private static Image imageTemplate(RequestContext ctx, Instance i, String name, String imageType,
            Map<String, String> extra) {
        Map<String, String> props = new LinkedHashMap<>();
        i.systemMetadata().forEach((k, v) -> {
            if (k.startsWith("image_") && !k.equals("image_base_image_ref") && !k.startsWith("image_min_")) {
                props.put(k.substring("image_".length()), v);
            }
        });
        props.put("instance_uuid", i.uuid());
        props.put("user_id", ctx.userId());
        props.put("image_type", imageType);
        props.put("base_image_ref", i.imageRef() == null ? "" : i.imageRef());
        props.put("owner_project_name", i.projectId());
        props.putAll(extra);
        int minRam = parse(i.systemMetadata().get("image_min_ram"));
        int minDisk = Math.max(parse(i.systemMetadata().get("image_min_disk")), i.flavor().rootGb());
        return new Image(UUID.randomUUID().toString(), name, "queued", minDisk, minRam, 0, props, null, null);
    }

    private static int parse(String number) {
        try {
            return number == null ? 0 : Integer.parseInt(number);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private void transitionOrDropImage(RequestContext ctx, Instance i, String action, String taskState,
            ComputeMessage message, Image image) {
        try {
            transition(ctx, i, action, taskState, message);
        } catch (RuntimeException e) {
            images.delete(ctx, image.id());
            throw e;
        }
    }

    private void simple(RequestContext ctx, String uuid, String action, Set<String> vmStates, String taskState,
            BiFunction<String, String, ComputeMessage> message) {
        Instance i = transitions.checked(ctx, uuid, action, vmStates);
        transition(ctx, i, action, taskState, message.apply(i.uuid(), ctx.requestId()));
    }

    /** nova's check_instance_host: InstanceNotReady, shown as 409. */
    private static void requireHost(Instance i) {
        if (i.host() == null) {
            throw new Conflict("Instance " + i.uuid() + " is not ready");
        }
    }

    /** Sets the task state if the server still has none, records the action, then casts. */
    private void transition(RequestContext ctx, Instance i, String action, String taskState,
            ComputeMessage message) {
        requireHost(i);
        transitions.start(ctx, i, action, taskState, tx -> computeRpc.cast(tx, i.host(), message));
    }
}
