package org.jnova.api.openstack.compute.servershares;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import org.jnova.api.openstack.ApiRequest;
import org.jnova.api.openstack.wsgi.ApiVersion;
import org.jnova.api.openstack.wsgi.ExpectedErrors;
import org.jnova.api.openstack.wsgi.QuerySchema;
import org.jnova.api.openstack.wsgi.RequestSchema;
import org.jnova.api.openstack.wsgi.Response;
import org.jnova.compute.ServerSharesApi;
import org.jnova.compute.ServersApi;
import org.jnova.exception.NotFound;
import org.jnova.objects.Instance;

/**
 * /servers/{server_id}/shares (nova's server_shares module, 2.97+): index, create, show,
 * delete. As nova, the server is found in any project and the policy checked against its
 * project, so another project's server is a 403 and an unknown one a 404.
 */
public final class ServerSharesController {
    private static final String RULE = "os_compute_api:os-server-shares:";
    private final ServersApi servers;
    private final ServerSharesApi shares;

    public ServerSharesController(ServersApi servers, ServerSharesApi shares) {
        this.servers = requireNonNull(servers, "servers is null");
        this.shares = requireNonNull(shares, "shares is null");
    }

    @ApiVersion(min = "2.97")
    @ExpectedErrors({400, 403, 404})
    @QuerySchema("index.query")
    public Object index(ApiRequest req) {
        Instance server = server(req, "index");
        return Map.of("shares", shares.list(server).stream().map(ServerShareView::listed).toList());
    }

    @ApiVersion(min = "2.97")
    @Response(201)
    @ExpectedErrors({400, 403, 404, 409})
    @RequestSchema("create")
    public Object create(ApiRequest req) {
        Instance server = server(req, "create");
        String shareId = req.body().at("/share/share_id").asText();
        String tag = req.body().at("/share").has("tag") ? req.body().at("/share/tag").asText() : null;
        return ServerShareView.shown(req, shares.attach(req.context(), server, shareId, tag));
    }

    @ApiVersion(min = "2.97")
    @ExpectedErrors({400, 403, 404})
    @QuerySchema("show.query")
    public Object show(ApiRequest req) {
        Instance server = server(req, "show");
        return ServerShareView.shown(req, shares.get(server, req.pathParam("id")));
    }

    @ApiVersion(min = "2.97")
    @ExpectedErrors({400, 403, 404, 409})
    public void delete(ApiRequest req) {
        Instance server = server(req, "delete");
        shares.detach(req.context(), server, req.pathParam("id"));
    }

    private Instance server(ApiRequest req, String action) {
        String uuid = req.pathParam("server_id");
        Instance server = servers.findInAnyProject(uuid)
                .orElseThrow(() -> new NotFound("Instance " + uuid + " has no mapping to a cell."));
        req.authorize(RULE + action, Map.of("project_id", server.projectId()));
        return server;
    }
}
