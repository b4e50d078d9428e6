package org.jnova.api.openstack.compute.securitygroups;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jnova.api.openstack.ApiRequest;
import org.jnova.api.openstack.wsgi.QuerySchema;
import org.jnova.api.openstack.wsgi.ExpectedErrors;
import org.jnova.compute.ServerSecurityGroupsApi;
import org.jnova.compute.ServerSecurityGroupsApi.Rule;
import org.jnova.compute.ServerSecurityGroupsApi.SecurityGroup;
import org.jnova.compute.ServersApi;
import org.jnova.objects.Instance;

/**
 * GET /servers/{server_id}/os-security-groups (nova's ServerSecurityGroupController): the
 * server's groups sorted by project and name, rules in nova's format. Unlike the top-level
 * os-security-groups proxy it is not removed at 2.36.
 */
public final class ServerSecurityGroupsController {
    private final ServersApi servers;
    private final ServerSecurityGroupsApi groups;

    public ServerSecurityGroupsController(ServersApi servers, ServerSecurityGroupsApi groups) {
        this.servers = requireNonNull(servers, "servers is null");
        this.groups = requireNonNull(groups, "groups is null");
    }

    @ExpectedErrors(404)
    @QuerySchema("index.query")
    public Object index(ApiRequest req) {
        String id = req.pathParam("server_id");
        Instance server = servers.get(req.context(), id);
        req.authorize("os_compute_api:os-security-groups:list", Map.of("project_id", server.projectId()));
        List<SecurityGroup> found = new ArrayList<>(groups.list(req.context(), id));
        Map<String, SecurityGroup> byId = new LinkedHashMap<>();
        found.forEach(g -> byId.put(g.id(), g));
        found.sort(Comparator.comparing(SecurityGroup::projectId).thenComparing(SecurityGroup::name));
        List<Map<String, Object>> out = new ArrayList<>();
        for (SecurityGroup g : found) {
            out.add(group(g, byId));
        }
        return Map.of("security_groups", out);
    }

    /** nova's _format_security_group. */
    private static Map<String, Object> group(SecurityGroup g, Map<String, SecurityGroup> known) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", g.id());
        out.put("description", g.description());
        out.put("name", g.name());
        out.put("tenant_id", g.projectId());
        List<Map<String, Object>> rules = new ArrayList<>();
        for (Rule r : g.rules()) {
            rules.add(rule(r, known));
        }
        out.put("rules", rules);
        return out;
    }

    /** nova's _format_security_group_rule: a rule names its source group, else its CIDR. */
    private static Map<String, Object> rule(Rule r, Map<String, SecurityGroup> known) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", r.id());
        out.put("parent_group_id", r.parentGroupId());
        out.put("ip_protocol", r.protocol());
        out.put("from_port", r.fromPort());
        out.put("to_port", r.toPort());
        Map<String, Object> source = new LinkedHashMap<>();
        Map<String, Object> range = new LinkedHashMap<>();
        if (r.remoteGroupId() != null) {
            SecurityGroup remote = known.get(r.remoteGroupId());
            if (remote != null) {
                source.put("name", remote.name());
                source.put("tenant_id", remote.projectId());
            }
        } else {
            range.put("cidr", r.cidr());
        }
        out.put("group", source);
        out.put("ip_range", range);
        return out;
    }
}
