package org.jnova.image;

import org.jnova.exception.NovaException;

/**
 * nova's GlanceConnectionFailed: "Connection to glance host %(server)s failed: %(reason)s".
 * Answers 503: the image service, not the request, is at fault.
 */
public final class GlanceConnectionFailed extends NovaException {
    public GlanceConnectionFailed(String server, String reason) {
        super(503, "Connection to glance host " + server + " failed: " + reason);
    }
}
