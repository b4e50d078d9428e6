package org.jnova.compute.manager;

import static java.util.Objects.requireNonNull;

import org.jnova.compute.ComputeErrors;
import org.jnova.compute.DeviceNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jnova.context.RequestContext;
import org.jnova.compute.rpcapi.ComputeMessage;
import org.jnova.compute.rpcapi.ComputeMessage.AttachVolume;
import org.jnova.compute.rpcapi.ComputeMessage.DetachVolume;
import org.jnova.compute.rpcapi.ComputeMessage.ReserveBlockDeviceName;
import org.jnova.compute.rpcapi.ComputeMessage.ReservedDevice;
import org.jnova.compute.rpcapi.ComputeMessage.SwapVolume;
import org.jnova.compute.rpcapi.ComputeMessage.VolumeSnapshotCreate;
import org.jnova.compute.rpcapi.ComputeMessage.VolumeSnapshotDelete;
import org.jnova.db.ActionStore;
import org.jnova.db.BlockDeviceMappingStore;
import org.jnova.db.InstanceStore;
import org.jnova.db.Transactions;
import org.jnova.objects.BlockDeviceMapping;
import org.jnova.objects.Instance;
import org.jnova.virt.VirtDriver;
import org.jnova.objects.Volume;
import org.jnova.volume.VolumeApi;
import org.jnova.volume.VolumeErrors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The volume work of a compute host, as nova's manager: reserve_block_device_name (a call:
 * the host names the device and writes the mapping), then attach_volume, detach_volume and
 * swap_volume (casts) with their "compute_&lt;method&gt;" events. The driver connects the
 * disk; the volume service follows each step (attaching, in-use, available).
 */
public final class VolumeOperations {
    private static final Logger LOG = LoggerFactory.getLogger(VolumeOperations.class);
    private final String host;
    private final VirtDriver driver;
    private final InstanceStore instances;
    private final ActionStore actions;
    private final BlockDeviceMappingStore bdms;
    private final Transactions mainDb;
    private final VolumeApi volumes;

    public VolumeOperations(String host, VirtDriver driver, InstanceStore instances, ActionStore actions,
            BlockDeviceMappingStore bdms, Transactions mainDb, VolumeApi volumes) {
        this.host = requireNonNull(host, "host is null");
        this.driver = requireNonNull(driver, "driver is null");
        this.instances = requireNonNull(instances, "instances is null");
        this.actions = requireNonNull(actions, "actions is null");
        this.bdms = requireNonNull(bdms, "bdms is null");
        this.mainDb = requireNonNull(mainDb, "mainDb is null");
        this.volumes = requireNonNull(volumes, "volumes is null");
    }

    Object handle(ComputeMessage.Volumes message) {
        String uuid = message.instanceUuid();
        String requestId = message.requestId();
        switch (message) {
            case ReserveBlockDeviceName m -> {
                return reserveDeviceName(uuid, m.volumeId(), m.device(), m.tag(), m.deleteOnTermination());
            }
            case AttachVolume m -> attach(uuid, requestId, m.bdmUuid());
            case DetachVolume m -> detach(uuid, requestId, m.volumeId(), m.attachmentId());
            case SwapVolume m -> swap(uuid, requestId, m.oldVolumeId(), m.newVolumeId(), m.newAttachmentId());
            case VolumeSnapshotCreate m -> onGuest(uuid, "volume_snapshot_create",
                    guest -> driver.volumeSnapshotCreate(guest, m.volumeId(), m.createInfo()));
            case VolumeSnapshotDelete m -> onGuest(uuid, "volume_snapshot_delete",
                    guest -> driver.volumeSnapshotDelete(guest, m.volumeId(), m.snapshotId(), m.deleteInfo()));
        }
        return null;
    }

