package org.jnova.api.middleware;

import java.util.Objects;
import org.jnova.paste.HtmlErrorPage;
import org.jnova.wsgi.App;
import org.jnova.wsgi.Middleware;
import org.jnova.wsgi.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * oslo.middleware's {@code RequestBodySizeLimiter}: a request whose {@code Content-Length}
 * (or, without one, whose body) exceeds {@code [oslo_middleware] max_request_body_size} is
 * refused with 413 and webob's HTML page, before any layer below reads it.
 */
public final class SizeLimit implements Middleware {
    private static final Logger LOG = LoggerFactory.getLogger(SizeLimit.class);

    private final long maxBodySize;

    public SizeLimit(long maxBodySize) {
        this.maxBodySize = maxBodySize;
    }

    @Override
    public App wrap(App next) {
        Objects.requireNonNull(next, "next is null");
        return request -> {
            Long declared = contentLength(request.headers().first("Content-Length").orElse(null));
            if (declared != null && declared > maxBodySize) {
                return tooLarge("Request is too large. Larger than max_request_body_size (" + maxBodySize + ").");
            }
            if (declared == null && request.body().length > maxBodySize) {
                return tooLarge("Request is too large. Larger than " + maxBodySize + ".");
            }
            return next.handle(request);
        };
    }

    private static Response tooLarge(String message) {
        LOG.info(message);
        return HtmlErrorPage.response(413, "Request Entity Too Large", message);
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
