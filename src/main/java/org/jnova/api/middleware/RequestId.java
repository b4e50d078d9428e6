package org.jnova.api.middleware;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jnova.api.RequestAttributes;
import org.jnova.wsgi.App;
import org.jnova.wsgi.Middleware;
import org.jnova.wsgi.Response;
import org.slf4j.MDC;

/**
 * oslo.middleware's request id filter: gives each request a fresh {@code req-<uuid>} (request
 * attribute {@link RequestAttributes#REQUEST_ID}, MDC {@code request_id}) and returns it in
 * {@code X-Openstack-Request-Id} on every response that reaches it, errors included. A
 * well-formed {@code X-OpenStack-Request-ID} from the caller becomes the global request id
 * ({@link #GLOBAL_REQUEST_ID}, MDC {@code global_request_id}); anything else there is ignored.
 * nova's {@code compute_req_id} filter ({@link #compute()}) also sends {@code X-Compute-Request-Id}.
 */
public final class RequestId implements Middleware {
    /** Request attribute: the caller's request id, when well formed ({@code openstack.global_request_id}). */
    public static final String GLOBAL_REQUEST_ID = RequestAttributes.GLOBAL_REQUEST_ID;
    /** The response header, spelt as nova's server writes it. */
    public static final String RESPONSE_HEADER = "X-Openstack-Request-Id";
    public static final String COMPUTE_RESPONSE_HEADER = "X-Compute-Request-Id";

    private static final String INBOUND_HEADER = "X-OpenStack-Request-ID";
    private static final Pattern ID_FORMAT =
            Pattern.compile("^req-[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}$");

    private final List<String> responseHeaders;

    private RequestId(List<String> responseHeaders) {
        this.responseHeaders = List.copyOf(responseHeaders);
    }

    /** oslo.middleware's filter: {@code X-Openstack-Request-Id} only. */
    public static RequestId plain() {
        return new RequestId(List.of(RESPONSE_HEADER));
    }

    /** nova's {@code ComputeReqIdMiddleware}: also {@code X-Compute-Request-Id}. */
    public static RequestId compute() {
        return new RequestId(List.of(RESPONSE_HEADER, COMPUTE_RESPONSE_HEADER));
    }

    /** A new {@code req-<uuid>} ({@link RequestAttributes#newRequestId()}). */
    public static String newRequestId() {
        return RequestAttributes.newRequestId();
    }

    @Override
    public App wrap(App next) {
        Objects.requireNonNull(next, "next is null");
        return request -> {
            String inbound = request.headers().first(INBOUND_HEADER).orElse("");
            boolean global = ID_FORMAT.matcher(inbound).matches();
            if (global) {
                request.setAttribute(GLOBAL_REQUEST_ID, inbound);
            }
            String requestId = newRequestId();
            request.setAttribute(RequestAttributes.REQUEST_ID, requestId);
            String outerRequestId = MDC.get("request_id");
            String outerGlobal = MDC.get("global_request_id");
            MDC.put("request_id", requestId);
            if (global) {
                MDC.put("global_request_id", inbound);
            }
            try {
                Response response = next.handle(request);
                for (String header : responseHeaders) {
                    if (!response.headers().contains(header)) {
                        response.headers().add(header, requestId);
                    }
                }
                return response;
            } finally {
                restore("request_id", outerRequestId);
                restore("global_request_id", outerGlobal);
            }
        };
    }

    private static void restore(String key, String value) {
        if (value == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, value);
        }
    }
}
