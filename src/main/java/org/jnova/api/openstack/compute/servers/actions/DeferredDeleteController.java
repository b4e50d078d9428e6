package org.jnova.api.openstack.compute.servers.actions;

import static java.util.Objects.requireNonNull;

import org.jnova.api.openstack.ApiRequest;
import org.jnova.api.openstack.wsgi.Action;
import org.jnova.api.openstack.wsgi.ExpectedErrors;
import org.jnova.api.openstack.wsgi.RequestSchema;
import org.jnova.api.openstack.wsgi.Response;
import org.jnova.compute.ServersApi;
import org.jnova.objects.Instance;

/** restore / forceDelete (nova's deferred_delete module). */
public final class DeferredDeleteController {
    private final ServersApi servers;

    public DeferredDeleteController(ServersApi servers) {
        this.servers = requireNonNull(servers, "servers is null");
    }

    @Response(202)
    @ExpectedErrors({403, 404, 409})
    @Action("restore")
    @RequestSchema("restore")
    public void restore(ApiRequest req) {
        String id = req.pathParam("id");
        Instance server = servers.get(req.context(), id);
        req.authorize("os_compute_api:os-deferred-delete:restore", ActionTargets.project(server));
        servers.restore(req.context(), id);
    }

    @Response(202)
    @ExpectedErrors({404, 409})
    @Action("forceDelete")
    @RequestSchema("force_delete")
    public void forceDelete(ApiRequest req) {
        String id = req.pathParam("id");
        Instance server = servers.get(req.context(), id);
        req.authorize("os_compute_api:os-deferred-delete:force", ActionTargets.owner(server));
        servers.forceDelete(req.context(), id);
    }
}
