package org.jnova.api.openstack.compute.servertopology;

import static java.util.Objects.requireNonNull;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jnova.api.openstack.ApiRequest;
import org.jnova.api.openstack.wsgi.QuerySchema;
import org.jnova.api.openstack.wsgi.ApiVersion;
import org.jnova.api.openstack.wsgi.ExpectedErrors;
import org.jnova.compute.ServersApi;
import org.jnova.objects.Instance;

/**
 * GET /servers/{server_id}/topology (2.78, nova's server_topology.py). The fake driver gives
 * servers no NUMA topology, so nova answers no nodes and a null page size.
 */
public final class ServerTopologyController {
    private final ServersApi servers;

    public ServerTopologyController(ServersApi servers) {
        this.servers = requireNonNull(servers, "servers is null");
    }

    @ApiVersion(min = "2.78")
    @ExpectedErrors(404)
    @QuerySchema("index.query")
    public Object index(ApiRequest req) {
        Instance i = servers.get(req.context(), req.pathParam("server_id"));
        req.authorize("compute:server:topology:index", Map.of("project_id", i.projectId()));
        Map<String, Object> topology = new HashMap<>();
        topology.put("nodes", List.of());
        topology.put("pagesize_kb", null);
        return topology;
    }
}
