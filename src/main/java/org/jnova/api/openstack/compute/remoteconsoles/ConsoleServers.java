package org.jnova.api.openstack.compute.remoteconsoles;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import org.jnova.api.openstack.ApiRequest;
import org.jnova.compute.ServersApi;
import org.jnova.objects.Instance;

/** The server a console request names, once the caller passed nova's one console rule. */
final class ConsoleServers {
    private static final String POLICY = "os_compute_api:os-remote-consoles";

    private final ServersApi servers;

    ConsoleServers(ServersApi servers) {
        this.servers = requireNonNull(servers, "servers is null");
    }

    /** The server (404 when it is not there), checked against the rule with its project. */
    Instance authorized(ApiRequest req, String serverId) {
        Instance server = servers.get(req.context(), serverId);
        req.authorize(POLICY, Map.of("project_id", server.projectId()));
        return server;
    }
}
