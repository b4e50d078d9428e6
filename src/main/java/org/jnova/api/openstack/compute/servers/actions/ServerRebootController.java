package org.jnova.api.openstack.compute.servers.actions;

import static java.util.Objects.requireNonNull;

import org.jnova.api.openstack.ApiRequest;
import org.jnova.api.openstack.wsgi.Action;
import org.jnova.api.openstack.wsgi.ExpectedErrors;
import org.jnova.api.openstack.wsgi.RequestSchema;
import org.jnova.api.openstack.wsgi.Response;
import org.jnova.compute.ServersApi;
import org.jnova.objects.Instance;

/** The reboot action of nova's servers module (SOFT or HARD). */
public final class ServerRebootController {
    private final ServersApi servers;

    public ServerRebootController(ServersApi servers) {
        this.servers = requireNonNull(servers, "servers is null");
    }

    @Response(202)
    @ExpectedErrors({404, 409})
    @Action("reboot")
    @RequestSchema("reboot")
    public void reboot(ApiRequest req) {
        String id = req.pathParam("id");
        Instance server = servers.get(req.context(), id);
        req.authorize("os_compute_api:servers:reboot", ActionTargets.project(server));
        servers.reboot(req.context(), id, "HARD".equalsIgnoreCase(req.body().at("/reboot/type").asText()));
    }
}