    /**
     * Names the device and writes the mapping; one at a time on this host, so two attaches
     * never get the same letter.
     */
    private synchronized ReservedDevice reserveDeviceName(String uuid, String volumeId, String device,
            String tag, boolean deleteOnTermination) {
        Instance instance = instances.get(uuid, false).orElseThrow(() -> new ComputeErrors.InstanceNotFound(uuid));
        return mainDb.inTransaction(tx -> {
            List<BlockDeviceMapping> existing = bdms.forInstance(tx, uuid);
            if (existing.stream().anyMatch(b -> volumeId.equals(b.volumeId()))) {
                throw new VolumeErrors.InvalidVolume("volume " + volumeId + " already attached");
            }
            List<String> used = new ArrayList<>();
            existing.stream().map(BlockDeviceMapping::deviceName).filter(d -> d != null).forEach(used::add);
            if (instance.rootDeviceName() != null) {
                used.add(instance.rootDeviceName());
            }
            String name = DeviceNames.next(instance.rootDeviceName(), used, device);
            BlockDeviceMapping bdm = bdms.insertVolume(tx, uuid, volumeId, name, tag, deleteOnTermination, null, null);
            return new ReservedDevice(bdm.uuid(), name);
        });
    }

    /**
     * nova's _prep_block_device during a build: volumes to be made from an image or blank are
     * created (in the server's project) and reserved, then every volume mapping is connected at
     * its device and its volume becomes in-use. A failure fails the build.
     */
    void prepareBlockDevices(Instance instance, String requestId) throws Exception {
        RequestContext ctx = RequestContext.project(instance.userId(), instance.projectId(), List.of("member"), false,
                requestId);
        for (BlockDeviceMapping b : bdms.forInstance(instance.uuid())) {
            if (!"volume".equals(b.destinationType())) {
                continue;
            }
            String volumeId = b.volumeId();
            String attachmentId = b.attachmentId();
            if (volumeId == null) {
                // nova's names; no zone asked for, as with [cinder] cross_az_attach = True
                boolean blank = "blank".equals(b.sourceType());
                int size = b.volumeSize() == null ? 0 : b.volumeSize();
                Volume created = volumes.create(ctx, new org.jnova.volume.VolumeRequest(size,
                        blank ? instance.uuid() + "-blank-vol" : "", "", null, Map.of(), null,
                        blank ? null : b.imageId(), b.snapshotId()));
                volumeId = created.id();
                attachmentId = volumes.attachmentCreate(ctx, volumeId, instance.uuid());
                bdms.setVolume(b.uuid(), volumeId, attachmentId, created.size());
            }
            volumes.attachmentUpdate(ctx, attachmentId, b.deviceName());
            driver.attachVolume(instance, volumeId, b.deviceName());
            volumes.attachmentComplete(ctx, attachmentId);
        }
    }

    private void attach(String uuid, String requestId, String bdmUuid) {
        Optional<Instance> instance = instances.get(uuid, false);
        Optional<BlockDeviceMapping> bdm = bdms.forInstance(uuid).stream().filter(b -> b.uuid().equals(bdmUuid))
                .findFirst();
        if (instance.isEmpty() || bdm.isEmpty()) {
            return;
        }
        String event = "compute_attach_volume";
        RequestContext ctx = RequestContext.admin(requestId);
        actions.eventStart(uuid, requestId, event, host);
        BlockDeviceMapping b = bdm.get();
        try {
            volumes.attachmentUpdate(ctx, b.attachmentId(), b.deviceName());
            driver.attachVolume(instance.get(), b.volumeId(), b.deviceName());
            volumes.attachmentComplete(ctx, b.attachmentId());
            actions.eventFinish(uuid, requestId, event, "Success", null);
        } catch (Exception e) {
            LOG.error("Attaching volume {} to {} failed", b.volumeId(), uuid, e);
            quietly(() -> volumes.attachmentDelete(ctx, b.attachmentId()));
            bdms.destroy(b.uuid());
            fail(uuid, requestId, event, e);
        }
    }

