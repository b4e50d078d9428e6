package org.jnova.image;

import org.jnova.exception.Forbidden;

/** nova's ImageNotAuthorized (glance answered 403): "Not authorized for image %(image_id)s." */
public final class ImageNotAuthorized extends Forbidden {
    public ImageNotAuthorized(String imageId) {
        super("Not authorized for image " + imageId + ".");
    }
}
