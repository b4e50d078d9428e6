package org.jnova.api.openstack.compute.hosts;

import org.jnova.api.openstack.compute.ApiRouterV21;
import org.jnova.compute.ComputeCloud;
import org.jnova.conf.cfg.ConfigOpts;

/** Registers os-hosts. */
public final class HostsControllers {
    private HostsControllers() {
    }

    public static void register(ApiRouterV21.Builder router, ComputeCloud cloud, ConfigOpts conf) {
        router.controller("hosts", new HostsController(cloud.servicesApi,
                org.jnova.api.openstack.compute.hypervisors.HostReserved.from(conf)));
    }
}
