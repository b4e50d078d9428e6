package org.jnova.api.openstack.compute.migrations;

import org.jnova.api.openstack.compute.ApiRouterV21;
import org.jnova.compute.ComputeCloud;
import org.jnova.conf.cfg.ConfigOpts;

/** Registers os-migrations. */
public final class MigrationsControllers {
    private MigrationsControllers() {
    }

    public static void register(ApiRouterV21.Builder router, ComputeCloud cloud, ConfigOpts conf) {
        router.controller("migrations", new MigrationsController(cloud.migrationsApi,
                org.jnova.api.openstack.compute.links.Links.from(conf)));
    }
}
