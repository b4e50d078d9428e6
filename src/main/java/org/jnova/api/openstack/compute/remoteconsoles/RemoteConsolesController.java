package org.jnova.api.openstack.compute.remoteconsoles;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jnova.api.openstack.ApiRequest;
import org.jnova.api.openstack.wsgi.ApiVersion;
import org.jnova.api.openstack.wsgi.ExpectedErrors;
import org.jnova.api.openstack.wsgi.RequestSchema;
import org.jnova.compute.ServersApi;
import org.jnova.console.ConsolesApi;
import org.jnova.exception.Invalid;
import org.jnova.objects.Instance;

/** POST /servers/{server_id}/remote-consoles (nova's remote_consoles module, 2.6+). */
public final class RemoteConsolesController {
    private final ConsoleServers servers;
    private final ConsolesApi consoles;

    public RemoteConsolesController(ServersApi servers, ConsolesApi consoles) {
        this.servers = new ConsoleServers(servers);
        this.consoles = requireNonNull(consoles, "consoles is null");
    }

    @ApiVersion(min = "2.6")
    @ExpectedErrors({400, 404, 409, 501})
    @RequestSchema("create")
    public Object create(ApiRequest req) {
        Instance server = servers.authorized(req, req.pathParam("server_id"));
        String protocol = req.body().at("/remote_console/protocol").asText();
        String type = req.body().at("/remote_console/type").asText();
        if ("rdp".equals(protocol)) { // [rdp] consoles are never enabled (nova's Hyper-V driver is gone)
            throw new Invalid("Unavailable console type " + type + ".");
        }
        String url = consoles.consoleUrl(server, protocol, type, "create");
        Map<String, Object> console = new LinkedHashMap<>();
        console.put("protocol", protocol);
        console.put("type", type);
        console.put("url", url);
        return Map.of("remote_console", console);
    }
}
