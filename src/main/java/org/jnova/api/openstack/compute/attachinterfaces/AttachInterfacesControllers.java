package org.jnova.api.openstack.compute.attachinterfaces;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.jnova.api.openstack.compute.ApiRouterV21;
import org.jnova.compute.ComputeCloud;
import org.jnova.conf.ComputeOpts;
import org.jnova.conf.ServiceQuotaOpts;
import org.jnova.conf.cfg.ConfigOpts;
import org.jnova.network.InterfaceAttachmentsApi;

/** Registers os-interface (server_os_interface) with the router. */
public final class AttachInterfacesControllers {
    private AttachInterfacesControllers() {
    }

    public static void register(ApiRouterV21.Builder router, ComputeCloud cloud, ConfigOpts conf) {
        String label = conf.get(ComputeOpts.NETWORK_NAME);
        // the built-in network's id, as servers' "networks" accept it
        String networkId = UUID.nameUUIDFromBytes(("jnova-network:" + label).getBytes(StandardCharsets.UTF_8))
                .toString();
        InterfaceAttachmentsApi api = new InterfaceAttachmentsApi(cloud.mainDatabase(), cloud.actions,
                conf.get(ComputeOpts.FIXED_RANGE), label, networkId, conf.get(ServiceQuotaOpts.PORTS));
        router.controller("server_os_interface", new InterfaceAttachmentController(cloud.servers, api, label));
    }
}
