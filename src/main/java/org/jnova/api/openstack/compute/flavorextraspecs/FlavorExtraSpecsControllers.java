package org.jnova.api.openstack.compute.flavorextraspecs;

import org.jnova.api.openstack.compute.ApiRouterV21;
import org.jnova.compute.ComputeCloud;
import org.jnova.conf.cfg.ConfigOpts;
import org.jnova.utils.JsonMappers;

/** Registers os-extra_specs with the router. */
public final class FlavorExtraSpecsControllers {
    private FlavorExtraSpecsControllers() {
    }

    public static void register(ApiRouterV21.Builder router, ComputeCloud cloud, ConfigOpts conf) {
        router.controller("flavor_extraspec", new FlavorExtraSpecsController(cloud.flavors,
                ExtraSpecValidator.load(JsonMappers.standard())));
    }
}
