package org.jnova.api.openstack.compute.serverdiagnostics;

import org.jnova.api.openstack.compute.ApiRouterV21;
import org.jnova.compute.ComputeCloud;
import org.jnova.conf.cfg.ConfigOpts;

/** Registers server diagnostics. */
public final class ServerDiagnosticsControllers {
    private ServerDiagnosticsControllers() {
    }

    public static void register(ApiRouterV21.Builder router, ComputeCloud cloud, ConfigOpts conf) {
        router.controller("server_diagnostics", new ServerDiagnosticsController(cloud.servers));
    }
}
