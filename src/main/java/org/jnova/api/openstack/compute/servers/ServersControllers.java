package org.jnova.api.openstack.compute.servers;

import org.jnova.api.openstack.compute.ApiRouterV21;
import org.jnova.api.openstack.compute.servermetadata.ServerMetadataController;
import org.jnova.api.openstack.compute.servertags.ServerTagsController;
import org.jnova.compute.ComputeCloud;
import org.jnova.conf.ApiOpts;
import org.jnova.conf.ComputeOpts;
import org.jnova.conf.ServersOpts;
import org.jnova.conf.cfg.ConfigOpts;

/** Registers servers, server_metadata and server_tags with the router. */
public final class ServersControllers {
    private ServersControllers() {
    }

    public static void register(ApiRouterV21.Builder router, ComputeCloud cloud, ConfigOpts conf) {
        ServersController.Settings settings = new ServersController.Settings(conf.get(ApiOpts.MAX_LIMIT),
                conf.get(ApiOpts.ENABLE_INSTANCE_PASSWORD), conf.get(ServersOpts.PASSWORD_LENGTH),
                conf.get(ComputeOpts.NETWORK_NAME), conf.get(ComputeOpts.DEFAULT_SCHEDULE_ZONE));
        router.controller("servers", new ServersController(cloud, settings))
                .actions("servers", new ServerActionsController(cloud.servers))
                .controller("server_metadata", new ServerMetadataController(cloud.servers, cloud.serverMetadata))
                .controller("server_tags", new ServerTagsController(cloud.servers, cloud.serverMetadata));
    }
}
