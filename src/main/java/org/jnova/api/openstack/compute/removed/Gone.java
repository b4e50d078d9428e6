package org.jnova.api.openstack.compute.removed;

import org.jnova.exception.NovaException;

/** The answer of an API nova removed: 410 with webob's HTTPGone explanation, as nova's fault renders it. */
public final class Gone {
    /** webob's text, two spaces included. */
    public static final String MESSAGE = "This resource is no longer available.  No forwarding address is given.";

    private Gone() {
    }

    public static NovaException error() {
        return new NovaException(410, MESSAGE);
    }
}
