package org.jnova.api.openstack.compute.hypervisors;

import org.jnova.api.openstack.compute.ApiRouterV21;
import org.jnova.compute.ComputeCloud;
import org.jnova.api.openstack.compute.links.Links;
import org.jnova.conf.cfg.ConfigOpts;

/** Registers os-hypervisors. */
public final class HypervisorsControllers {
    private HypervisorsControllers() {
    }

    public static void register(ApiRouterV21.Builder router, ComputeCloud cloud, ConfigOpts conf) {
        router.controller("hypervisors", new HypervisorsController(cloud.servicesApi, Links.from(conf),
                HostReserved.from(conf)));
    }
}
