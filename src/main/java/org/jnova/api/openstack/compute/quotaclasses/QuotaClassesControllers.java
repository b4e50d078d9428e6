package org.jnova.api.openstack.compute.quotaclasses;

import org.jnova.api.openstack.compute.ApiRouterV21;
import org.jnova.compute.ComputeCloud;
import org.jnova.conf.cfg.ConfigOpts;

/** Registers os-quota-class-sets with the router. */
public final class QuotaClassesControllers {
    private QuotaClassesControllers() {
    }

    public static void register(ApiRouterV21.Builder router, ComputeCloud cloud, ConfigOpts conf) {
        router.controller("quota_classes", new QuotaClassesController(cloud.quotas));
    }
}
