package org.jnova.api.middleware;

import java.util.Objects;
import org.jnova.api.RequestAttributes;
import org.jnova.api.fault.Faults;
import org.jnova.exception.NovaException;
import org.jnova.wsgi.App;
import org.jnova.wsgi.Middleware;
import org.jnova.wsgi.Request;
import org.jnova.wsgi.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last line of defence, nova's {@code FaultWrapper}: an exception that escapes the
 * layers below becomes a nova fault body instead of a broken connection. A
 * {@link NovaException} answers with its own status and message (jnova's exceptions carry
 * messages meant for the caller); anything else is a 500 {@code computeFault} with nova's
 * "Unexpected API Error" text naming only the exception's class. The stack trace goes to the
 * log with the request id, never to the client.
 */
public final class FaultWrapper implements Middleware {
    private static final Logger LOG = LoggerFactory.getLogger(FaultWrapper.class);

    /** nova's text for an error nobody expected; the exception's class name follows on a new line. */
    public static final String UNEXPECTED_ERROR = "Unexpected API Error. Please report this at "
            + "http://bugs.launchpad.net/nova/ and attach the Nova API log if possible.";

    @Override
    public App wrap(App next) {
        Objects.requireNonNull(next, "next is null");
        return request -> {
            try {
                return next.handle(request);
            } catch (NovaException e) {
                return fault(request, e, e.code(), e.getMessage());
            } catch (Exception e) {
                return fault(request, e, 500, UNEXPECTED_ERROR + "\n<class '" + e.getClass().getSimpleName() + "'>");
            }
        };
    }

    private static Response fault(Request request, Exception error, int status, String message) {
        String requestId = request.<String>attribute(RequestAttributes.REQUEST_ID).orElse("-");
        if (status >= 500) {
            LOG.error("Caught error on request {}: {}", requestId, error.toString(), error);
        } else {
            LOG.info("Caught error on request {}: {}", requestId, error.toString());
        }
        LOG.info("{} returned with HTTP {}", request.applicationUrl() + request.pathInfo(), status);
        return Faults.response(status, message == null ? "" : message);
    }
}
