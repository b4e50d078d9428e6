package org.jnova.api.openstack.compute.securitygroups;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jnova.api.openstack.ApiRequest;
import org.jnova.api.openstack.wsgi.QuerySchema;
import org.jnova.api.openstack.wsgi.ExpectedErrors;
import org.jnova.compute.SecurityGroupsApi;
import org.jnova.compute.ServerSecurityGroupsApi;
import org.jnova.compute.ServersApi;
import org.jnova.exception.NotFound;
import org.jnova.objects.Instance;
import org.jnova.objects.SecurityGroup;

/**
 * GET /servers/{server_id}/os-security-groups (nova's ServerSecurityGroupController): the
 * server's groups sorted by project and name, rules in nova's format. Unlike the top-level
 * os-security-groups proxy it is not removed at 2.36.
 */
public final class ServerSecurityGroupsController {
    private final ServersApi servers;
    private final ServerSecurityGroupsApi groups;
    private final SecurityGroupsApi allGroups;

    public ServerSecurityGroupsController(ServersApi servers, ServerSecurityGroupsApi groups,
            SecurityGroupsApi allGroups) {
        this.servers = requireNonNull(servers, "servers is null");
        this.groups = requireNonNull(groups, "groups is null");
        this.allGroups = requireNonNull(allGroups, "allGroups is null");
    }

    @ExpectedErrors(404)
    @QuerySchema("index.query")
    public Object index(ApiRequest req) {
        String id = req.pathParam("server_id");
        Instance server = servers.get(req.context(), id);
        req.authorize("os_compute_api:os-security-groups:list", Map.of("project_id", server.projectId()));
        List<SecurityGroup> found = groups.list(req.context(), id);
        Map<String, SecurityGroup> known = new LinkedHashMap<>();
        found.forEach(g -> known.put(g.id(), g));
        return Map.of("security_groups", SecurityGroupView.sorted(found, remote -> known.computeIfAbsent(remote,
                r -> {
                    try {
                        return allGroups.get(req.context(), r);
                    } catch (NotFound e) {
                        return null;
                    }
                })));
    }
}
