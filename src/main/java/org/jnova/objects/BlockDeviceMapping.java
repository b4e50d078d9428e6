package org.jnova.objects;

/**
 * How a disk is attached (nova's BlockDeviceMapping): the image-backed root disk every server
 * gets at boot, and volumes attached later. {@code attachmentId} is the volume service's
 * attachment; {@code deviceName} is null while a volume waits for a shelved-offloaded server;
 * {@code snapshotId} names the snapshot a boot volume is made from.
 */
public record BlockDeviceMapping(String uuid, String instanceUuid, String sourceType, String destinationType,
        String imageId, String volumeId, Integer volumeSize, Integer bootIndex, String deviceName,
        boolean deleteOnTermination, String tag, String attachmentId, String snapshotId) {

    /** nova's is_root: the boot disk. */
    public boolean isRoot() {
        return bootIndex != null && bootIndex == 0;
    }

    /** A copy pointing at another volume and attachment (after a swap). */
    public BlockDeviceMapping withVolume(String newVolumeId, String newAttachmentId, Integer newSize) {
        return new BlockDeviceMapping(uuid, instanceUuid, sourceType, destinationType, imageId, newVolumeId, newSize,
                bootIndex, deviceName, deleteOnTermination, tag, newAttachmentId, snapshotId);
    }
}
