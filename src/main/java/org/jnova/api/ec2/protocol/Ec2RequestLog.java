package org.jnova.api.ec2.protocol;

import java.util.Objects;
import org.jnova.wsgi.App;
import org.jnova.wsgi.Middleware;
import org.jnova.wsgi.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * nova's EC2 {@code RequestLogging} ({@code logrequest}): one line per request with the address,
 * method, path, action, status and time. The query string is not logged: it may hold a signature.
 */
public final class Ec2RequestLog implements Middleware {
    private static final Logger LOG = LoggerFactory.getLogger(Ec2RequestLog.class);

    private final boolean useForwardedFor;

    public Ec2RequestLog(boolean useForwardedFor) {
        this.useForwardedFor = useForwardedFor;
    }

    @Override
    public App wrap(App next) {
        Objects.requireNonNull(next, "next is null");
        return request -> {
            long start = System.nanoTime();
            int status = 500;
            try {
                Response response = next.handle(request);
                status = response.status();
                return response;
            } catch (Ec2Error e) {
                status = e.status();
                throw e;
            } finally {
                if (LOG.isInfoEnabled()) {
                    String address = request.callerAddress(useForwardedFor, "-");
                    String action = request.<Ec2Request>attribute(Ec2Request.ATTRIBUTE).map(Ec2Request::action)
                            .orElse("-");
                    LOG.info("{} \"{} {}\" action: {} status: {} time: {}ms", address, request.method(),
                            request.scriptName() + request.pathInfo(), action, status,
                            (System.nanoTime() - start) / 1_000_000);
                }
            }
        };
    }
}
