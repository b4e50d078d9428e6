package org.jnova.api.openstack.compute.servers;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the detailed view shows beyond an instance, decided once per request: the policy
 * answers, compute host states (host to UP/DOWN/MAINTENANCE/UNKNOWN) and, for show at
 * 2.71+, the server groups of the server (null: do not show the key), and the attached
 * volumes (block device mappings with a volume) of each server, and from 2.100 the
 * scheduler hints each server was created with. {@code hostIds} remembers the hostIds computed
 * for this request (a list has many servers of one project on one host).
 */
public record ServerViewContext(boolean admin, boolean showExtendedAttributes, boolean showHostStatus,
        boolean showExtraSpecs, Map<String, String> hostStates, Map<String, List<String>> serverGroups,
        Map<String, List<org.jnova.objects.BlockDeviceMapping>> volumes,
        Map<String, Map<String, List<String>>> schedulerHints, Map<String, String> hostIds) {

    /** A context with an empty hostId memo. */
    public ServerViewContext(boolean admin, boolean showExtendedAttributes, boolean showHostStatus,
            boolean showExtraSpecs, Map<String, String> hostStates, Map<String, List<String>> serverGroups,
            Map<String, List<org.jnova.objects.BlockDeviceMapping>> volumes,
            Map<String, Map<String, List<String>>> schedulerHints) {
        this(admin, showExtendedAttributes, showHostStatus, showExtraSpecs, hostStates, serverGroups, volumes,
                schedulerHints, new HashMap<>());
    }

    /** {@link ServerView#hostId}, computed once per project and host within the request. */
    public String hostId(String projectId, String host) {
        if (host == null || host.isEmpty()) {
            return "";
        }
        // the digest's input names the pair: the same input, the same hostId
        return hostIds.computeIfAbsent(String.valueOf(projectId) + host, key -> ServerView.hostId(projectId, host));
    }

    /** The hints a server was booted with; {} for a server created before they were kept. */
    public Map<String, List<String>> schedulerHintsOf(String instanceUuid) {
        return schedulerHints.getOrDefault(instanceUuid, Map.of());
    }

    /** The volume mappings of a server (none when not loaded). */
    public List<org.jnova.objects.BlockDeviceMapping> volumesOf(String instanceUuid) {
        return volumes.getOrDefault(instanceUuid, List.of());
    }

    /** nova's host_status: "" without a host, UNKNOWN for a host with no compute service. */
    public String hostStatus(String host) {
        if (host == null || host.isEmpty()) {
            return "";
        }
        return hostStates.getOrDefault(host, "UNKNOWN");
    }
}
