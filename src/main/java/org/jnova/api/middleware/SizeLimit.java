package org.jnova.api.middleware;

import java.util.Objects;
import org.jnova.wsgi.App;
import org.jnova.wsgi.Middleware;
import org.jnova.wsgi.Response;
import org.jnova.wsgi.WebobErrorPage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * oslo.middleware's {@code RequestBodySizeLimiter}: a request whose {@code Content-Length}
 * (or, without one, whose body) exceeds {@code [oslo_middleware] max_request_body_size} is
 * refused with 413 and webob's page, before any layer below reads it.
 *
 * <p>The HTTP server enforces the configured limit itself while it reads, so no body larger
 * than it is ever held in memory; this filter still applies a smaller limit given in its own
 * paste section. Both answer with the pages built here.
 */
public final class SizeLimit implements Middleware {
    private static final Logger LOG = LoggerFactory.getLogger(SizeLimit.class);
    private static final String TITLE = "Request Entity Too Large";

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
                return declaredTooLarge(accept, maxBodySize);
            }
            if (declared == null && request.body().length > maxBodySize) {
                return streamedTooLarge(accept, maxBodySize);
            }
            return next.handle(request);
        };
    }

    /** The answer to a declared {@code Content-Length} over the limit (oslo's own check). */
    public static Response declaredTooLarge(String accept, long maxBodySize) {
        String message = "Request is too large. Larger than max_request_body_size (" + maxBodySize + ").";
        LOG.info(message);
        return WebobErrorPage.response(accept, 413, TITLE, message, "");
    }

    /** The answer to a body without a length that grew past the limit (oslo's limiting reader). */
    public static Response streamedTooLarge(String accept, long maxBodySize) {
        String message = "Request is too large. Larger than " + maxBodySize + ".";
        LOG.info(message);
        return WebobErrorPage.response(accept, 413, TITLE, message, "");
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
