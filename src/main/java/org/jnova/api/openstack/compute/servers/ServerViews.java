package org.jnova.api.openstack.compute.servers;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jnova.api.openstack.ApiRequest;
import org.jnova.compute.ServerGroupsApi;
import org.jnova.compute.ServersApi;
import org.jnova.compute.ServicesApi;
import org.jnova.compute.VolumeAttachmentsApi;
import org.jnova.objects.Instance;
import org.jnova.objects.ServerGroup;

/**
 * Builds the {@link ServerViewContext} of a request: policy answers once, compute host
 * states with one services query, server groups with one groups query (show only).
 */
public final class ServerViews {
    private final VolumeAttachmentsApi volumeAttachments;
    private final ServerGroupsApi serverGroups;
    private final ServicesApi servicesApi;
    private final ServersApi servers;

    public ServerViews(VolumeAttachmentsApi volumeAttachments, ServerGroupsApi serverGroups, ServicesApi servicesApi,
            ServersApi servers) {
        this.servers = requireNonNull(servers, "servers is null");
        this.volumeAttachments = requireNonNull(volumeAttachments, "volumeAttachments is null");
        this.serverGroups = requireNonNull(serverGroups, "serverGroups is null");
        this.servicesApi = requireNonNull(servicesApi, "servicesApi is null");
    }

    /** For GET /servers/detail: no server groups (nova shows them in show only). */
    ServerViewContext listContext(ApiRequest req, List<Instance> instances) {
        Map<String, String> target = Map.of("project_id", req.context().projectId().orElse(""));
        boolean hostStatus = req.isSupported("2.16")
                && ServerPolicies.can(req, ServerPolicies.HOST_STATUS, target);
        return new ServerViewContext(req.context().isAdmin(),
                ServerPolicies.can(req, ServerPolicies.EXTENDED_ATTRIBUTES, target), hostStatus,
                req.isSupported("2.47") && ServerPolicies.can(req, ServerPolicies.EXTRA_SPECS, target),
                hostStatus && !instances.isEmpty() ? hostStates() : Map.of(), null,
                volumeAttachments.volumeMappings(instances.stream().map(Instance::uuid).toList()),
                schedulerHints(req, instances));
    }

    /** For show (and update from 2.75): server groups from 2.71. */
    ServerViewContext showContext(ApiRequest req, Instance i) {
        Map<String, String> target = Map.of("project_id", i.projectId());
        boolean hostStatus = req.isSupported("2.16")
                && ServerPolicies.can(req, ServerPolicies.HOST_STATUS, target);
        Map<String, List<String>> groups = req.isSupported("2.71")
                ? groupsOf(serverGroups.forInstance(i.uuid()).stream().toList(), List.of(i)) : null;
        return new ServerViewContext(req.context().isAdmin(),
                ServerPolicies.can(req, ServerPolicies.EXTENDED_ATTRIBUTES, target), hostStatus,
                req.isSupported("2.47") && ServerPolicies.can(req, ServerPolicies.EXTRA_SPECS, target),
                hostStatus && i.host() != null ? hostStates() : Map.of(), groups,
                volumeAttachments.volumeMappings(List.of(i.uuid())), schedulerHints(req, List.of(i)));
    }

    /** The smaller update body before 2.75. */
    ServerViewContext updateContext(ApiRequest req, Instance i) {
        Map<String, List<String>> groups = req.isSupported("2.71")
                ? groupsOf(serverGroups.forInstance(i.uuid()).stream().toList(), List.of(i)) : null;
        Map<String, String> target = Map.of("project_id", i.projectId());
        return new ServerViewContext(req.context().isAdmin(), false, false,
                req.isSupported("2.47") && ServerPolicies.can(req, ServerPolicies.EXTRA_SPECS, target),
                Map.of(), groups, Map.of(), Map.of());
    }

    /**
     * From 2.100: the request spec hints of the servers, with one query. As nova's request
     * spec load, a "group" hint whose group was deleted since is left out.
     */
    private Map<String, Map<String, List<String>>> schedulerHints(ApiRequest req, List<Instance> instances) {
        if (!req.isSupported("2.100") || instances.isEmpty()) {
            return Map.of();
        }
        Map<String, Map<String, List<String>>> hints = new HashMap<>(
                servers.schedulerHints(instances.stream().map(Instance::uuid).toList()));
        Map<String, Boolean> groupExists = new HashMap<>();
        hints.replaceAll((uuid, h) -> {
            List<String> group = h.get("group");
            if (group == null || group.isEmpty()
                    || groupExists.computeIfAbsent(group.get(0), g -> serverGroups.get(g).isPresent())) {
                return h;
            }
            Map<String, List<String>> kept = new java.util.LinkedHashMap<>(h);
            kept.remove("group");
            return kept;
        });
        return hints;
    }

    /** nova's host status: DOWN when forced down, MAINTENANCE when disabled, else UP or UNKNOWN by heartbeat. */
    private Map<String, String> hostStates() {
        Map<String, String> out = new HashMap<>();
        for (ServicesApi.ServiceStatus s : servicesApi.list(null, "nova-compute")) {
            String state = s.service().forcedDown() ? "DOWN"
                    : s.service().disabled() ? "MAINTENANCE" : s.up() ? "UP" : "UNKNOWN";
            out.put(s.service().host(), state);
        }
        return out;
    }

    /** The ids of the groups each instance belongs to. */
    private static Map<String, List<String>> groupsOf(List<ServerGroup> groups, List<Instance> instances) {
        Map<String, List<String>> out = new HashMap<>();
        for (Instance i : instances) {
            List<String> mine = new ArrayList<>();
            for (ServerGroup g : groups) {
                if (g.members().contains(i.uuid())) {
                    mine.add(g.uuid());
                }
            }
            out.put(i.uuid(), mine);
        }
        return out;
    }
}
