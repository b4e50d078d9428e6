package org.jnova.api.openstack.compute.servers.actions;

import static java.util.Objects.requireNonNull;

import org.jnova.api.openstack.wsgi.ApiVersion;
import org.jnova.api.openstack.ApiRequest;
import org.jnova.api.openstack.wsgi.Action;
import org.jnova.api.openstack.wsgi.ExpectedErrors;
import org.jnova.api.openstack.wsgi.RequestSchema;
import org.jnova.api.openstack.wsgi.Response;
import org.jnova.compute.ServersApi;
import org.jnova.objects.Instance;

/**
 * addFixedIp / removeFixedIp (nova's multinic module, removed at 2.44: 404 from then on).
 * jnova's built-in network gives each server one port, so both are accepted and change
 * nothing, as nova's asynchronous cast to the compute host looks from the API.
 */
public final class MultinicController {
    private final ServersApi servers;

    public MultinicController(ServersApi servers) {
        this.servers = requireNonNull(servers, "servers is null");
    }

    @ApiVersion(max = "2.43")
    @Response(202)
    @ExpectedErrors({400, 404})
    @Action("addFixedIp")
    @RequestSchema("add_fixed_ip")
    public void addFixedIp(ApiRequest req) {
        Instance server = servers.get(req.context(), req.pathParam("id"));
        req.authorize("os_compute_api:os-multinic:add", ActionTargets.project(server));
    }

    @ApiVersion(max = "2.43")
    @Response(202)
    @ExpectedErrors({400, 404})
    @Action("removeFixedIp")
    @RequestSchema("remove_fixed_ip")
    public void removeFixedIp(ApiRequest req) {
        Instance server = servers.get(req.context(), req.pathParam("id"));
        req.authorize("os_compute_api:os-multinic:remove", ActionTargets.project(server));
    }
}
