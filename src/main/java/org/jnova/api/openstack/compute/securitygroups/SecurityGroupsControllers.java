package org.jnova.api.openstack.compute.securitygroups;

import org.jnova.api.openstack.compute.ApiRouterV21;
import org.jnova.compute.ComputeCloud;
import org.jnova.conf.cfg.ConfigOpts;

/** Registers a server's security groups (GET /servers/{server_id}/os-security-groups). */
public final class SecurityGroupsControllers {
    private SecurityGroupsControllers() {
    }

    public static void register(ApiRouterV21.Builder router, ComputeCloud cloud, ConfigOpts conf) {
        router.controller("server_security_groups", new ServerSecurityGroupsController(cloud.servers,
                cloud.serverSecurityGroups));
    }
}
