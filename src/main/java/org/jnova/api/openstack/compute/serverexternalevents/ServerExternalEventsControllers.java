package org.jnova.api.openstack.compute.serverexternalevents;

import org.jnova.api.openstack.compute.ApiRouterV21;
import org.jnova.compute.ComputeCloud;
import org.jnova.conf.cfg.ConfigOpts;

/** Registers os-server-external-events. */
public final class ServerExternalEventsControllers {
    private ServerExternalEventsControllers() {
    }

    public static void register(ApiRouterV21.Builder router, ComputeCloud cloud, ConfigOpts conf) {
        router.controller("server_external_events", new ServerExternalEventsController(cloud));
    }
}
