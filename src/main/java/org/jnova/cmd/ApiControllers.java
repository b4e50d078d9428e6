package org.jnova.cmd;

import org.jnova.api.openstack.compute.ApiRouterV21;
import org.jnova.compute.ComputeCloud;
import org.jnova.conf.cfg.ConfigOpts;

/**
 * Registers every API resource's controllers with the router: nova's {@code routes.py}
 * controller list. Each resource package offers one {@code register} call.
 */
final class ApiControllers {
    private ApiControllers() {
    }

    static void register(ApiRouterV21.Builder router, ComputeCloud cloud, ConfigOpts conf) {
        // resource packages register here
    }
}
