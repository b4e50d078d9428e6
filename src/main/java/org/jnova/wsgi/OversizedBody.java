package org.jnova.wsgi;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * oslo.middleware's 413 answers for a body over {@code max_request_body_size}, as webob's
 * page: given by the HTTP server while it reads and by the size-limit filter.
 */
public final class OversizedBody {
    private static final Logger LOG = LoggerFactory.getLogger(OversizedBody.class);
    private static final String TITLE = "Request Entity Too Large";

    private OversizedBody() {
    }

    /** The answer to a declared {@code Content-Length} over the limit (oslo's own check). */
    public static Response declared(String accept, long maxBodySize) {
        String message = "Request is too large. Larger than max_request_body_size (" + maxBodySize + ").";
        LOG.info(message);
        return WebobErrorPage.response(accept, 413, TITLE, message, "");
    }

    /** The answer to a body without a length that grew past the limit (oslo's limiting reader). */
    public static Response streamed(String accept, long maxBodySize) {
        String message = "Request is too large. Larger than " + maxBodySize + ".";
        LOG.info(message);
        return WebobErrorPage.response(accept, 413, TITLE, message, "");
    }
}
