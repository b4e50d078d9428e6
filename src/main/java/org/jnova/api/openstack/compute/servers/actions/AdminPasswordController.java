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

/** changePassword (nova's admin_password module). */
public final class AdminPasswordController {
    private final ServersApi servers;
    private final ServerActionsApi actions;

    public AdminPasswordController(ServersApi servers, ServerActionsApi actions) {
        this.servers = requireNonNull(servers, "servers is null");
        this.actions = requireNonNull(actions, "actions is null");
    }

    @Response(202)
    @ExpectedErrors({404, 409, 501})
    @Action("changePassword")
    @RequestSchema("change_password")
    public void changePassword(ApiRequest req) {
        String id = req.pathParam("id");
        Instance server = servers.get(req.context(), id);
        req.authorize("os_compute_api:os-admin-password", ActionTargets.owner(server));
        actions.changePassword(req.context(), id, req.body().at("/changePassword/adminPass").asText());
    }
}
