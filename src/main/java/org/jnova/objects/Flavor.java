package org.jnova.objects;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Map;

/**
 * A flavor (nova's Flavor): {@code id} is the internal row id, {@code flavorId} the public
 * id the API shows. {@code extraSpecs} is a snapshot taken with the flavor.
 */
public record Flavor(int id, String flavorId, String name, int memoryMb, int vcpus, int rootGb, int ephemeralGb,
        int swap, double rxtxFactor, boolean isPublic, boolean disabled, String description,
        Map<String, String> extraSpecs, Instant createdAt, Instant updatedAt) {
    public Flavor {
        requireNonNull(flavorId, "flavorId is null");
        requireNonNull(name, "name is null");
        extraSpecs = Map.copyOf(extraSpecs);
    }

    /** The disk a server of this flavor takes on its node: root, ephemeral and swap (MiB, rounded up to GiB). */
    public int diskGb() {
        return rootGb + ephemeralGb + (swap + 1023) / 1024;
    }

    public Flavor withExtraSpecs(Map<String, String> specs) {
        return new Flavor(id, flavorId, name, memoryMb, vcpus, rootGb, ephemeralGb, swap, rxtxFactor, isPublic,
                disabled, description, specs, createdAt, updatedAt);
    }
}
