package org.jnova.api;

/**
 * Names of the request attributes the middleware and the API share, like keys of a WSGI
 * environ ({@code openstack.request_id}, {@code nova.context}).
 */
public final class RequestAttributes {
    /** String: {@code req-<uuid>}, set by the request-id middleware. */
    public static final String REQUEST_ID = "openstack.request_id";
    /** {@link org.jnova.context.RequestContext}, set by the auth middleware. */
    public static final String CONTEXT = "nova.context";
    /** String "X.Y": the microversion the API router served, for the request log. */
    public static final String API_VERSION = "nova.api_version";

    private RequestAttributes() {
    }
}
