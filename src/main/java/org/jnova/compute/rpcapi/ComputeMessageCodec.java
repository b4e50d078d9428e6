package org.jnova.compute.rpcapi;

import java.util.HashMap;
import java.util.Map;
import org.jnova.compute.rpcapi.ComputeMessage.AllowShare;
import org.jnova.compute.rpcapi.ComputeMessage.AttachVolume;
import org.jnova.compute.rpcapi.ComputeMessage.BackupInstance;
import org.jnova.compute.rpcapi.ComputeMessage.BuildAndRunInstance;
import org.jnova.compute.rpcapi.ComputeMessage.ConfirmResize;
import org.jnova.compute.rpcapi.ComputeMessage.DenyShare;
import org.jnova.compute.rpcapi.ComputeMessage.DetachVolume;
import org.jnova.compute.rpcapi.ComputeMessage.GetConsoleOutput;
import org.jnova.compute.rpcapi.ComputeMessage.GetHostUptime;
import org.jnova.compute.rpcapi.ComputeMessage.InjectNetworkInfo;
import org.jnova.compute.rpcapi.ComputeMessage.LiveMigration;
import org.jnova.compute.rpcapi.ComputeMessage.LiveMigrationAbort;
import org.jnova.compute.rpcapi.ComputeMessage.LiveMigrationForceComplete;
import org.jnova.compute.rpcapi.ComputeMessage.PauseInstance;
import org.jnova.compute.rpcapi.ComputeMessage.PostLiveMigrationAtDestination;
import org.jnova.compute.rpcapi.ComputeMessage.PreLiveMigration;
import org.jnova.compute.rpcapi.ComputeMessage.RebootInstance;
import org.jnova.compute.rpcapi.ComputeMessage.RebuildEvacuatedInstance;
import org.jnova.compute.rpcapi.ComputeMessage.RebuildInstance;
import org.jnova.compute.rpcapi.ComputeMessage.RescueInstance;
import org.jnova.compute.rpcapi.ComputeMessage.ReserveBlockDeviceName;
import org.jnova.compute.rpcapi.ComputeMessage.ReservedDevice;
import org.jnova.compute.rpcapi.ComputeMessage.ResizeInstance;
import org.jnova.compute.rpcapi.ComputeMessage.RestoreInstance;
import org.jnova.compute.rpcapi.ComputeMessage.ResumeInstance;
import org.jnova.compute.rpcapi.ComputeMessage.RevertResize;
import org.jnova.compute.rpcapi.ComputeMessage.RollbackLiveMigrationAtDestination;
import org.jnova.compute.rpcapi.ComputeMessage.SetAdminPassword;
import org.jnova.compute.rpcapi.ComputeMessage.ShelveInstance;
import org.jnova.compute.rpcapi.ComputeMessage.ShelveOffloadInstance;
import org.jnova.compute.rpcapi.ComputeMessage.SnapshotInstance;
import org.jnova.compute.rpcapi.ComputeMessage.SoftDeleteInstance;
import org.jnova.compute.rpcapi.ComputeMessage.StartInstance;
import org.jnova.compute.rpcapi.ComputeMessage.StopInstance;
import org.jnova.compute.rpcapi.ComputeMessage.SuspendInstance;
import org.jnova.compute.rpcapi.ComputeMessage.SwapVolume;
import org.jnova.compute.rpcapi.ComputeMessage.VolumeSnapshotCreate;
import org.jnova.compute.rpcapi.ComputeMessage.VolumeSnapshotDelete;
import org.jnova.compute.rpcapi.ComputeMessage.TerminateInstance;
import org.jnova.compute.rpcapi.ComputeMessage.TriggerCrashDump;
import org.jnova.compute.rpcapi.ComputeMessage.UnpauseInstance;
import org.jnova.compute.rpcapi.ComputeMessage.UnrescueInstance;
import org.jnova.compute.rpcapi.ComputeMessage.UnshelveInstance;
import org.jnova.db.InstanceStore;
import org.jnova.rpc.MalformedMessage;
import org.jnova.rpc.MessageCodec;
import org.jnova.rpc.MessageVersion;
import org.jnova.rpc.WireArgs;
import org.jnova.rpc.WireContext;
import org.jnova.rpc.WireMessage;

