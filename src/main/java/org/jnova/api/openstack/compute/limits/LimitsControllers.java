package org.jnova.api.openstack.compute.limits;

import org.jnova.api.openstack.compute.ApiRouterV21;
import org.jnova.compute.ComputeCloud;
import org.jnova.conf.cfg.ConfigOpts;

/** Registers /limits with the router. */
public final class LimitsControllers {
    private LimitsControllers() {
    }

    public static void register(ApiRouterV21.Builder router, ComputeCloud cloud, ConfigOpts conf) {
        router.controller("limits", new LimitsController(cloud.quotas));
    }
}
