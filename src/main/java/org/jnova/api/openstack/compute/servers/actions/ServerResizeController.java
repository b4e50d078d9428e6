package org.jnova.api.openstack.compute.servers.actions;

import static java.util.Objects.requireNonNull;

import org.jnova.api.openstack.ApiRequest;
import org.jnova.api.openstack.wsgi.Action;
import org.jnova.api.openstack.wsgi.ExpectedErrors;
import org.jnova.api.openstack.wsgi.RequestSchema;
import org.jnova.api.openstack.wsgi.Response;
import org.jnova.api.openstack.compute.servers.DiskConfigRequest;
import org.jnova.compute.ResizeApi;
import org.jnova.compute.ServersApi;
import org.jnova.objects.Instance;

/** resize, confirmResize (204) and revertResize of nova's servers module. */
public final class ServerResizeController {
    private final ServersApi servers;
    private final ResizeApi resize;

    public ServerResizeController(ServersApi servers, ResizeApi resize) {
        this.servers = requireNonNull(servers, "servers is null");
        this.resize = requireNonNull(resize, "resize is null");
    }

    @Response(202)
    @ExpectedErrors({400, 401, 403, 404, 409})
    @Action("resize")
    @RequestSchema("resize")
    public void resize(ApiRequest req) {
        String id = req.pathParam("id");
        Instance server = servers.get(req.context(), id);
        req.authorize("os_compute_api:servers:resize", ActionTargets.owner(server));
        String flavorRef = req.body().at("/resize/flavorRef").asText();
        // nova's get_id_from_href: the last path segment of a flavor link
        resize.resize(req.context(), id, flavorRef.substring(flavorRef.lastIndexOf('/') + 1),
                DiskConfigRequest.of(req.body().path("resize")));
    }

    @Response(204)
    @ExpectedErrors({400, 404, 409})
    @Action("confirmResize")
    @RequestSchema("confirm_resize")
    public void confirmResize(ApiRequest req) {
        String id = req.pathParam("id");
        Instance server = servers.get(req.context(), id);
        req.authorize("os_compute_api:servers:confirm_resize", ActionTargets.project(server));
        resize.confirmResize(req.context(), id);
    }

    @Response(202)
    @ExpectedErrors({400, 404, 409})
    @Action("revertResize")
    @RequestSchema("revert_resize")
    public void revertResize(ApiRequest req) {
        String id = req.pathParam("id");
        Instance server = servers.get(req.context(), id);
        req.authorize("os_compute_api:servers:revert_resize", ActionTargets.project(server));
        resize.revertResize(req.context(), id);
    }
}
