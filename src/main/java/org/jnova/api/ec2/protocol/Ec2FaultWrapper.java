package org.jnova.api.ec2.protocol;

import java.util.Objects;
import org.jnova.api.RequestAttributes;
import org.jnova.wsgi.App;
import org.jnova.wsgi.Middleware;
import org.jnova.wsgi.Request;
import org.jnova.wsgi.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * nova's EC2 {@code FaultWrapper} ({@code ec2faultwrap}), first in the pipeline: gives the
 * request its id, turns an {@link Ec2Error} raised anywhere behind it into EC2's error envelope
 * with its status, and anything else into a logged 500 {@code InternalError} that shows no detail.
 */
public final class Ec2FaultWrapper implements Middleware {
    private static final Logger LOG = LoggerFactory.getLogger(Ec2FaultWrapper.class);

    @Override
    public App wrap(App next) {
        Objects.requireNonNull(next, "next is null");
        return request -> {
            String requestId = request.<String>attribute(RequestAttributes.REQUEST_ID).orElseGet(() -> {
                String id = RequestAttributes.newRequestId();
                request.setAttribute(RequestAttributes.REQUEST_ID, id);
                return id;
            });
            try {
                return next.handle(request);
            } catch (Ec2Error e) {
                return error(e, requestId);
            } catch (RuntimeException e) {
                LOG.error("Unexpected error in EC2 request {}", requestId, e);
                return error(new Ec2Error(500, "InternalError",
                        "An unknown error has occurred. Please try your request again."), requestId);
            }
        };
    }

    /** The error envelope of {@code error} for request {@code requestId}. */
    public static Response error(Ec2Error error, String requestId) {
        Response response = new Response(error.status(), Ec2Xml.error(error.code(), error.getMessage(), requestId));
        response.headers().set("Content-Type", Ec2Xml.CONTENT_TYPE);
        return response;
    }

    /** The request id {@code ec2faultwrap} gave the request. */
    public static String requestId(Request request) {
        return request.<String>attribute(RequestAttributes.REQUEST_ID).orElse("");
    }
}
