package org.jnova.api.middleware;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jnova.wsgi.App;
import org.jnova.wsgi.Headers;
import org.jnova.wsgi.Middleware;
import org.jnova.wsgi.Request;
import org.jnova.wsgi.Response;

/**
 * oslo.middleware's CORS filter. Every request goes to the application first; then, for an
 * {@code Origin} in {@code [cors] allowed_origin} (or {@code *}):
 * <ul>
 * <li>a preflight {@code OPTIONS} gets {@code Access-Control-Allow-Origin}, {@code -Credentials},
 * {@code -Max-Age}, {@code -Allow-Methods} and {@code -Allow-Headers} when the requested method
 * and headers are permitted (a non-2xx answer from the application becomes an empty 200);</li>
 * <li>any other request gets {@code Access-Control-Allow-Origin}, {@code -Credentials} and
 * {@code -Expose-Headers}, and {@code Origin} in {@code Vary}.</li>
 * </ul>
 * Without an allowed origin the filter changes nothing.
 */
public final class Cors implements Middleware {
    private static final List<String> SIMPLE_HEADERS = List.of("Accept", "Accept-Language", "Content-Type",
            "Cache-Control", "Content-Language", "Expires", "Last-Modified", "Pragma");

    /** What one origin is allowed, from the {@code [cors]} options. */
    public record Policy(boolean allowCredentials, List<String> exposeHeaders, Integer maxAge,
            List<String> allowMethods, List<String> allowHeaders) {
        public Policy {
            exposeHeaders = List.copyOf(exposeHeaders);
            allowMethods = List.copyOf(allowMethods);
            allowHeaders = List.copyOf(allowHeaders);
        }
    }

    private final Map<String, Policy> origins;

    /** @param allowedOrigins origins in the form {@code https://host[:port]}, or {@code *} */
    public Cors(List<String> allowedOrigins, Policy policy) {
        Objects.requireNonNull(policy, "policy is null");
        Map<String, Policy> byOrigin = new LinkedHashMap<>();
        for (String origin : allowedOrigins == null ? List.<String>of() : allowedOrigins) {
            byOrigin.putIfAbsent(origin, policy);
        }
        this.origins = Map.copyOf(byOrigin);
    }

    @Override
    public App wrap(App next) {
        Objects.requireNonNull(next, "next is null");
        return request -> {
            Response response = next.handle(request);
            if (response.headers().contains("Access-Control-Allow-Origin")) {
                return response;
            }
            if (request.method().equals("OPTIONS")) {
                return preflight(request, response);
            }
            decorate(request, response);
            return response;
        };
    }

    private Response preflight(Request request, Response original) {
        Response response = original;
        if (response.status() < 200 || response.status() >= 300) {
            response = Response.empty(200);
        }
        String origin = request.headers().first("Origin").orElse(null);
        String allowed = origin == null ? null : allowedOrigin(origin);
        if (allowed == null) {
            return response;
        }
        Policy policy = origins.get(allowed);
        String method = request.headers().first("Access-Control-Request-Method").orElse(null);
        if (method == null || !policy.allowMethods().contains(method)) {
            return response;
        }
        List<String> requested = splitValues(request.headers(), "Access-Control-Request-Headers");
        List<String> permitted = new ArrayList<>();
        policy.allowHeaders().forEach(h -> permitted.add(h.toUpperCase(Locale.ROOT)));
        SIMPLE_HEADERS.forEach(h -> permitted.add(h.toUpperCase(Locale.ROOT)));
        for (String header : requested) {
            if (!permitted.contains(header.toUpperCase(Locale.ROOT))) {
                return response;
            }
        }
        Headers headers = response.headers();
        headers.set("Vary", "Origin");
        headers.set("Access-Control-Allow-Origin", allowed);
        if (policy.allowCredentials()) {
            headers.set("Access-Control-Allow-Credentials", "true");
        }
        if (policy.maxAge() != null && policy.maxAge() != 0) {
            headers.set("Access-Control-Max-Age", String.valueOf(policy.maxAge()));
        }
        headers.set("Access-Control-Allow-Methods", method);
        if (!requested.isEmpty()) {
            headers.set("Access-Control-Allow-Headers", String.join(",", requested));
        }
        return response;
    }

    private void decorate(Request request, Response response) {
        String origin = request.headers().first("Origin").orElse(null);
        String allowed = origin == null ? null : allowedOrigin(origin);
        if (allowed == null) {
            return;
        }
        Policy policy = origins.get(allowed);
        Headers headers = response.headers();
        List<String> vary = headers.all("Vary");
        // like webob, the last Vary value is extended and replaces them all
        headers.set("Vary", vary.isEmpty() ? "Origin" : vary.get(vary.size() - 1) + ",Origin");
        headers.set("Access-Control-Allow-Origin", allowed);
        if (policy.allowCredentials()) {
            headers.set("Access-Control-Allow-Credentials", "true");
        }
        if (!policy.exposeHeaders().isEmpty()) {
            headers.set("Access-Control-Expose-Headers", String.join(",", policy.exposeHeaders()));
        }
    }

    private String allowedOrigin(String origin) {
        if (origins.containsKey(origin)) {
            return origin;
        }
        return origins.containsKey("*") ? "*" : null;
    }

    private static List<String> splitValues(Headers headers, String name) {
        List<String> values = new ArrayList<>();
        for (String value : headers.first(name).orElse("").split(",")) {
            if (!value.strip().isEmpty()) {
                values.add(value.strip());
            }
        }
        return values;
    }
}