    private void detach(String uuid, String requestId, String volumeId, String attachmentId) {
        Optional<Instance> instance = instances.get(uuid, false);
        if (instance.isEmpty()) {
            return;
        }
        String event = "compute_detach_volume";
        RequestContext ctx = RequestContext.admin(requestId);
        actions.eventStart(uuid, requestId, event, host);
        try {
            BlockDeviceMapping bdm = bdms.byVolumeAndInstance(volumeId, uuid)
                    .orElseThrow(() -> new VolumeErrors.VolumeBdmNotFound(volumeId));
            driver.detachVolume(instance.get(), volumeId);
            String attachment = attachmentId != null ? attachmentId : bdm.attachmentId();
            if (attachment != null) {
                volumes.attachmentDelete(ctx, attachment);
            }
            bdms.destroy(bdm.uuid());
            actions.eventFinish(uuid, requestId, event, "Success", null);
        } catch (Exception e) {
            LOG.error("Detaching volume {} from {} failed", volumeId, uuid, e);
            quietly(() -> volumes.rollDetaching(ctx, volumeId));
            fail(uuid, requestId, event, e);
        }
    }

    private void swap(String uuid, String requestId, String oldVolumeId, String newVolumeId,
            String newAttachmentId) {
        Optional<Instance> instance = instances.get(uuid, false);
        if (instance.isEmpty()) {
            return;
        }
        String event = "compute_swap_volume";
        RequestContext ctx = RequestContext.admin(requestId);
        actions.eventStart(uuid, requestId, event, host);
        try {
            BlockDeviceMapping bdm = bdms.byVolumeAndInstance(oldVolumeId, uuid)
                    .orElseThrow(() -> new VolumeErrors.VolumeBdmNotFound(oldVolumeId));
            Volume target = volumes.get(ctx, newVolumeId);
            volumes.attachmentUpdate(ctx, newAttachmentId, bdm.deviceName());
            driver.swapVolume(instance.get(), oldVolumeId, newVolumeId, bdm.deviceName());
            volumes.attachmentComplete(ctx, newAttachmentId);
            if (bdm.attachmentId() != null) {
                volumes.attachmentDelete(ctx, bdm.attachmentId());
            }
            bdms.setVolume(bdm.uuid(), newVolumeId, newAttachmentId, target.size());
            actions.eventFinish(uuid, requestId, event, "Success", null);
        } catch (Exception e) {
            LOG.error("Swapping volume {} for {} on {} failed", oldVolumeId, newVolumeId, uuid, e);
            quietly(() -> volumes.attachmentDelete(ctx, newAttachmentId));
            quietly(() -> volumes.rollDetaching(ctx, oldVolumeId));
            fail(uuid, requestId, event, e);
        }
    }

    private interface GuestWork {
        void run(Instance guest) throws Exception;
    }

    /**
     * nova's volume_snapshot_create / volume_snapshot_delete: the driver does the work; a
     * server gone meanwhile is only logged, as a driver that cannot do it (nova's expected
     * NotImplementedError).
     */
    private void onGuest(String uuid, String method, GuestWork work) {
        Optional<Instance> instance = instances.get(uuid, false);
        if (instance.isEmpty()) {
            LOG.debug("Instance {} disappeared during {}", uuid, method);
            return;
        }
        try {
            work.run(instance.get());
        } catch (Exception e) {
            LOG.warn("{} of instance {} failed: {}", method, uuid, e.toString());
        }
    }

    /** nova's wrap_instance_fault + wrap_instance_event: a fault and an "Error" event; no task state to clear. */
    private void fail(String uuid, String requestId, String event, Exception error) {
        instances.addFault(uuid, 500, String.valueOf(error.getMessage()), error.toString(), host);
        actions.eventFinish(uuid, requestId, event, "Error", String.valueOf(error));
    }

    private static void quietly(Runnable cleanup) {
        try {
            cleanup.run();
        } catch (RuntimeException e) {
            LOG.warn("Cleaning up after a failed volume operation failed: {}", e.toString());
        }
    }
}
