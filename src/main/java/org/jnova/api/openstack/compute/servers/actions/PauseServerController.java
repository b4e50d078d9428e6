package org.jnova.api.openstack.compute.servers.actions;

import static java.util.Objects.requireNonNull;

import org.jnova.api.openstack.ApiRequest;
import org.jnova.api.openstack.wsgi.Action;
import org.jnova.api.openstack.wsgi.ExpectedErrors;
import org.jnova.api.openstack.wsgi.RequestSchema;
import org.jnova.api.openstack.wsgi.Response;
import org.jnova.compute.ServerActionsApi;
import org.jnova.compute.ServersApi;
import org.jnova.objects.Instance;

/** pause / unpause (nova's pause_server module). */
public final class PauseServerController {
    private final ServersApi servers;
    private final ServerActionsApi actions;

    public PauseServerController(ServersApi servers, ServerActionsApi actions) {
        this.servers = requireNonNull(servers, "servers is null");
        this.actions = requireNonNull(actions, "actions is null");
    }

    @Response(202)
    @ExpectedErrors({404, 409, 501})
    @Action("pause")
    @RequestSchema("pause")
    public void pause(ApiRequest req) {
        String id = req.pathParam("id");
        Instance server = servers.get(req.context(), id);
        req.authorize("os_compute_api:os-pause-server:pause", ActionTargets.owner(server));
        actions.pause(req.context(), id);
    }

    @Response(202)
    @ExpectedErrors({404, 409, 501})
    @Action("unpause")
    @RequestSchema("unpause")
    public void unpause(ApiRequest req) {
        String id = req.pathParam("id");
        Instance server = servers.get(req.context(), id);
        req.authorize("os_compute_api:os-pause-server:unpause", ActionTargets.project(server));
        actions.unpause(req.context(), id);
    }
}
