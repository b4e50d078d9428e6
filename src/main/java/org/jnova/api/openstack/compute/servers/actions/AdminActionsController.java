package org.jnova.api.openstack.compute.servers.actions;

import static java.util.Objects.requireNonNull;

import org.jnova.api.openstack.ApiRequest;
import org.jnova.api.openstack.compute.removed.Gone;
import org.jnova.api.openstack.wsgi.Action;
import org.jnova.api.openstack.wsgi.ExpectedErrors;
import org.jnova.api.openstack.wsgi.RequestSchema;
import org.jnova.api.openstack.wsgi.Response;
import org.jnova.compute.ServerActionsApi;
import org.jnova.compute.ServersApi;
import org.jnova.objects.Instance;

/** os-resetState, injectNetworkInfo and the removed resetNetwork (nova's admin_actions module). */
public final class AdminActionsController {
    private final ServersApi servers;
    private final ServerActionsApi actions;

    public AdminActionsController(ServersApi servers, ServerActionsApi actions) {
        this.servers = requireNonNull(servers, "servers is null");
        this.actions = requireNonNull(actions, "actions is null");
    }

    /** Removed in nova 23.0.0 (nova-network): always 410. */
    @ExpectedErrors(410)
    @Action("resetNetwork")
    public void resetNetwork(ApiRequest req) {
        throw Gone.error();
    }

    @Response(202)
    @ExpectedErrors({404, 409})
    @Action("injectNetworkInfo")
    @RequestSchema("inject_network_info")
    public void injectNetworkInfo(ApiRequest req) {
        String id = req.pathParam("id");
        Instance server = servers.get(req.context(), id);
        req.authorize("os_compute_api:os-admin-actions:inject_network_info", ActionTargets.project(server));
        actions.injectNetworkInfo(req.context(), id);
    }

    @Response(202)
    @ExpectedErrors(404)
    @Action("os-resetState")
    @RequestSchema("reset_state")
    public void resetState(ApiRequest req) {
        String id = req.pathParam("id");
        Instance server = servers.get(req.context(), id);
        req.authorize("os_compute_api:os-admin-actions:reset_state", ActionTargets.project(server));
        actions.resetState(req.context(), id, req.body().at("/os-resetState/state").asText());
    }
}
