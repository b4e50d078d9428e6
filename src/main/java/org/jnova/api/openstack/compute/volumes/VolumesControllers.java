package org.jnova.api.openstack.compute.volumes;

import org.jnova.api.openstack.compute.ApiRouterV21;
import org.jnova.compute.ComputeCloud;
import org.jnova.conf.ApiOpts;
import org.jnova.conf.cfg.ConfigOpts;

/** Registers nova's volumes module: the os-volumes proxy and a server's os-volume_attachments. */
public final class VolumesControllers {
    private VolumesControllers() {
    }

    public static void register(ApiRouterV21.Builder router, ComputeCloud cloud, ConfigOpts conf) {
        Paging paging = new Paging(conf.get(ApiOpts.MAX_LIMIT));
        router.controller("volumes", new VolumesController(cloud.volumes, paging));
        router.controller("server_volume_attachments",
                new VolumeAttachmentsController(cloud.servers, cloud.volumeAttachments, paging));
    }
}
