package org.jnova.compute;

import java.util.List;
import java.util.Map;

/**
 * A validated create-server request, as the servers controller hands it over after
 * schema checks. Nullable: keyName, availabilityZone, userData (base64 text), access IPs,
 * configDrive, description, hostname. {@code imageRef} is an image id, or null when booting from
 * a block device. {@code blockDevices} are the requested mappings; {@code legacyBdm} says they
 * came as the old {@code block_device_mapping} (or none), so nova adds the image's own mapping;
 * {@code supportsMultiattach}: the request's microversion is 2.60 or later. The counts are what
 * the caller asked for, of any size (larger than a long: Long.MAX_VALUE); quota and
 * {@code [jnova_api] max_servers_per_request} decide how many are made. {@code schedulerHints}:
 * the request's hints as nova's request spec keeps them, each value a list of strings.
 */
public record ServerCreate(String name, String imageRef, String flavorRef, long minCount, long maxCount,
        String keyName, String availabilityZone, Map<String, String> metadata, String userData, String accessIpV4,
        String accessIpV6, String configDrive, String description, String hostname, List<String> tags,
        List<BlockDeviceRequest> blockDevices, boolean legacyBdm, boolean supportsMultiattach,
        Map<String, List<String>> schedulerHints) {
    public ServerCreate {
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
        schedulerHints = schedulerHints == null ? Map.of()
                : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(schedulerHints));
        tags = tags == null ? List.of() : List.copyOf(tags);
        blockDevices = blockDevices == null ? List.of() : List.copyOf(blockDevices);
    }

    /** A request without scheduler hints. */
    public ServerCreate(String name, String imageRef, String flavorRef, long minCount, long maxCount,
            String keyName, String availabilityZone, Map<String, String> metadata, String userData, String accessIpV4,
            String accessIpV6, String configDrive, String description, String hostname, List<String> tags,
            List<BlockDeviceRequest> blockDevices, boolean legacyBdm, boolean supportsMultiattach) {
        this(name, imageRef, flavorRef, minCount, maxCount, keyName, availabilityZone, metadata, userData, accessIpV4,
                accessIpV6, configDrive, description, hostname, tags, blockDevices, legacyBdm, supportsMultiattach,
                Map.of());
    }

    /** A request without block devices. */
    public ServerCreate(String name, String imageRef, String flavorRef, long minCount, long maxCount, String keyName,
            String availabilityZone, Map<String, String> metadata, String userData, String accessIpV4,
            String accessIpV6, String configDrive, String description, String hostname, List<String> tags) {
        this(name, imageRef, flavorRef, minCount, maxCount, keyName, availabilityZone, metadata, userData, accessIpV4,
                accessIpV6, configDrive, description, hostname, tags, List.of(), true, false);
    }

    /** The simplest request: one server. */
    public static ServerCreate of(String name, String imageRef, String flavorRef) {
        return new ServerCreate(name, imageRef, flavorRef, 1, 1, null, null, Map.of(), null, null, null, null, null,
                null, List.of());
    }

    public ServerCreate withCounts(long min, long max) {
        return new ServerCreate(name, imageRef, flavorRef, min, max, keyName, availabilityZone, metadata, userData,
                accessIpV4, accessIpV6, configDrive, description, hostname, tags, blockDevices, legacyBdm,
                supportsMultiattach, schedulerHints);
    }

    public ServerCreate withKeyName(String key) {
        return new ServerCreate(name, imageRef, flavorRef, minCount, maxCount, key, availabilityZone, metadata,
                userData, accessIpV4, accessIpV6, configDrive, description, hostname, tags, blockDevices, legacyBdm,
                supportsMultiattach, schedulerHints);
    }

    public ServerCreate withAvailabilityZone(String zone) {
        return new ServerCreate(name, imageRef, flavorRef, minCount, maxCount, keyName, zone, metadata, userData,
                accessIpV4, accessIpV6, configDrive, description, hostname, tags, blockDevices, legacyBdm,
                supportsMultiattach, schedulerHints);
    }

    public ServerCreate withMetadata(Map<String, String> items) {
        return new ServerCreate(name, imageRef, flavorRef, minCount, maxCount, keyName, availabilityZone, items,
                userData, accessIpV4, accessIpV6, configDrive, description, hostname, tags, blockDevices, legacyBdm,
                supportsMultiattach, schedulerHints);
    }
}
