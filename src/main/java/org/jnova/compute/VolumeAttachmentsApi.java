package org.jnova.compute;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jnova.compute.rpcapi.ComputeMessage.AttachVolume;
import org.jnova.compute.rpcapi.ComputeMessage.DetachVolume;
import org.jnova.compute.rpcapi.ComputeMessage.ReserveBlockDeviceName;
import org.jnova.compute.rpcapi.ComputeMessage.ReservedDevice;
import org.jnova.compute.rpcapi.ComputeMessage.SwapVolume;
import org.jnova.compute.rpcapi.ComputeRpcApi;
import org.jnova.context.RequestContext;
import org.jnova.db.ActionStore;
import org.jnova.db.BlockDeviceMappingStore;
import org.jnova.db.Transactions;
import org.jnova.objects.BlockDeviceMapping;
import org.jnova.objects.Instance;
import org.jnova.objects.VmStates;
import org.jnova.objects.Volume;
import org.jnova.volume.VolumeApi;
import org.jnova.volume.VolumeErrors;

/**
 * The volume part of nova's compute API: attach (the host names the device in a call, the
 * attach itself is cast), detach, swap, and the block device mappings the API shows. State
 * rules, error texts and instance actions ("attach_volume", "detach_volume", "swap_volume")
 * as nova's. A shelved-offloaded server has no host: its volumes are reserved and released
 * here, with "api_attach_volume" / "api_detach_volume" events.
 */
public final class VolumeAttachmentsApi {
    private static final Set<String> ATTACH_STATES = Set.of(VmStates.ACTIVE, VmStates.PAUSED, VmStates.STOPPED,
            VmStates.RESIZED, VmStates.SOFT_DELETED, VmStates.SHELVED, VmStates.SHELVED_OFFLOADED);
    private static final Set<String> SWAP_STATES = Set.of(VmStates.ACTIVE, VmStates.PAUSED, VmStates.RESIZED);

    private final BlockDeviceMappingStore bdms;
    private final ActionStore actions;
    private final VolumeApi volumes;
    private final ComputeRpcApi computeRpc;
    private final VolumeCleanup cleanup;
    private final Transactions mainDb;

    public VolumeAttachmentsApi(BlockDeviceMappingStore bdms, ActionStore actions, VolumeApi volumes,
            VolumeCleanup cleanup, ComputeRpcApi computeRpc, Transactions mainDb) {
        this.bdms = requireNonNull(bdms, "bdms is null");
        this.actions = requireNonNull(actions, "actions is null");
        this.volumes = requireNonNull(volumes, "volumes is null");
        this.computeRpc = requireNonNull(computeRpc, "computeRpc is null");
        this.cleanup = requireNonNull(cleanup, "cleanup is null");
        this.mainDb = requireNonNull(mainDb, "mainDb is null");
    }

    /** Every mapping of the server, root disk included (nova pages over all of them). */
    public List<BlockDeviceMapping> mappings(Instance server) {
        return bdms.forInstance(server.uuid());
    }

    /** The volume mappings of many servers with one query (server lists). */
    public Map<String, List<BlockDeviceMapping>> volumeMappings(java.util.Collection<String> serverUuids) {
        return bdms.volumesOf(serverUuids);
    }

    /** The mapping of a volume on the server; VolumeBDMNotFound when there is none. */
    public BlockDeviceMapping mapping(Instance server, String volumeId) {
        return bdms.byVolumeAndInstance(volumeId, server.uuid())
                .orElseThrow(() -> new VolumeErrors.VolumeBdmNotFound(volumeId));
    }

    /** A volume the caller may see (VolumeNotFound otherwise). */
    public Volume volume(RequestContext ctx, String volumeId) {
        return volumes.get(ctx, volumeId);
    }

    public void setDeleteOnTermination(BlockDeviceMapping bdm, boolean deleteOnTermination) {
        bdms.setDeleteOnTermination(bdm.uuid(), deleteOnTermination);
    }

    /**
     * nova's attach_volume; returns the device name (null for a shelved-offloaded server,
     * which gets one when unshelved).
     */
    public String attach(RequestContext ctx, Instance server, String volumeId, String device, String tag,
            boolean deleteOnTermination, boolean supportsMultiattach) {
        StateGuard.checkUnlocked(ctx, server);
        StateGuard.check(server, "attach_volume", ATTACH_STATES, StateGuard.states((String) null));
        if (device != null && !DeviceNames.valid(device)) {
            throw new VolumeErrors.InvalidDevicePath(device);
        }
        Volume volume = volumes.get(ctx, volumeId);
        checkNotAttached(server, volume);
        if (VmStates.SHELVED_OFFLOADED.equals(server.vmState())) {
            if (tag != null) {
                throw new VolumeErrors.TaggedAttachToShelved();
            }
            if (volume.multiattach()) {
                throw new VolumeErrors.MultiattachToShelved();
            }
            attachShelvedOffloaded(ctx, server, volume, deleteOnTermination);
            return null;
        }
        ReservedDevice reserved = HostCalls.await(computeRpc.call(server.host(), new ReserveBlockDeviceName(
                server.uuid(), ctx.requestId(), volumeId, device, tag, deleteOnTermination)),
                "reserve_block_device_name");
        String bdmUuid = reserved.bdmUuid();
        try {
            if (volume.multiattach() && !supportsMultiattach) {
                throw new VolumeErrors.MultiattachNeedsNewerMicroversion();
            }
            String attachmentId = volumes.attachmentCreate(ctx, volumeId, server.uuid());
            bdms.setAttachment(bdmUuid, attachmentId);
            recordAction(ctx, server, "attach_volume",
                    tx -> computeRpc.cast(tx, server.host(), new AttachVolume(server.uuid(), ctx.requestId(), bdmUuid)));
        } catch (RuntimeException e) {
            bdms.destroy(bdmUuid);
            throw e;
        }
        return reserved.deviceName();
    }

