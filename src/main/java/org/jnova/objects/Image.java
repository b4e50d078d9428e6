package org.jnova.objects;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * An image of jnova's built-in catalog (what nova reads from glance). {@code owner} is the
 * project that owns it (null: nobody, visible to all as in glance); {@code visibility} is
 * glance's: public, private, shared (also seen by member projects) or community.
 */
public record Image(String id, String name, String status, int minDisk, int minRam, long size,
        Map<String, String> properties, Instant createdAt, Instant updatedAt, String owner, String visibility) {
    public static final String PUBLIC = "public";
    public static final String PRIVATE = "private";
    public static final String SHARED = "shared";
    public static final String COMMUNITY = "community";
    public static final Set<String> VISIBILITIES = Set.of(PUBLIC, PRIVATE, SHARED, COMMUNITY);

    public Image {
        requireNonNull(id, "id is null");
        requireNonNull(status, "status is null");
        requireNonNull(visibility, "visibility is null");
        if (!VISIBILITIES.contains(visibility)) {
            throw new IllegalArgumentException("unknown visibility " + visibility);
        }
        properties = Map.copyOf(properties);
    }

    /** A public image with no owner (seed data). */
    public Image(String id, String name, String status, int minDisk, int minRam, long size,
            Map<String, String> properties, Instant createdAt, Instant updatedAt) {
        this(id, name, status, minDisk, minRam, size, properties, createdAt, updatedAt, null, PUBLIC);
    }

    /** This image with another owner and visibility. */
    public Image owned(String newOwner, String newVisibility) {
        return new Image(id, name, status, minDisk, minRam, size, properties, createdAt, updatedAt, newOwner,
                newVisibility);
    }
}
