package org.jnova.api.openstack.compute.remoteconsoles;

import org.jnova.api.openstack.compute.ApiRouterV21;
import org.jnova.api.openstack.compute.consoleauthtokens.ConsoleAuthTokensController;
import org.jnova.compute.ComputeCloud;
import org.jnova.conf.ConsoleOpts;
import org.jnova.conf.cfg.ConfigOpts;
import org.jnova.console.ConsolesApi;

/** Registers remote-consoles, the legacy console actions and os-console-auth-tokens. */
public final class RemoteConsolesControllers {
    private RemoteConsolesControllers() {
    }

    public static void register(ApiRouterV21.Builder router, ComputeCloud cloud, ConfigOpts conf) {
        ConsolesApi consoles = new ConsolesApi(cloud.consoleTokens(),
                new ConsolesApi.Settings(conf.get(ConsoleOpts.VNC_ENABLED), conf.get(ConsoleOpts.NOVNCPROXY_BASE_URL),
                        conf.get(ConsoleOpts.SPICE_ENABLED), conf.get(ConsoleOpts.HTML5PROXY_BASE_URL),
                        conf.get(ConsoleOpts.SERIAL_ENABLED), conf.get(ConsoleOpts.SERIAL_BASE_URL),
                        conf.get(ConsoleOpts.MKS_ENABLED), conf.get(ConsoleOpts.MKSPROXY_BASE_URL),
                        conf.get(ConsoleOpts.TOKEN_TTL)));
        router.controller("server_remote_consoles", new RemoteConsolesController(cloud.servers, consoles))
                .actions("servers", new RemoteConsoleActionsController(cloud.servers, consoles))
                .controller("console_auth_tokens", new ConsoleAuthTokensController(consoles));
    }
}