    /** nova's detach_volume (the caller found the volume and checked it is attached and not the root). */
    public void detach(RequestContext ctx, Instance server, Volume volume) {
        StateGuard.checkUnlocked(ctx, server);
        StateGuard.check(server, "detach_volume", ATTACH_STATES, StateGuard.states((String) null));
        if (VmStates.SHELVED_OFFLOADED.equals(server.vmState())) {
            detachShelvedOffloaded(ctx, server, volume);
            return;
        }
        beginDetaching(ctx, volume.id());
        recordAction(ctx, server, "detach_volume", tx -> computeRpc.cast(tx, server.host(), new DetachVolume(
                server.uuid(), ctx.requestId(), volume.id(),
                volume.attachmentOf(server.uuid()).map(Volume.Attachment::id).orElse(null))));
    }

    /** nova's swap_volume: the server's disk moves from {@code oldVolume} to {@code newVolume}. */
    public void swap(RequestContext ctx, Instance server, Volume oldVolume, Volume newVolume) {
        StateGuard.checkUnlocked(ctx, server);
        StateGuard.check(server, "swap_volume", SWAP_STATES, StateGuard.states((String) null));
        if (oldVolume.attachmentOf(server.uuid()).isEmpty()) {
            throw new VolumeErrors.InvalidVolume("Old volume is attached to a different instance.");
        }
        if ("attached".equals(newVolume.attachStatus())) {
            throw new VolumeErrors.InvalidVolume("New volume must be detached in order to swap.");
        }
        if (newVolume.size() < oldVolume.size()) {
            throw new VolumeErrors.InvalidVolume("New volume must be the same size or larger.");
        }
        beginDetaching(ctx, oldVolume.id());
        String newAttachment;
        try {
            if (oldVolume.attachments().size() > 1) {
                throw new VolumeErrors.MultiattachSwap();
            }
            mapping(server, oldVolume.id());
            checkNotAttached(server, newVolume);
            newAttachment = volumes.attachmentCreate(ctx, newVolume.id(), server.uuid());
        } catch (RuntimeException e) {
            volumes.rollDetaching(ctx, oldVolume.id());
            throw e;
        }
        recordAction(ctx, server, "swap_volume", tx -> computeRpc.cast(tx, server.host(), new SwapVolume(
                server.uuid(), ctx.requestId(), oldVolume.id(), newVolume.id(), newAttachment)));
    }

    private void attachShelvedOffloaded(RequestContext ctx, Instance server, Volume volume,
            boolean deleteOnTermination) {
        BlockDeviceMapping bdm = bdms.insertVolume(server.uuid(), volume.id(), null, null,
                deleteOnTermination, null, volume.size());
        try {
            String attachmentId = volumes.attachmentCreate(ctx, volume.id(), server.uuid());
            bdms.setAttachment(bdm.uuid(), attachmentId);
            recordAction(ctx, server, "attach_volume");
            actions.eventStart(server.uuid(), ctx.requestId(), "api_attach_volume", null);
            volumes.attachmentComplete(ctx, attachmentId);
            actions.eventFinish(server.uuid(), ctx.requestId(), "api_attach_volume", "Success", null);
        } catch (RuntimeException e) {
            bdms.destroy(bdm.uuid());
            throw e;
        }
    }

    private void detachShelvedOffloaded(RequestContext ctx, Instance server, Volume volume) {
        BlockDeviceMapping bdm = mapping(server, volume.id());
        if (bdm.attachmentId() == null) {
            beginDetaching(ctx, volume.id());
        }
        recordAction(ctx, server, "detach_volume");
        actions.eventStart(server.uuid(), ctx.requestId(), "api_detach_volume", null);
        cleanup.release(bdm, ctx.requestId());
        bdms.destroy(bdm.uuid());
        actions.eventFinish(server.uuid(), ctx.requestId(), "api_detach_volume", "Success", null);
    }

    /** nova's _check_volume_already_attached, over the mappings of every server. */
    private void checkNotAttached(Instance server, Volume volume) {
        List<BlockDeviceMapping> existing = bdms.byVolume(volume.id());
        if (existing.isEmpty()) {
            return;
        }
        if (!volume.multiattach()) {
            throw new VolumeErrors.InvalidVolume("volume " + volume.id() + " is already attached to instances: "
                    + String.join(" ", existing.stream().map(BlockDeviceMapping::instanceUuid).toList()));
        }
        if (existing.stream().anyMatch(b -> b.instanceUuid().equals(server.uuid()))) {
            throw new VolumeErrors.InvalidVolume("volume " + volume.id() + " already attached");
        }
    }

    private void beginDetaching(RequestContext ctx, String volumeId) {
        try {
            volumes.beginDetaching(ctx, volumeId);
        } catch (VolumeErrors.InvalidInput e) {
            throw new VolumeErrors.InvalidVolume(e.getMessage());
        }
    }

    private void recordAction(RequestContext ctx, Instance server, String action) {
        actions.start(server.uuid(), action, ctx.requestId(), ctx.userId(), ctx.requireProjectId());
    }

    /** Records the action and, in the same transaction, the cast {@code send} makes. */
    private void recordAction(RequestContext ctx, Instance server, String action, TransactionalCast send) {
        mainDb.inTransaction(tx -> {
            actions.start(tx, server.uuid(), action, ctx.requestId(), ctx.userId(), ctx.requireProjectId());
            send.record(tx);
            return null;
        });
    }
}
