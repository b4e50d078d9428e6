package org.jnova.api.openstack.compute.keypairs;

import org.jnova.api.openstack.compute.ApiRouterV21;
import org.jnova.api.openstack.compute.links.Links;
import org.jnova.compute.ComputeCloud;
import org.jnova.conf.cfg.ConfigOpts;

/** Registers os-keypairs with the router. */
public final class KeypairsControllers {
    private KeypairsControllers() {
    }

    public static void register(ApiRouterV21.Builder router, ComputeCloud cloud, ConfigOpts conf) {
        router.controller("keypairs", new KeypairsController(cloud.keyPairs, Links.from(conf)));
    }
}
