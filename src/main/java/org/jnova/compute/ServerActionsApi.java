package org.jnova.compute;

import static java.util.Objects.requireNonNull;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jnova.context.RequestContext;
import org.jnova.db.ActionStore;
import org.jnova.db.InstanceStore;
import org.jnova.exception.Conflict;
import org.jnova.image.ImagesApi;
import org.jnova.objects.Image;
import org.jnova.objects.Instance;
import org.jnova.objects.TaskStates;
import org.jnova.objects.VmStates;
import org.jnova.rpc.Transport;

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
    private final ActionStore actions;
    private final ImagesApi images;
    private final Transport transport;
    private final org.jnova.db.BlockDeviceMappingStore bdms;

    public ServerActionsApi(ServersApi servers, InstanceStore instances, org.jnova.db.BlockDeviceMappingStore bdms,
            ActionStore actions, ImagesApi images, Transport transport) {
        this.servers = requireNonNull(servers, "servers is null");
        this.instances = requireNonNull(instances, "instances is null");
        this.bdms = requireNonNull(bdms, "bdms is null");
        this.actions = requireNonNull(actions, "actions is null");
        this.images = requireNonNull(images, "images is null");
        this.transport = requireNonNull(transport, "transport is null");
    }

    public void pause(RequestContext ctx, String uuid) {
        simple(ctx, uuid, "pause", Set.of(VmStates.ACTIVE), TaskStates.PAUSING, "pause_instance");
    }

    public void unpause(RequestContext ctx, String uuid) {
        simple(ctx, uuid, "unpause", Set.of(VmStates.PAUSED), TaskStates.UNPAUSING, "unpause_instance");
    }

    public void suspend(RequestContext ctx, String uuid) {
        simple(ctx, uuid, "suspend", Set.of(VmStates.ACTIVE), TaskStates.SUSPENDING, "suspend_instance");
    }

    public void resume(RequestContext ctx, String uuid) {
        simple(ctx, uuid, "resume", Set.of(VmStates.SUSPENDED), TaskStates.RESUMING, "resume_instance");
    }

    /** rescue: from ACTIVE, STOPPED or ERROR; the guest boots the rescue image (default: its own image). */
    public void rescue(RequestContext ctx, String uuid, String password, String rescueImageRef) {
        Instance i = checked(ctx, uuid, "rescue", true, Set.of(VmStates.ACTIVE, VmStates.STOPPED, VmStates.ERROR));
        if (rescueImageRef != null && images.find(ctx, rescueImageRef).isEmpty()) {
            throw new org.jnova.exception.Invalid("Requested rescue image '" + rescueImageRef
                    + "' is not supported: Image " + rescueImageRef + " could not be found.");
        }
        // nova's is_volume_backed_instance; rescuing those needs a host trait the fake driver lacks
        if (bdms.forInstance(i.uuid()).stream().anyMatch(b -> b.isRoot() && "volume".equals(b.destinationType()))) {
            throw new org.jnova.exception.Invalid("Instance " + i.uuid() + " cannot be rescued: Cannot rescue a "
                    + "volume-backed instance");
        }
        Map<String, Object> args = new HashMap<>();
        args.put("rescue_password", password);
        args.put("rescue_image_ref", rescueImageRef != null ? rescueImageRef : i.imageRef());
        transition(ctx, i, "rescue", TaskStates.RESCUING, "rescue_instance", args);
    }

    public void unrescue(RequestContext ctx, String uuid) {
        simple(ctx, uuid, "unrescue", Set.of(VmStates.RESCUED), TaskStates.UNRESCUING, "unrescue_instance");
    }

    /** changePassword: ACTIVE servers only. */
    public void changePassword(RequestContext ctx, String uuid, String password) {
        Instance i = checked(ctx, uuid, "changePassword", true, Set.of(VmStates.ACTIVE));
        transition(ctx, i, "changePassword", TaskStates.UPDATING_PASSWORD, "set_admin_password",
                Map.of("new_pass", password));
    }

    /** trigger_crash_dump (2.17): no task state; nova's ALLOW_TRIGGER_CRASH_DUMP vm_states. */
    public void triggerCrashDump(RequestContext ctx, String uuid) {
        Instance i = checked(ctx, uuid, "trigger_crash_dump", true, Set.of(VmStates.ACTIVE, VmStates.PAUSED,
                VmStates.RESCUED, VmStates.RESIZED, VmStates.ERROR));
        requireHost(i);
        instances.database().inTransaction(tx -> {
            actions.start(tx, i.uuid(), "trigger_crash_dump", ctx.requestId(), ctx.userId(), ctx.requireProjectId());
            return null;
        });
        cast(ctx, i, "trigger_crash_dump", Map.of());
    }

    /** os-resetState (admin): vm_state active or error, task cleared; recorded as "resetState". */
    public void resetState(RequestContext ctx, String uuid, String state) {
        Instance i = servers.get(ctx, uuid);
        Map<String, Object> cols = new HashMap<>();
        cols.put("vm_state", "error".equals(state) ? VmStates.ERROR : VmStates.ACTIVE);
        cols.put("task_state", null);
        instances.database().inTransaction(tx -> {
            actions.start(tx, i.uuid(), "resetState", ctx.requestId(), ctx.userId(), ctx.requireProjectId());
            instances.update(tx, i.uuid(), cols, null);
            return null;
        });
    }

    /** injectNetworkInfo (admin): re-applies the network configuration on the host; no action record. */
    public void injectNetworkInfo(RequestContext ctx, String uuid) {
        Instance i = servers.get(ctx, uuid);
        StateGuard.checkUnlocked(ctx, i);
        if (i.host() != null) {
            cast(ctx, i, "inject_network_info", Map.of());
        }
    }

    /**
     * os-getConsoleOutput: the tail of the guest's console log, as nova's compute host
     * returns it ({@code length} null: all of it).
     */
    public String consoleOutput(RequestContext ctx, String uuid, Integer length) {
        Instance i = servers.get(ctx, uuid);
        requireHost(i);
        Map<String, Object> args = CastArgs.of(ctx, i, Map.of());
        args.put("tail_length", length);
        Object out = HostCalls.call(transport, i, "get_console_output", args);
        return out == null ? "" : (String) out;
    }

    /** createImage: a queued snapshot image in the catalog, filled by the host; returns it. */
    public Image createImage(RequestContext ctx, String uuid, String name, Map<String, String> metadata) {
        Instance i = checked(ctx, uuid, "createImage", false, Set.of(VmStates.ACTIVE, VmStates.STOPPED,
                VmStates.PAUSED, VmStates.SUSPENDED));
        Image image = queueImage(ctx, i, name, "snapshot", metadata);
        transitionOrDropImage(ctx, i, "createImage", TaskStates.IMAGE_SNAPSHOT_PENDING, "snapshot_instance",
                Map.of("image_id", image.id()), image);
        return image;
    }

    /** createBackup: like createImage, then keeps only the newest {@code rotation} backups of the type. */
    public Image createBackup(RequestContext ctx, String uuid, String name, String backupType, int rotation,
            Map<String, String> metadata) {
        Instance i = checked(ctx, uuid, "createBackup", false, Set.of(VmStates.ACTIVE, VmStates.STOPPED,
                VmStates.PAUSED, VmStates.SUSPENDED));
        Map<String, String> props = new LinkedHashMap<>(metadata);
        props.put("backup_type", backupType);
        Image image = queueImage(ctx, i, name, "backup", props);
        transitionOrDropImage(ctx, i, "createBackup", TaskStates.IMAGE_BACKUP, "backup_instance",
                Map.of("image_id", image.id(), "backup_type", backupType, "rotation", rotation), image);
        return image;
    }

    private Image queueImage(RequestContext ctx, Instance i, String name, String imageType,
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
        Image image = new Image(UUID.randomUUID().toString(), name, "queued", minDisk, minRam, 0, props, null, null);
        return images.createSnapshot(ctx, i.projectId(), image);
    }

    private static int parse(String number) {
        try {
            return number == null ? 0 : Integer.parseInt(number);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private void transitionOrDropImage(RequestContext ctx, Instance i, String action, String taskState,
            String method, Map<String, Object> args, Image image) {
        try {
            transition(ctx, i, action, taskState, method, args);
        } catch (RuntimeException e) {
            images.delete(ctx, image.id());
            throw e;
        }
    }

    private void simple(RequestContext ctx, String uuid, String action, Set<String> vmStates, String taskState,
            String method) {
        Instance i = checked(ctx, uuid, action, true, vmStates);
        transition(ctx, i, action, taskState, method, Map.of());
    }

    /** Loads the server and applies nova's check_instance_lock (optional) and check_instance_state. */
    private Instance checked(RequestContext ctx, String uuid, String action, boolean lockMatters,
            Set<String> vmStates) {
        Instance i = servers.get(ctx, uuid);
        if (lockMatters) {
            StateGuard.checkUnlocked(ctx, i);
        }
        StateGuard.check(i, action, vmStates, StateGuard.states((String) null));
        StateGuard.checkLaunched(i, action);
        return i;
    }

    /** nova's check_instance_host: InstanceNotReady, shown as 409. */
    private static void requireHost(Instance i) {
        if (i.host() == null) {
            throw new Conflict("Instance " + i.uuid() + " is not ready");
        }
    }

    /** Sets the task state if the server still has none, records the action, then casts. */
    private void transition(RequestContext ctx, Instance i, String action, String taskState, String method,
            Map<String, Object> args) {
        requireHost(i);
        instances.database().inTransaction(tx -> {
            ExpectedTaskState.update(instances, tx, i, Map.of("task_state", taskState), null, action);
            actions.start(tx, i.uuid(), action, ctx.requestId(), ctx.userId(), ctx.requireProjectId());
            return null;
        });
        cast(ctx, i, method, args);
    }

    private void cast(RequestContext ctx, Instance i, String method, Map<String, Object> extra) {
        transport.cast(ComputeManager.TOPIC, i.host(), method, CastArgs.of(ctx, i, extra));
    }
}
