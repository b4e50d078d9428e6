package org.jnova.objects;

import java.time.Instant;
import java.util.Map;

/**
 * A volume snapshot as the volume service describes it to nova. {@code volumeSize} is the
 * size of the volume when it was taken; name and description may be null.
 */
public record VolumeSnapshot(String id, String projectId, String volumeId, int volumeSize, String status,
        String name, String description, Instant createdAt, Map<String, String> metadata) {
    public VolumeSnapshot {
        metadata = Map.copyOf(metadata);
    }
}
