package org.jnova.api.openstack.compute.simpletenantusage;

import java.time.Clock;
import org.jnova.api.openstack.compute.ApiRouterV21;
import org.jnova.api.openstack.compute.links.Links;
import org.jnova.compute.ComputeCloud;
import org.jnova.conf.cfg.ConfigOpts;

/** Registers os-simple-tenant-usage. */
public final class SimpleTenantUsageControllers {
    private SimpleTenantUsageControllers() {
    }

    public static void register(ApiRouterV21.Builder router, ComputeCloud cloud, ConfigOpts conf) {
        router.controller("simple_tenant_usage", new SimpleTenantUsageController(cloud.usage,
                Links.from(conf), Clock.systemUTC()));
    }
}
