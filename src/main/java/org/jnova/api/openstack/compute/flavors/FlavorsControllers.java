package org.jnova.api.openstack.compute.flavors;

import org.jnova.api.openstack.compute.ApiRouterV21;
import org.jnova.compute.ComputeCloud;
import org.jnova.conf.cfg.ConfigOpts;

/** Registers nova's flavors controller (GET /flavors, /flavors/detail, /flavors/{id}) with the router. */
public final class FlavorsControllers {
    private FlavorsControllers() {
    }

    public static void register(ApiRouterV21.Builder router, ComputeCloud cloud, ConfigOpts conf) {
        router.controller("flavors", new FlavorsController(cloud.flavors, new FlavorView(org.jnova.api.openstack.compute.links.Links.from(conf))));
    }
}
