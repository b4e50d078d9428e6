package org.jnova.api.openstack.compute.quotasets;

import org.jnova.api.openstack.compute.ApiRouterV21;
import org.jnova.compute.ComputeCloud;
import org.jnova.conf.cfg.ConfigOpts;

/** Registers os-quota-sets with the router. */
public final class QuotaSetsControllers {
    private QuotaSetsControllers() {
    }

    public static void register(ApiRouterV21.Builder router, ComputeCloud cloud, ConfigOpts conf) {
        router.controller("quota_set", new QuotaSetsController(cloud.quotas));
    }
}
