package org.jnova.api.openstack.compute.ips;

import org.jnova.api.openstack.compute.ApiRouterV21;
import org.jnova.compute.ComputeCloud;
import org.jnova.conf.cfg.ConfigOpts;

/** Registers a server's ips with the router. */
public final class IpsControllers {
    private IpsControllers() {
    }

    public static void register(ApiRouterV21.Builder router, ComputeCloud cloud, ConfigOpts conf) {
        router.controller("ips", new IpsController(cloud.servers));
    }
}
