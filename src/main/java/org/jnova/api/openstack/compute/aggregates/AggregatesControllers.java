package org.jnova.api.openstack.compute.aggregates;

import org.jnova.api.openstack.compute.ApiRouterV21;
import org.jnova.compute.ComputeCloud;
import org.jnova.conf.cfg.ConfigOpts;

/** Registers os-aggregates. */
public final class AggregatesControllers {
    private AggregatesControllers() {
    }

    public static void register(ApiRouterV21.Builder router, ComputeCloud cloud, ConfigOpts conf) {
        router.controller("aggregates", new AggregatesController(cloud.aggregates));
    }
}
