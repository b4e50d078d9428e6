package org.jnova.objects;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Map;

/** An image of jnova's built-in catalog (what nova reads from glance). */
public record Image(String id, String name, String status, int minDisk, int minRam, long size,
        Map<String, String> properties, Instant createdAt, Instant updatedAt) {
    public Image {
        requireNonNull(id, "id is null");
        requireNonNull(status, "status is null");
        properties = Map.copyOf(properties);
    }
}
