package org.jnova.paste;

import java.util.List;
import org.jnova.api.RequestAttributes;
import org.jnova.wsgi.Request;

/**
 * A copy of a request with a different scheme, host, script name, path or remote address,
 * for the layers that rewrite what WSGI middleware would change in place in the environ
 * (the URL map, the proxy-header filter). {@link Request} keeps those fields final, so the
 * copy carries over the attributes the project knows by name, and {@link #copyBack} returns
 * what the inner layers set to the outer request (the request log reads the microversion).
 */
public final class RequestCopy {
    /** Every request attribute name the middleware and API share. */
    public static final List<String> KNOWN_ATTRIBUTES = List.of(
            RequestAttributes.REQUEST_ID,
            RequestAttributes.CONTEXT,
            RequestAttributes.API_VERSION,
            "openstack.global_request_id",
            "nova.best_content_type",
            "openstack.legacy_v2");

    private RequestCopy() {
    }

    public static Request with(Request request, String scheme, String host, String scriptName, String pathInfo,
            String remoteAddr) {
        Request copy = new Request(request.method(), scheme, host, scriptName, pathInfo, request.queryString(),
                request.headers(), request.body(), request.streamedBody(), remoteAddr);
        copyAttributes(request, copy);
        return copy;
    }

    /** Same request, another script name and path. */
    public static Request withPath(Request request, String scriptName, String pathInfo) {
        return with(request, request.scheme(), request.host(), scriptName, pathInfo, request.remoteAddr());
    }

    /** Copies the known attributes the inner request has onto the outer one. */
    public static void copyBack(Request inner, Request outer) {
        copyAttributes(inner, outer);
    }

    private static void copyAttributes(Request from, Request to) {
        for (String name : KNOWN_ATTRIBUTES) {
            from.attribute(name).ifPresent(value -> to.setAttribute(name, value));
        }
    }
}
