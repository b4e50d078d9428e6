package org.jnova.api;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Names of the request attributes the middleware and the API share, like keys of a WSGI
 * environ ({@code openstack.request_id}, {@code nova.context}).
 */
public final class RequestAttributes {
    /** String: {@code req-<uuid>}, set by the request-id middleware. */
    public static final String REQUEST_ID = "openstack.request_id";
    /** String: the caller's request id, when well formed ({@code openstack.global_request_id}). */
    public static final String GLOBAL_REQUEST_ID = "openstack.global_request_id";
    /** {@link org.jnova.context.RequestContext}, set by the auth middleware. */
    public static final String CONTEXT = "nova.context";
    /** String "X.Y": the microversion the API router served, for the request log. */
    public static final String API_VERSION = "nova.api_version";

    private RequestAttributes() {
    }

    /**
     * A new {@code req-<uuid>}: a version 4 UUID from a thread-local generator, since a
     * request id needs to be unique, not unguessable, and the secure generator serialises
     * every request on one lock.
     */
    public static String newRequestId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xf000L) | 0x4000L;
        long low = (random.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
        return "req-" + new UUID(high, low);
    }
}
