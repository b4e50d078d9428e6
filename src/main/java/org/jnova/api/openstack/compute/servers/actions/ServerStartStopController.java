package org.jnova.api.openstack.compute.servers.actions;

import static java.util.Objects.requireNonNull;

import org.jnova.api.openstack.ApiRequest;
import org.jnova.api.openstack.wsgi.Action;
import org.jnova.api.openstack.wsgi.ExpectedErrors;
import org.jnova.api.openstack.wsgi.RequestSchema;
import org.jnova.api.openstack.wsgi.Response;
import org.jnova.compute.ServersApi;
import org.jnova.objects.Instance;

/** os-start and os-stop of nova's servers module. */
public final class ServerStartStopController {
    private final ServersApi servers;

    public ServerStartStopController(ServersApi servers) {
        this.servers = requireNonNull(servers, "servers is null");
    }

    @Response(202)
    @ExpectedErrors({404, 409})
    @Action("os-start")
    @RequestSchema("start")
    public void start(ApiRequest req) {
        String id = req.pathParam("id");
        Instance server = servers.get(req.context(), id);
        req.authorize("os_compute_api:servers:start", ActionTargets.owner(server));
        servers.start(req.context(), id);
    }

    @Response(202)
    @ExpectedErrors({404, 409})
    @Action("os-stop")
    @RequestSchema("stop")
    public void stop(ApiRequest req) {
        String id = req.pathParam("id");
        Instance server = servers.get(req.context(), id);
        req.authorize("os_compute_api:servers:stop", ActionTargets.owner(server));
        servers.stop(req.context(), id);
    }
}
