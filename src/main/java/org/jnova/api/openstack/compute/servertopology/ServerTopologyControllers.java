package org.jnova.api.openstack.compute.servertopology;

import org.jnova.api.openstack.compute.ApiRouterV21;
import org.jnova.compute.ComputeCloud;
import org.jnova.conf.cfg.ConfigOpts;

/** Registers the server topology resource. */
public final class ServerTopologyControllers {
    private ServerTopologyControllers() {
    }

    public static void register(ApiRouterV21.Builder router, ComputeCloud cloud, ConfigOpts conf) {
        router.controller("server_topology", new ServerTopologyController(cloud.servers));
    }
}
