package org.jnova.api.openstack.compute.services;

import org.jnova.api.openstack.compute.ApiRouterV21;
import org.jnova.compute.ComputeCloud;
import org.jnova.conf.cfg.ConfigOpts;

/** Registers os-services. */
public final class ServicesControllers {
    private ServicesControllers() {
    }

    public static void register(ApiRouterV21.Builder router, ComputeCloud cloud, ConfigOpts conf) {
        router.controller("services", new ServicesController(cloud.servicesApi, cloud.aggregates));
    }
}
