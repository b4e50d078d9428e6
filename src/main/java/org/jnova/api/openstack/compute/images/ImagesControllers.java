package org.jnova.api.openstack.compute.images;

import java.util.Optional;
import org.jnova.api.openstack.compute.ApiRouterV21;
import org.jnova.api.openstack.compute.links.Links;
import org.jnova.compute.ComputeCloud;
import org.jnova.conf.ApiOpts;
import org.jnova.conf.cfg.ConfigOpts;

/** Registers the images proxy API with the router. */
public final class ImagesControllers {
    private ImagesControllers() {
    }

    public static void register(ApiRouterV21.Builder router, ComputeCloud cloud, ConfigOpts conf) {
        router.controller("images", new ImagesController(cloud.imagesApi,
                new ImageView(Links.from(conf), Optional.ofNullable(conf.get(ApiOpts.GLANCE_LINK_PREFIX)))));
    }
}
