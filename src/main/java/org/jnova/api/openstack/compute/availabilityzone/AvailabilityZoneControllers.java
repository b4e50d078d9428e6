package org.jnova.api.openstack.compute.availabilityzone;

import org.jnova.api.openstack.compute.ApiRouterV21;
import org.jnova.compute.ComputeCloud;
import org.jnova.conf.ComputeOpts;
import org.jnova.conf.cfg.ConfigOpts;

/** Registers os-availability-zone. */
public final class AvailabilityZoneControllers {
    private AvailabilityZoneControllers() {
    }

    public static void register(ApiRouterV21.Builder router, ComputeCloud cloud, ConfigOpts conf) {
        router.controller("availability_zone", new AvailabilityZoneController(cloud.servicesApi,
                conf.get(ComputeOpts.INTERNAL_SERVICE_AVAILABILITY_ZONE)));
    }
}
