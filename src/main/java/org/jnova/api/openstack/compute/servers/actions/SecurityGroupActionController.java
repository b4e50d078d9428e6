package org.jnova.api.openstack.compute.servers.actions;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import org.jnova.api.openstack.ApiRequest;
import org.jnova.api.openstack.wsgi.Action;
import org.jnova.api.openstack.wsgi.ExpectedErrors;
import org.jnova.api.openstack.wsgi.Response;
import org.jnova.compute.ServerSecurityGroupsApi;
import org.jnova.compute.ServersApi;
import org.jnova.exception.Invalid;
import org.jnova.objects.Instance;

/** addSecurityGroup / removeSecurityGroup (nova's security_groups module), with nova's body checks. */
public final class SecurityGroupActionController {
    private final ServersApi servers;
    private final ServerSecurityGroupsApi groups;

    public SecurityGroupActionController(ServersApi servers, ServerSecurityGroupsApi groups) {
        this.servers = requireNonNull(servers, "servers is null");
        this.groups = requireNonNull(groups, "groups is null");
    }

    @Response(202)
    @ExpectedErrors({400, 404, 409})
    @Action("addSecurityGroup")
    public void addSecurityGroup(ApiRequest req) {
        String id = req.pathParam("id");
        Instance server = servers.get(req.context(), id);
        req.authorize("os_compute_api:os-security-groups:add", ActionTargets.project(server));
        groups.add(req.context(), id, groupName(req.body().get("addSecurityGroup")));
    }

    @Response(202)
    @ExpectedErrors({400, 404, 409})
    @Action("removeSecurityGroup")
    public void removeSecurityGroup(ApiRequest req) {
        String id = req.pathParam("id");
        Instance server = servers.get(req.context(), id);
        req.authorize("os_compute_api:os-security-groups:remove", ActionTargets.project(server));
        groups.remove(req.context(), id, groupName(req.body().get("removeSecurityGroup")));
    }

    /** nova's _parse. */
    private static String groupName(JsonNode entity) {
        if (entity == null || !entity.isObject()) {
            throw new Invalid("Missing parameter dict");
        }
        if (!entity.has("name")) {
            throw new Invalid("Security group not specified");
        }
        JsonNode name = entity.get("name");
        if (name.isNull() || name.asText().strip().isEmpty()) {
            throw new Invalid("Security group name cannot be empty");
        }
        return name.asText();
    }
}
