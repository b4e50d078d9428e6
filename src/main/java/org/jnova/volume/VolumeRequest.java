package org.jnova.volume;

import java.util.Map;

/** What a new volume should be. Nullable: name, description, volumeType, availabilityZone, imageId, snapshotId. */
public record VolumeRequest(int size, String name, String description, String volumeType, Map<String, String> metadata,
        String availabilityZone, String imageId, String snapshotId) {
    public VolumeRequest {
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }

    /** A blank volume of {@code size} GiB. */
    public static VolumeRequest ofSize(int size) {
        return new VolumeRequest(size, null, null, null, Map.of(), null, null, null);
    }
}