/**
 * The one place compute messages meet the wire: each record to nova's method name and argument
 * map, and back with every argument read as the type it must have. Every message carries
 * {@code instance_uuid} and {@code request_id}.
 */
public final class ComputeMessageCodec implements MessageCodec<ComputeMessage> {
    /** The version of the compute interface this side sends and receives. */
    public static final MessageVersion VERSION = new MessageVersion(6, 0);

    @Override
    public MessageVersion version() {
        return VERSION;
    }

    @Override
    public WireMessage encode(ComputeMessage message) {
        Map<String, Object> args = new HashMap<>();
        args.put("instance_uuid", message.instanceUuid());
        args.put("request_id", message.requestId());
        String method = switch (message) {
            case BuildAndRunInstance m -> "build_and_run_instance";
            case TerminateInstance m -> "terminate_instance";
            case SoftDeleteInstance m -> "soft_delete_instance";
            case RestoreInstance m -> "restore_instance";
            case StopInstance m -> "stop_instance";
            case StartInstance m -> "start_instance";
            case RebootInstance m -> {
                args.put("reboot_type", m.hard() ? "HARD" : "SOFT");
                yield "reboot_instance";
            }
            case PauseInstance m -> "pause_instance";
            case UnpauseInstance m -> "unpause_instance";
            case SuspendInstance m -> "suspend_instance";
            case ResumeInstance m -> "resume_instance";
            case RescueInstance m -> {
                args.put("rescue_image_ref", m.rescueImageRef());
                args.put("rescue_password", m.rescuePassword());
                yield "rescue_instance";
            }
            case UnrescueInstance m -> "unrescue_instance";
            case SetAdminPassword m -> {
                args.put("new_pass", m.newPassword());
                yield "set_admin_password";
            }
            case TriggerCrashDump m -> "trigger_crash_dump";
            case SnapshotInstance m -> {
                args.put("image_id", m.imageId());
                yield "snapshot_instance";
            }
            case BackupInstance m -> {
                args.put("image_id", m.imageId());
                args.put("backup_type", m.backupType());
                args.put("rotation", m.rotation());
                args.put(WireContext.KEY, WireContext.encode(m.context()));
                yield "backup_instance";
            }
            case RebuildInstance m -> {
                args.put("preserve_ephemeral", m.preserveEphemeral());
                args.put("new_pass", m.newPass());
                yield "rebuild_instance";
            }
            case GetConsoleOutput m -> {
                args.put("tail_length", m.tailLength());
                yield "get_console_output";
            }
            case GetHostUptime m -> "get_host_uptime";
            case InjectNetworkInfo m -> "inject_network_info";
            case ShelveInstance m -> {
                args.put("image_id", m.imageId());
                args.put("offload", m.offload());
                yield "shelve_instance";
            }
            case ShelveOffloadInstance m -> "shelve_offload_instance";
            case UnshelveInstance m -> {
                args.put(WireContext.KEY, WireContext.encode(m.context()));
                yield "unshelve_instance";
            }
            case ResizeInstance m -> {
                args.put("flavor", InstanceStore.flavorJson(m.flavor()));
                yield "resize_instance";
            }
            case ConfirmResize m -> "confirm_resize";
            case RevertResize m -> "revert_resize";
            case ReserveBlockDeviceName m -> {
                args.put("volume_id", m.volumeId());
                args.put("device", m.device());
                args.put("tag", m.tag());
                args.put("delete_on_termination", m.deleteOnTermination());
                yield "reserve_block_device_name";
            }
            case AttachVolume m -> {
                args.put("bdm_uuid", m.bdmUuid());
                yield "attach_volume";
            }
            case DetachVolume m -> {
                args.put("volume_id", m.volumeId());
                args.put("attachment_id", m.attachmentId());
                yield "detach_volume";
            }
            case SwapVolume m -> {
                args.put("old_volume_id", m.oldVolumeId());
                args.put("new_volume_id", m.newVolumeId());
                args.put("new_attachment_id", m.newAttachmentId());
                yield "swap_volume";
            }
            case AllowShare m -> {
                args.put("share_mapping_uuid", m.shareMappingUuid());
                yield "allow_share";
            }
            case DenyShare m -> {
                args.put("share_mapping_uuid", m.shareMappingUuid());
                yield "deny_share";
            }
            case VolumeSnapshotCreate m -> {
                args.put("volume_id", m.volumeId());
                args.put("create_info", m.createInfo());
                yield "volume_snapshot_create";
            }
            case VolumeSnapshotDelete m -> {
                args.put("volume_id", m.volumeId());
                args.put("snapshot_id", m.snapshotId());
                args.put("delete_info", m.deleteInfo());
                yield "volume_snapshot_delete";
            }
            case LiveMigration m -> {
                args.put("dest", m.dest());
                args.put("dest_node", m.destNode());
                args.put("migration_uuid", m.migrationUuid());
                yield "live_migration";
            }
            case LiveMigrationForceComplete m -> "live_migration_force_complete";
            case LiveMigrationAbort m -> {
                args.put("migration_id", m.migrationId());
                yield "live_migration_abort";
            }
            case PreLiveMigration m -> "pre_live_migration";
            case PostLiveMigrationAtDestination m -> {
                args.put("dest_node", m.destNode());
                args.put("power_state", m.powerState());
                yield "post_live_migration_at_destination";
            }
            case RollbackLiveMigrationAtDestination m -> {
                args.put("dest_node", m.destNode());
                yield "rollback_live_migration_at_destination";
            }
            case RebuildEvacuatedInstance m -> {
                args.put("recreate", true);
                args.put("dest_node", m.destNode());
                args.put("migration_uuid", m.migrationUuid());
                args.put("target_state", m.targetState());
                args.put("new_pass", m.newPass());
                yield "rebuild_instance";
            }
        };
        return new WireMessage(method, args);
    }

