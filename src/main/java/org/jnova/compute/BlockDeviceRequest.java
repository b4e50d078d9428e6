package org.jnova.compute;

/**
 * One requested block device of a server create, in nova's v2 form (a legacy
 * {@code block_device_mapping} entry is converted to it). Nullable: imageId, volumeId,
 * snapshotId, volumeSize, bootIndex (null: not bootable, as a negative index), deviceName, tag.
 */
public record BlockDeviceRequest(String sourceType, String destinationType, String imageId, String volumeId,
        String snapshotId, Integer volumeSize, Integer bootIndex, String deviceName, boolean deleteOnTermination,
        String tag) {

    /** nova's image bdm made for an imageRef boot: image to local disk, boot index 0. */
    public static BlockDeviceRequest image(String imageId) {
        return new BlockDeviceRequest("image", "local", imageId, null, null, null, 0, null, true, null);
    }

    public boolean isRoot() {
        return bootIndex != null && bootIndex == 0;
    }

    public boolean isVolume() {
        return "volume".equals(destinationType);
    }

    public BlockDeviceRequest withBootIndex(Integer index) {
        return new BlockDeviceRequest(sourceType, destinationType, imageId, volumeId, snapshotId, volumeSize, index,
                deviceName, deleteOnTermination, tag);
    }
}
