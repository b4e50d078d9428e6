package org.jnova.api.openstack.compute.remoteconsoles;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jnova.api.openstack.ApiRequest;
import org.jnova.api.openstack.wsgi.Action;
import org.jnova.api.openstack.wsgi.ApiVersion;
import org.jnova.api.openstack.wsgi.ExpectedErrors;
import org.jnova.api.openstack.wsgi.RequestSchema;
import org.jnova.compute.ServersApi;
import org.jnova.console.ConsolesApi;
import org.jnova.exception.Invalid;
import org.jnova.objects.Instance;

/**
 * The legacy console actions (os-getVNCConsole, os-getSPICEConsole, os-getSerialConsole,
 * os-getRDPConsole) of nova's remote_consoles module; removed at 2.6 in favour of
 * remote-consoles. RDP is gone with nova's Hyper-V driver and is always refused.
 */
public final class RemoteConsoleActionsController {
    private final ConsoleServers servers;
    private final ConsolesApi consoles;

    public RemoteConsoleActionsController(ServersApi servers, ConsolesApi consoles) {
        this.servers = new ConsoleServers(servers);
        this.consoles = requireNonNull(consoles, "consoles is null");
    }

    @ApiVersion(min = "2.1", max = "2.5")
    @ExpectedErrors({400, 404, 409, 501})
    @Action("os-getVNCConsole")
    @RequestSchema("get_vnc_console")
    public Object getVncConsole(ApiRequest req) {
        return console(req, "os-getVNCConsole", "vnc");
    }

    @ApiVersion(min = "2.1", max = "2.5")
    @ExpectedErrors({400, 404, 409, 501})
    @Action("os-getSPICEConsole")
    @RequestSchema("get_spice_console")
    public Object getSpiceConsole(ApiRequest req) {
        return console(req, "os-getSPICEConsole", "spice");
    }

    @ApiVersion(min = "2.1", max = "2.5")
    @ExpectedErrors({400, 404, 409, 501})
    @Action("os-getSerialConsole")
    @RequestSchema("get_serial_console")
    public Object getSerialConsole(ApiRequest req) {
        return console(req, "os-getSerialConsole", "serial");
    }

    @ApiVersion(min = "2.1", max = "2.5")
    @ExpectedErrors({400, 404, 409, 501})
    @Action("os-getRDPConsole")
    @RequestSchema("get_rdp_console")
    public Object getRdpConsole(ApiRequest req) {
        Instance server = servers.authorized(req, req.pathParam("id"));
        throw new Invalid("Unavailable console type rdp-html5.");
    }

    private Object console(ApiRequest req, String action, String protocol) {
        Instance server = servers.authorized(req, req.pathParam("id"));
        String type = req.body().at("/" + action + "/type").asText();
        String url = consoles.consoleUrl(server, protocol, type, action);
        Map<String, Object> console = new LinkedHashMap<>();
        console.put("type", type);
        console.put("url", url);
        return Map.of("console", console);
    }
}