    /** The message {@code method} with {@code args} names; arguments this side does not know are ignored. */
    @Override
    public ComputeMessage decode(String method, Map<String, Object> args) {
        WireArgs a = new WireArgs(method, args);
        if (method.equals("get_host_uptime")) {
            return new GetHostUptime(a.string("request_id"));
        }
        String uuid = a.string("instance_uuid");
        String req = a.string("request_id");
        return switch (method) {
            case "build_and_run_instance" -> new BuildAndRunInstance(uuid, req);
            case "terminate_instance" -> new TerminateInstance(uuid, req);
            case "soft_delete_instance" -> new SoftDeleteInstance(uuid, req);
            case "restore_instance" -> new RestoreInstance(uuid, req);
            case "stop_instance" -> new StopInstance(uuid, req);
            case "start_instance" -> new StartInstance(uuid, req);
            case "reboot_instance" -> new RebootInstance(uuid, req, "HARD".equals(a.string("reboot_type")));
            case "pause_instance" -> new PauseInstance(uuid, req);
            case "unpause_instance" -> new UnpauseInstance(uuid, req);
            case "suspend_instance" -> new SuspendInstance(uuid, req);
            case "resume_instance" -> new ResumeInstance(uuid, req);
            case "rescue_instance" -> new RescueInstance(uuid, req, a.optionalString("rescue_image_ref"),
                    a.optionalString("rescue_password"));
            case "unrescue_instance" -> new UnrescueInstance(uuid, req);
            case "set_admin_password" -> new SetAdminPassword(uuid, req, a.string("new_pass"));
            case "trigger_crash_dump" -> new TriggerCrashDump(uuid, req);
            case "snapshot_instance" -> new SnapshotInstance(uuid, req, a.string("image_id"));
            case "backup_instance" -> new BackupInstance(uuid, req, a.string("image_id"), a.string("backup_type"),
                    a.integer("rotation"), WireContext.decode(a, req));
            case "rebuild_instance" -> a.flag("recreate")
                    ? new RebuildEvacuatedInstance(uuid, req, a.string("dest_node"), a.string("migration_uuid"),
                            a.string("target_state"), a.optionalString("new_pass"))
                    : new RebuildInstance(uuid, req, a.flag("preserve_ephemeral"), a.optionalString("new_pass"));
            case "get_console_output" -> new GetConsoleOutput(uuid, req, a.optionalInteger("tail_length"));
            case "inject_network_info" -> new InjectNetworkInfo(uuid, req);
            case "shelve_instance" -> new ShelveInstance(uuid, req, a.string("image_id"), a.flag("offload"));
            case "shelve_offload_instance" -> new ShelveOffloadInstance(uuid, req);
            case "unshelve_instance" -> new UnshelveInstance(uuid, req, WireContext.decode(a, req));
            case "resize_instance" -> new ResizeInstance(uuid, req, InstanceStore.parseFlavor(a.string("flavor")));
            case "confirm_resize" -> new ConfirmResize(uuid, req);
            case "revert_resize" -> new RevertResize(uuid, req);
            case "reserve_block_device_name" -> new ReserveBlockDeviceName(uuid, req, a.string("volume_id"),
                    a.optionalString("device"), a.optionalString("tag"), a.flag("delete_on_termination"));
            case "attach_volume" -> new AttachVolume(uuid, req, a.string("bdm_uuid"));
            case "detach_volume" -> new DetachVolume(uuid, req, a.string("volume_id"),
                    a.optionalString("attachment_id"));
            case "swap_volume" -> new SwapVolume(uuid, req, a.string("old_volume_id"), a.string("new_volume_id"),
                    a.string("new_attachment_id"));
            case "allow_share" -> new AllowShare(uuid, req, a.string("share_mapping_uuid"));
            case "deny_share" -> new DenyShare(uuid, req, a.string("share_mapping_uuid"));
            case "volume_snapshot_create" -> new VolumeSnapshotCreate(uuid, req, a.string("volume_id"),
                    a.map("create_info"));
            case "volume_snapshot_delete" -> new VolumeSnapshotDelete(uuid, req, a.string("volume_id"),
                    a.string("snapshot_id"), a.map("delete_info"));
            case "live_migration" -> new LiveMigration(uuid, req, a.string("dest"), a.string("dest_node"),
                    a.string("migration_uuid"));
            case "live_migration_force_complete" -> new LiveMigrationForceComplete(uuid, req);
            case "live_migration_abort" -> new LiveMigrationAbort(uuid, req, a.integer("migration_id"));
            case "pre_live_migration" -> new PreLiveMigration(uuid, req);
            case "post_live_migration_at_destination" -> new PostLiveMigrationAtDestination(uuid, req,
                    a.string("dest_node"), a.integer("power_state"));
            case "rollback_live_migration_at_destination" -> new RollbackLiveMigrationAtDestination(uuid, req,
                    a.string("dest_node"));
            default -> throw new MalformedMessage("Unknown compute method " + method);
        };
    }

