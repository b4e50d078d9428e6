package org.jnova.api.openstack.compute.servers.actions;

import static java.util.Objects.requireNonNull;

import org.jnova.api.openstack.wsgi.ApiVersion;
import org.jnova.exception.NotFound;
import org.jnova.api.openstack.ApiRequest;
import org.jnova.api.openstack.wsgi.Action;
import org.jnova.api.openstack.wsgi.ExpectedErrors;
import org.jnova.api.openstack.wsgi.RequestSchema;
import org.jnova.api.openstack.wsgi.Response;
import org.jnova.compute.ServersApi;
import org.jnova.objects.Instance;

/**
 * addFloatingIp / removeFloatingIp (nova's floating_ips module, removed at 2.44: 404 from
 * then on). jnova has no floating IPs, so every address is unknown: nova's 404 texts.
 */
public final class FloatingIpActionsController {
    private final ServersApi servers;

    public FloatingIpActionsController(ServersApi servers) {
        this.servers = requireNonNull(servers, "servers is null");
    }

    @ApiVersion(max = "2.43")
    @Response(202)
    @ExpectedErrors({400, 403, 404})
    @Action("addFloatingIp")
    @RequestSchema("add_floating_ip")
    public void addFloatingIp(ApiRequest req) {
        Instance server = servers.get(req.context(), req.pathParam("id"));
        req.authorize("os_compute_api:os-floating-ips:add", ActionTargets.project(server));
        throw new NotFound("floating IP not found");
    }

    @ApiVersion(max = "2.43")
    @Response(202)
    @ExpectedErrors({400, 403, 404, 409})
    @Action("removeFloatingIp")
    @RequestSchema("remove_floating_ip")
    public void removeFloatingIp(ApiRequest req) {
        Instance server = servers.get(req.context(), req.pathParam("id"));
        req.authorize("os_compute_api:os-floating-ips:remove", ActionTargets.project(server));
        throw new NotFound("Floating IP not found for address " + req.body().at("/removeFloatingIp/address").asText()
                + ".");
    }
}
