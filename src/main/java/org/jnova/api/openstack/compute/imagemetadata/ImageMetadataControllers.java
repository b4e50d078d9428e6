package org.jnova.api.openstack.compute.imagemetadata;

import org.jnova.api.openstack.compute.ApiRouterV21;
import org.jnova.compute.ComputeCloud;
import org.jnova.conf.cfg.ConfigOpts;

/** Registers image metadata with the router. */
public final class ImageMetadataControllers {
    private ImageMetadataControllers() {
    }

    public static void register(ApiRouterV21.Builder router, ComputeCloud cloud, ConfigOpts conf) {
        router.controller("image_metadata", new ImageMetadataController(cloud.imagesApi, cloud.quotas));
    }
}