    /** A call's answer as the wire carries it. */
    @Override
    public Object encodeReply(Object reply) {
        if (reply instanceof ReservedDevice r) {
            Map<String, Object> out = new HashMap<>();
            out.put("bdm_uuid", r.bdmUuid());
            out.put("device_name", r.deviceName());
            return out;
        }
        return reply;
    }

    /** The answer to {@code call} read from the wire as its type. */
    @SuppressWarnings("unchecked")
    public <R> R decodeReply(ComputeMessage.Call<R> call, Object reply) {
        Object typed = switch (call) {
            case GetConsoleOutput m -> reply == null ? "" : stringReply(m, reply);
            case GetHostUptime m -> stringReply(m, reply);
            case ReserveBlockDeviceName m -> {
                if (!(reply instanceof Map<?, ?> map)) {
                    throw new MalformedMessage("The answer to reserve_block_device_name is not a map");
                }
                WireArgs a = new WireArgs("reserve_block_device_name", (Map<String, Object>) map);
                yield new ReservedDevice(a.string("bdm_uuid"), a.optionalString("device_name"));
            }
            case PreLiveMigration m -> null;
            case PostLiveMigrationAtDestination m -> null;
        };
        return (R) typed;
    }

    private static String stringReply(ComputeMessage m, Object reply) {
        if (!(reply instanceof String s)) {
            throw new MalformedMessage("The answer to " + m.getClass().getSimpleName() + " is not a string");
        }
        return s;
    }
}
