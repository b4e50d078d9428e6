package org.jnova.api.openstack.compute.servergroups;

import org.jnova.api.openstack.compute.ApiRouterV21;
import org.jnova.compute.ComputeCloud;
import org.jnova.conf.ApiOpts;
import org.jnova.conf.QuotaOpts;
import org.jnova.conf.cfg.ConfigOpts;

/** Registers os-server-groups. */
public final class ServerGroupsControllers {
    private ServerGroupsControllers() {
    }

    public static void register(ApiRouterV21.Builder router, ComputeCloud cloud, ConfigOpts conf) {
        router.controller("server_groups", new ServerGroupsController(cloud.serverGroupsApi, cloud.quotas,
                conf.get(ApiOpts.MAX_LIMIT), conf.get(QuotaOpts.RECHECK_QUOTA)));
    }
}
