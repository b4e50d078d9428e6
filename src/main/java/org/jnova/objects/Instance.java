package org.jnova.objects;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A server as stored (nova's Instance) with what the API shows beside it: metadata, tags,
 * ports, latest fault. {@code flavor} is the snapshot taken at boot.
 */
public record Instance(int id, String uuid, String name, String displayName, String displayDescription,
        String hostname, String projectId, String userId, String vmState, String taskState, int powerState,
        Flavor flavor, String imageRef, String host, String node, String availabilityZone, String keyName,
        String keyData, boolean locked, String lockedBy, String lockedReason, String accessIpV4,
        String accessIpV6, String configDrive, String userData, String reservationId, int launchIndex,
        int progress, String rootDeviceName, Instant launchedAt, Instant terminatedAt, Instant createdAt,
        Instant updatedAt, Instant deletedAt, boolean deleted, Map<String, String> metadata,
        Map<String, String> systemMetadata, List<String> tags, List<VirtualInterface> interfaces,
        Optional<InstanceFault> fault) {
    /** System metadata key the API sets to {@link #NO_NETWORK} for a server booted with {@code "networks": "none"}. */
    public static final String REQUESTED_NETWORKS_KEY = "requested_networks";
    /**
     * System metadata: the availability zone the server is pinned to (nova's request spec zone):
     * the zone asked for at boot, where the scheduler keeps it; changed by unshelve and, from
     * 2.104, by update.
     */
    public static final String PINNED_ZONE_KEY = "pinned_availability_zone";
    /** System metadata: "True" when the disk is partitioned automatically (OS-DCF:diskConfig AUTO). */
    public static final String AUTO_DISK_CONFIG_KEY = "auto_disk_config";
    public static final String NO_NETWORK = "none";

    public Instance {
        requireNonNull(uuid, "uuid is null");
        requireNonNull(flavor, "flavor is null");
        metadata = Map.copyOf(metadata);
        systemMetadata = Map.copyOf(systemMetadata);
        tags = List.copyOf(tags);
        interfaces = List.copyOf(interfaces);
        requireNonNull(fault, "fault is null");
    }
}
