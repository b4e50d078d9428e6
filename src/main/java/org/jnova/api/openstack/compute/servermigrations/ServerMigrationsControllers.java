package org.jnova.api.openstack.compute.servermigrations;

import org.jnova.api.openstack.compute.ApiRouterV21;
import org.jnova.compute.ComputeCloud;
import org.jnova.conf.cfg.ConfigOpts;

/** Registers /servers/{server_id}/migrations. */
public final class ServerMigrationsControllers {
    private ServerMigrationsControllers() {
    }

    public static void register(ApiRouterV21.Builder router, ComputeCloud cloud, ConfigOpts conf) {
        router.controller("server_migrations", new ServerMigrationsController(cloud));
    }
}
