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

/** suspend / resume (nova's suspend_server module). */
public final class SuspendServerController {
    private final ServersApi servers;
    private final ServerActionsApi actions;

    public SuspendServerController(ServersApi servers, ServerActionsApi actions) {
        this.servers = requireNonNull(servers, "servers is null");
        this.actions = requireNonNull(actions, "actions is null");
    }

    @Response(202)
    @ExpectedErrors({400, 403, 404, 409})
    @Action("suspend")
    @RequestSchema("suspend")
    public void suspend(ApiRequest req) {
        String id = req.pathParam("id");
        Instance server = servers.get(req.context(), id);
        req.authorize("os_compute_api:os-suspend-server:suspend", ActionTargets.owner(server));
        actions.suspend(req.context(), id);
    }

    @Response(202)
    @ExpectedErrors({404, 409})
    @Action("resume")
    @RequestSchema("resume")
    public void resume(ApiRequest req) {
        String id = req.pathParam("id");
        Instance server = servers.get(req.context(), id);
        req.authorize("os_compute_api:os-suspend-server:resume", ActionTargets.project(server));
        actions.resume(req.context(), id);
    }
}
