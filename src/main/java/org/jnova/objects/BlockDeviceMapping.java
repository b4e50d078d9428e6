package org.jnova.objects;

/** How a disk is attached; jnova makes the image-backed root disk of every server. */
public record BlockDeviceMapping(String uuid, String instanceUuid, String sourceType, String destinationType,
        String imageId, String volumeId, Integer volumeSize, Integer bootIndex, String deviceName,
        boolean deleteOnTermination) {
}
