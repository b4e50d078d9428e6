package org.jnova.api.openstack.compute.servers;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jnova.api.openstack.ApiRequest;
import org.jnova.objects.Instance;
import org.jnova.compute.AutoDiskConfig;
import org.jnova.compute.Quotas;
import org.jnova.compute.SecurityGroupsApi;
import org.jnova.compute.ServicesApi;
import org.jnova.compute.ServerCreate;
import org.jnova.compute.ServerGroupsApi;
import org.jnova.compute.ServersApi;
import org.jnova.context.RequestContext;
import org.jnova.exception.Conflict;
import org.jnova.exception.Invalid;
import org.jnova.exception.OverQuota;
import org.jnova.objects.SecurityGroup;
import org.jnova.objects.ServerGroup;

/**
 * What nova's create checks besides the schema and the compute API: forced hosts and
 * requested destinations (policy, existence), injected-file quotas, the scheduler hint
 * group, and the system metadata the API keeps beside the instance.
 */
public final class ServerCreateChecks {
    private final Quotas quotas;
    private final ServicesApi servicesApi;
    private final ServerGroupsApi serverGroups;
    private final ServersApi servers;
    private final String defaultScheduleZone;
    private final SecurityGroupsApi securityGroups;

    public ServerCreateChecks(Quotas quotas, ServicesApi servicesApi, ServerGroupsApi serverGroups,
            ServersApi servers, String defaultScheduleZone, SecurityGroupsApi securityGroups) {
        this.securityGroups = requireNonNull(securityGroups, "securityGroups is null");
        this.quotas = requireNonNull(quotas, "quotas is null");
        this.servicesApi = requireNonNull(servicesApi, "servicesApi is null");
        this.serverGroups = requireNonNull(serverGroups, "serverGroups is null");
        this.servers = requireNonNull(servers, "servers is null");
        this.defaultScheduleZone = defaultScheduleZone;
    }

    /**
     * "zone:host[:node]" forces a host (admin only by default); the zone part is what the
     * backend schedules in. The fake cloud has no forced placement, so host and node are not used further.
     */
    static ServerCreate withoutForcedHost(ApiRequest req, ServerCreate request) {
        String zone = request.availabilityZone();
        if (zone == null || !zone.contains(":")) {
            return request;
        }
        String[] parts = zone.split(":", -1);
        boolean forced = parts.length > 1 && (!parts[1].isEmpty() || parts.length > 2 && !parts[2].isEmpty());
        if (forced) {
            req.authorize("os_compute_api:servers:create:forced_host", Map.of("project_id",
                    req.context().requireProjectId()));
        }
        return request.withAvailabilityZone(parts[0].isEmpty() ? null : parts[0]);
    }

    /**
     * Personality files (before 2.57) are not injected by the fake driver, but nova's
     * injected-file quotas still answer 403: count, then the longest path, then the largest
     * decoded content.
     */
    void checkPersonality(RequestContext ctx, JsonNode files) {
        if (!files.isArray() || files.isEmpty()) {
            return;
        }
        Map<String, Integer> limits = quotas.limits(ctx.requireProjectId(), ctx.userId());
        int allowedFiles = limits.getOrDefault("injected_files", -1);
        if (allowedFiles >= 0 && files.size() > allowedFiles) {
            throw new OverQuota("Personality file limit exceeded");
        }
        int maxPath = 0;
        int maxContent = 0;
        for (JsonNode file : files) {
            // as nova: the lengths of the texts given, the contents still base64 (nothing is decoded here)
            String path = file.path("path").asText("");
            String contents = file.path("contents").asText("");
            maxPath = Math.max(maxPath, path.codePointCount(0, path.length()));
            maxContent = Math.max(maxContent, contents.codePointCount(0, contents.length()));
        }
        int allowedPath = limits.getOrDefault("injected_file_path_bytes", -1);
        int allowedContent = limits.getOrDefault("injected_file_content_bytes", -1);
        if (allowedPath >= 0 && maxPath > allowedPath) {
            throw new OverQuota("Personality file path exceeds maximum " + allowedPath);
        }
        if (allowedContent >= 0 && maxContent > allowedContent) {
            throw new OverQuota("Personality file content exceeds maximum " + allowedContent);
        }
    }

    /** 2.74 host / hypervisor_hostname: admin only by default, and they must exist. */
    void checkRequestedDestination(ApiRequest req, JsonNode body) {
        String host = body.hasNonNull("host") ? body.path("host").asText() : null;
        String node = body.hasNonNull("hypervisor_hostname") ? body.path("hypervisor_hostname").asText() : null;
        if (host == null && node == null) {
            return;
        }
        String rule = "compute:servers:create:requested_destination";
        req.authorize(rule, Map.of("project_id", req.context().requireProjectId()));
        if (host != null && servicesApi.list(host, "nova-compute").isEmpty()) {
            throw new Invalid("Compute host " + host + " could not be found.");
        }
        if (node != null && servicesApi.hypervisors().stream()
                .noneMatch(h -> node.equals(h.node().hypervisorHostname()) && (host == null
                        || host.equals(h.node().host())))) {
            throw new Invalid("Compute host " + node + " could not be found.");
        }
    }

