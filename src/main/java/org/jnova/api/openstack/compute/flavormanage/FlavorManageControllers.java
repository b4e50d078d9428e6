package org.jnova.api.openstack.compute.flavormanage;

import org.jnova.api.openstack.compute.ApiRouterV21;
import org.jnova.compute.ComputeCloud;
import org.jnova.conf.cfg.ConfigOpts;

/** Registers flavor create, update and delete on the flavors resource with the router. */
public final class FlavorManageControllers {
    private FlavorManageControllers() {
    }

    public static void register(ApiRouterV21.Builder router, ComputeCloud cloud, ConfigOpts conf) {
        router.actions("flavors", new FlavorManageController(cloud.flavors,
                new org.jnova.api.openstack.compute.flavors.FlavorView(org.jnova.api.openstack.compute.links.Links.from(conf))));
    }
}
