package org.jnova.api.openstack.compute.flavoraccess;

import org.jnova.api.openstack.compute.ApiRouterV21;
import org.jnova.compute.ComputeCloud;
import org.jnova.conf.cfg.ConfigOpts;

/** Registers os-flavor-access and the flavor access actions with the router. */
public final class FlavorAccessControllers {
    private FlavorAccessControllers() {
    }

    public static void register(ApiRouterV21.Builder router, ComputeCloud cloud, ConfigOpts conf) {
        router.controller("flavor_access", new FlavorAccessController(cloud.flavors));
        router.actions("flavors", new FlavorActionController(cloud.flavors));
    }
}
