package org.jnova.api.openstack.compute.servers.actions;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import org.jnova.api.openstack.ApiRequest;
import org.jnova.api.openstack.wsgi.Action;
import org.jnova.api.openstack.wsgi.ApiVersion;
import org.jnova.api.openstack.wsgi.ExpectedErrors;
import org.jnova.api.openstack.wsgi.RequestSchema;
import org.jnova.api.openstack.wsgi.Response;
import org.jnova.compute.FloatingIpsApi;
import org.jnova.compute.ServersApi;
import org.jnova.exception.Conflict;
import org.jnova.exception.NotFound;
import org.jnova.objects.FloatingIp;
import org.jnova.objects.Instance;

/** addFloatingIp / removeFloatingIp (nova's floating_ips module, removed at 2.44: 404 from then on). */
public final class FloatingIpActionsController {
    private final ServersApi servers;
    private final FloatingIpsApi floatingIps;

    public FloatingIpActionsController(ServersApi servers, FloatingIpsApi floatingIps) {
        this.servers = requireNonNull(servers, "servers is null");
        this.floatingIps = requireNonNull(floatingIps, "floatingIps is null");
    }

    @ApiVersion(max = "2.43")
    @Response(202)
    @ExpectedErrors({400, 403, 404})
    @Action("addFloatingIp")
    @RequestSchema("add_floating_ip")
    public void addFloatingIp(ApiRequest req) {
        Instance server = servers.get(req.context(), req.pathParam("id"));
        req.authorize("os_compute_api:os-floating-ips:add", ActionTargets.project(server));
        String fixed = req.body().at("/addFloatingIp/fixed_address").isMissingNode() ? null
                : req.body().at("/addFloatingIp/fixed_address").asText();
        floatingIps.associate(req.context(), server, req.body().at("/addFloatingIp/address").asText(), fixed);
    }

    /**
     * nova looks the address up before the server: an address of no server's is a conflict
     * whatever the server, and the policy's target is the project of the server it is on.
     */
    @ApiVersion(max = "2.43")
    @Response(202)
    @ExpectedErrors({400, 403, 404, 409})
    @Action("removeFloatingIp")
    @RequestSchema("remove_floating_ip")
    public void removeFloatingIp(ApiRequest req) {
        String id = req.pathParam("id");
        String address = req.body().at("/removeFloatingIp/address").asText();
        FloatingIp ip = floatingIps.byAddress(req.context(), address)
                .orElseThrow(() -> new NotFound("Floating IP not found for address " + address + "."));
        Instance holder = ip.instanceUuid() == null ? null : servers.get(req.context(), ip.instanceUuid());
        req.authorize("os_compute_api:os-floating-ips:remove", holder == null ? Map.of()
                : ActionTargets.project(holder));
        if (holder == null || !holder.uuid().equals(id)) {
            throw new Conflict("Floating IP " + address + " is not associated with instance " + id + ".");
        }
        floatingIps.disassociate(req.context(), ip);
    }
}
