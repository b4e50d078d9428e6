package org.jnova.api.openstack.compute.ips;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import org.jnova.api.openstack.ApiRequest;
import org.jnova.api.openstack.compute.servers.ServerView;
import org.jnova.api.openstack.wsgi.QuerySchema;
import org.jnova.api.openstack.wsgi.ExpectedErrors;
import org.jnova.compute.ServersApi;
import org.jnova.exception.NotFound;
import org.jnova.objects.Instance;

/** GET /servers/{server_id}/ips and /ips/{network}: a server's addresses by network label. */
public final class IpsController {
    private final ServersApi servers;

    public IpsController(ServersApi servers) {
        this.servers = requireNonNull(servers, "servers is null");
    }

    @ExpectedErrors(404)
    @QuerySchema("index.query")
    public Object index(ApiRequest req) {
        Instance i = servers.get(req.context(), req.pathParam("server_id"));
        req.authorize("os_compute_api:ips:index", Map.of("project_id", i.projectId()));
        return Map.of("addresses", ServerView.addresses(i.interfaces(), false));
    }

    @ExpectedErrors(404)
    @QuerySchema("show.query")
    public Object show(ApiRequest req) {
        Instance i = servers.get(req.context(), req.pathParam("server_id"));
        req.authorize("os_compute_api:ips:show", Map.of("project_id", i.projectId()));
        String network = req.pathParam("id");
        List<Map<String, Object>> addresses = ServerView.addresses(i.interfaces(), false).get(network);
        if (addresses == null) {
            throw new NotFound("Instance is not a member of specified network");
        }
        return Map.of(network, addresses);
    }
}
