package org.jnova.api.middleware;

import java.util.Objects;
import org.jnova.wsgi.App;
import org.jnova.wsgi.OversizedBody;
import org.jnova.wsgi.Middleware;

/**
 * oslo.middleware's {@code RequestBodySizeLimiter}: a request whose {@code Content-Length}
 * (or, without one, whose body) exceeds {@code [oslo_middleware] max_request_body_size} is
 * refused with 413 and webob's page, before any layer below reads it.
 *
 * <p>The HTTP server enforces the configured limit itself while it reads, so no body larger
 * than it is ever held in memory; this filter still applies a smaller limit given in its own
 * paste section. Both answer with {@link OversizedBody}'s pages.
 */
public final class SizeLimit implements Middleware {
    private final long maxBodySize;

    public SizeLimit(long maxBodySize) {
        this.maxBodySize = maxBodySize;
    }

    @Override
    public App wrap(App next) {
        Objects.requireNonNull(next, "next is null");
        return request -> {
            Long declared = contentLength(request.headers().first("Content-Length").orElse(null));
            String accept = request.headers().first("Accept").orElse("");
            if (declared != null && declared > maxBodySize) {
                return OversizedBody.declared(accept, maxBodySize);
            }
            if (declared == null && request.body().length > maxBodySize) {
                return OversizedBody.streamed(accept, maxBodySize);
            }
            return next.handle(request);
        };
    }

    private static Long contentLength(String header) {
        if (header == null) {
            return null;
        }
        try {
            return Long.valueOf(header.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
