package org.jnova.api.auth;

import java.util.Optional;
import org.jnova.api.RequestAttributes;
import org.jnova.context.RequestContext;
import org.jnova.wsgi.App;
import org.jnova.wsgi.Request;
import org.jnova.wsgi.Response;
import org.slf4j.MDC;

/**
 * What the auth middlewares (noauth2, keystone's context) do once they know the caller: the
 * request ids a new {@link RequestContext} takes, and running the rest of the pipeline with that
 * context on the request and "user project" in the log's {@code user_identity}.
 */
public final class CallerContext {
    private static final String USER_IDENTITY = "user_identity";

    private CallerContext() {
    }

    /** The request id the request-id filter gave this request, or a new one when it did not run. */
    public static String requestId(Request request) {
        return request.<String>attribute(RequestAttributes.REQUEST_ID).orElseGet(RequestAttributes::newRequestId);
    }

    /** The caller's global request id, when the request-id filter accepted one. */
    public static Optional<String> globalRequestId(Request request) {
        return request.attribute(RequestAttributes.GLOBAL_REQUEST_ID);
    }

    /**
     * Sets {@code context} on the request and the log's {@code user_identity}, answers with
     * {@code next}, then puts back the {@code user_identity} that was there before.
     */
    public static Response handleAs(RequestContext context, Request request, App next) throws Exception {
        request.setAttribute(RequestAttributes.CONTEXT, context);
        String outer = MDC.get(USER_IDENTITY);
        MDC.put(USER_IDENTITY, context.logIdentity());
        try {
            return next.handle(request);
        } finally {
            if (outer == null) {
                MDC.remove(USER_IDENTITY);
            } else {
                MDC.put(USER_IDENTITY, outer);
            }
        }
    }
}