    /**
     * The security groups asked for by name or id (nova's _check_requested_secgroups), as the
     * names kept with the server; null when none were named. 400 "Security group X not
     * found." for one the project lacks, 409 when a name matches several.
     */
    String securityGroupNames(RequestContext ctx, JsonNode body) {
        Set<String> names = new LinkedHashSet<>();
        for (JsonNode group : body.path("security_groups")) {
            String name = group.path("name").asText("");
            if (!name.isEmpty() && !name.equals("default")) {
                List<SecurityGroup> found = securityGroups.findByNameOrId(ctx, name);
                if (found.isEmpty()) {
                    throw new Invalid("Security group " + name + " not found.");
                }
                if (found.size() > 1) {
                    throw new Conflict("Multiple security_group matches found for name '" + name
                            + "', use an ID to be more specific.");
                }
                name = found.get(0).name();
            }
            if (!name.isEmpty()) {
                names.add(name);
            }
        }
        return names.isEmpty() ? null : String.join(",", names);
    }

    /** What nova keeps beside the instance: trusted image certificate ids (2.63) and the pinned zone (2.96). */
    Map<String, String> systemMetadata(JsonNode body, ServerCreate request) {
        Map<String, String> out = new LinkedHashMap<>();
        if (Instance.NO_NETWORK.equals(body.path("networks").asText(null))) {
            out.put(Instance.REQUESTED_NETWORKS_KEY, Instance.NO_NETWORK);
        }
        Boolean autoDiskConfig = DiskConfigRequest.of(body);
        if (autoDiskConfig != null) {
            out.put(Instance.AUTO_DISK_CONFIG_KEY, AutoDiskConfig.stored(autoDiskConfig));
        }
        JsonNode certs = body.path("trusted_image_certificates");
        if (certs.isArray()) {
            out.put(ServerView.TRUSTED_CERTS_KEY, certs.toString());
        }
        String zone = request.availabilityZone() != null ? request.availabilityZone() : defaultScheduleZone;
        if (zone != null) {
            int colon = zone.indexOf(':');
            out.put(ServerView.PINNED_ZONE_KEY, colon < 0 ? zone : zone.substring(0, colon));
        }
        return out;
    }

    /**
     * nova's server_group_members quota: the caller's live servers in the group plus the
     * {@code count} asked for must stay within the user's limit; else 403 "Quota exceeded,
     * too many servers in group".
     */
    void checkGroupMembersQuota(RequestContext ctx, String groupUuid, int count) {
        if (membersOverQuota(ctx, groupUuid, count)) {
            throw new OverQuota("Quota exceeded, too many servers in group");
        }
    }

    /**
     * Adds the new servers to the group before their build is cast, then re-checks the
     * member quota as nova's recheck_quota does (two creates may have passed the first check
     * together): over it, the members are taken out again, the servers (never scheduled)
     * deleted, and the request fails with the same 403.
     */
    void joinGroup(RequestContext ctx, String groupUuid, List<org.jnova.objects.Instance> created) {
        List<String> uuids = created.stream().map(org.jnova.objects.Instance::uuid).toList();
        serverGroups.addMembers(groupUuid, uuids);
        if (membersOverQuota(ctx, groupUuid, 0)) {
            serverGroups.removeMembers(groupUuid, uuids);
            servers.deleteUnscheduled(uuids);
            throw new OverQuota("Quota exceeded, too many servers in group");
        }
    }

    private boolean membersOverQuota(RequestContext ctx, String groupUuid, int adding) {
        int limit = quotas.limits(ctx.requireProjectId(), ctx.userId()).get("server_group_members");
        if (limit < 0) {
            return false;
        }
        long used = serverGroups.liveMembersOf(groupUuid, ctx.userId());
        return used + adding > limit;
    }

    String schedulerGroup(ApiRequest req) {
        JsonNode hints = req.body().has("os:scheduler_hints") ? req.body().path("os:scheduler_hints")
                : req.body().path("OS-SCH-HNT:scheduler_hints");
        JsonNode group = hints.path("group");
        if (group.isMissingNode()) {
            return null;
        }
        String uuid = group.isArray() ? group.path(0).asText() : group.asText();
        // nova: another project's group is as unknown as a missing one, and both are a bad request
        serverGroups.get(uuid)
                .filter(g -> req.context().isAdmin() || g.projectId().equals(req.context().requireProjectId()))
                .orElseThrow(() -> new Invalid("Instance group " + uuid + " could not be found."));
        return uuid;
    }
}
