package org.jnova.api.openstack.compute.instanceactions;

import org.jnova.api.openstack.compute.ApiRouterV21;
import org.jnova.compute.ComputeCloud;
import org.jnova.conf.ApiOpts;
import org.jnova.conf.cfg.ConfigOpts;

/** Registers a server's instance actions with the router. */
public final class InstanceActionsControllers {
    private InstanceActionsControllers() {
    }

    public static void register(ApiRouterV21.Builder router, ComputeCloud cloud, ConfigOpts conf) {
        router.controller("instance_actions", new InstanceActionsController(cloud.servers, cloud.instanceActions,
                conf.get(ApiOpts.MAX_LIMIT)));
    }
}
