package org.jnova.api.middleware;

import java.util.Objects;
import org.jnova.api.RequestAttributes;
import org.jnova.wsgi.App;
import org.jnova.wsgi.Middleware;
import org.jnova.wsgi.Request;
import org.jnova.wsgi.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One INFO line per request, in nova's request-log format:
 * {@code <addr> "<METHOD> <path?query>" status: <code> len: <bytes> microversion: <X.Y> time: <seconds>}.
 * The microversion is the one the API router served ({@link RequestAttributes#API_VERSION}),
 * {@code -} when none; a request that fails with an exception is logged as status 500.
 * With {@code [api] use_forwarded_for} the address comes from {@code X-Forwarded-For}.
 */
public final class RequestLog implements Middleware {
    private static final Logger LOG = LoggerFactory.getLogger(RequestLog.class);

    private final boolean useForwardedFor;

    public RequestLog(boolean useForwardedFor) {
        this.useForwardedFor = useForwardedFor;
    }

    @Override
    public App wrap(App next) {
        Objects.requireNonNull(next, "next is null");
        return request -> {
            long start = System.nanoTime();
            Response response = null;
            try {
                response = next.handle(request);
                return response;
            } finally {
                log(request, response, start);
            }
        };
    }

    /** Seconds with six decimals, as Python's {@code "%.6f"} (rounded to the microsecond). */
    static String seconds(long nanos) {
        long micros = (Math.max(0, nanos) + 500) / 1000;
        String fraction = Long.toString(1_000_000 + micros % 1_000_000).substring(1);
        return micros / 1_000_000 + "." + fraction;
    }

    private void log(Request request, Response response, long start) {
        if (!LOG.isInfoEnabled()) {
            return;
        }
        String address = request.callerAddress(useForwardedFor, "-");
        String uri = request.scriptName() + request.pathInfo();
        if (!request.queryString().isEmpty()) {
            uri += "?" + request.queryString();
        }
        String status = response == null ? "500" : String.valueOf(response.status());
        long length = response == null ? 0 : response.bodyLength();
        String microversion = request.<String>attribute(RequestAttributes.API_VERSION).orElse("-");
        LOG.info("{} \"{} {}\" status: {} len: {} microversion: {} time: {}", address, request.method(), uri, status,
                length, microversion, seconds(System.nanoTime() - start));
    }
}
