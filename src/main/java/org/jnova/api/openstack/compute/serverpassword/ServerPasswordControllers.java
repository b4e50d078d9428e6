package org.jnova.api.openstack.compute.serverpassword;

import org.jnova.api.openstack.compute.ApiRouterV21;
import org.jnova.compute.ComputeCloud;
import org.jnova.conf.cfg.ConfigOpts;

/** Registers os-server-password. */
public final class ServerPasswordControllers {
    private ServerPasswordControllers() {
    }

    public static void register(ApiRouterV21.Builder router, ComputeCloud cloud, ConfigOpts conf) {
        router.controller("server_password", new ServerPasswordController(cloud.servers, cloud.serverPasswords));
    }
}
