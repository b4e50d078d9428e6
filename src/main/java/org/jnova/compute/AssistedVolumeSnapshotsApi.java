package org.jnova.compute;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import org.jnova.compute.rpcapi.ComputeMessage.VolumeSnapshotCreate;
import org.jnova.compute.rpcapi.ComputeMessage.VolumeSnapshotDelete;
import org.jnova.compute.rpcapi.ComputeRpcApi;
import org.jnova.context.RequestContext;
import org.jnova.db.BlockDeviceMappingStore;
import org.jnova.db.InstanceStore;
import org.jnova.exception.Invalid;
import org.jnova.objects.BlockDeviceMapping;
import org.jnova.objects.Instance;
import org.jnova.objects.VmStates;
import org.jnova.volume.VolumeErrors;

/**
 * nova's volume_snapshot_create / volume_snapshot_delete, which the volume service calls when
 * the hypervisor must snapshot an attached volume: the volume's one mapping names the server,
 * which needs a host and no task in progress; then a cast to that host. The refusals are
 * nova's exception texts, which this API answers with 400.
 */
public final class AssistedVolumeSnapshotsApi {
    private final BlockDeviceMappingStore bdms;
    private final InstanceStore instances;
    private final ComputeRpcApi computeRpc;

    public AssistedVolumeSnapshotsApi(BlockDeviceMappingStore bdms, InstanceStore instances,
            ComputeRpcApi computeRpc) {
        this.bdms = requireNonNull(bdms, "bdms is null");
        this.instances = requireNonNull(instances, "instances is null");
        this.computeRpc = requireNonNull(computeRpc, "computeRpc is null");
    }

    /** Casts the snapshot to the server's host; returns create_info's id (may be null). */
    public String create(RequestContext ctx, String volumeId, Map<String, Object> createInfo) {
        Instance server = serverReady(volumeId, "volume_snapshot_create");
        computeRpc.cast(server.host(), new VolumeSnapshotCreate(server.uuid(), ctx.requestId(), volumeId,
                createInfo));
        Object id = createInfo.get("id");
        return id == null ? null : id.toString();
    }

    public void delete(RequestContext ctx, String volumeId, String snapshotId, Map<String, Object> deleteInfo) {
        Instance server = serverReady(volumeId, "volume_snapshot_delete");
        // an intermediary snapshot cannot be merged offline (nova refuses it before the cast)
        if (deleteInfo.get("merge_target_file") != null && !VmStates.ACTIVE.equals(server.vmState())) {
            throw invalidState(server, "vm_state", server.vmState(), "volume_snapshot_delete");
        }
        computeRpc.cast(server.host(), new VolumeSnapshotDelete(server.uuid(), ctx.requestId(), volumeId,
                snapshotId, deleteInfo));
    }

    /** nova's get_by_volume, check_instance_host and check_instance_state(vm_state=None). */
    private Instance serverReady(String volumeId, String method) {
        List<BlockDeviceMapping> mappings = bdms.byVolume(volumeId);
        if (mappings.isEmpty()) {
            throw new VolumeErrors.VolumeBdmNotFound(volumeId);
        }
        if (mappings.size() > 1) {
            throw new Invalid("Block Device Mapping " + volumeId + " is a multi-attach volume and is not valid "
                    + "for this operation.");
        }
        String uuid = mappings.get(0).instanceUuid();
        Instance server = instances.get(uuid, false).orElseThrow(() -> new ComputeErrors.InstanceNotFound(uuid));
        if (server.host() == null || server.host().isEmpty()) {
            throw new Invalid("Instance " + uuid + " is not ready");
        }
        if (server.taskState() != null) {
            throw invalidState(server, "task_state", server.taskState(), method);
        }
        return server;
    }

    private static Invalid invalidState(Instance server, String attr, String state, String method) {
        return new Invalid("Instance " + server.uuid() + " in " + attr + " " + state + ". Cannot " + method
                + " while the instance is in this state.");
    }
}
