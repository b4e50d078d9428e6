package org.jnova.api.middleware;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jnova.paste.RequestCopy;
import org.jnova.wsgi.App;
import org.jnova.wsgi.Middleware;
import org.jnova.wsgi.Request;

/**
 * oslo.middleware's {@code HTTPProxyToWSGI}: behind a reverse proxy (when
 * {@code [oslo_middleware] enable_proxy_headers_parsing} is true), the URLs the API writes
 * use the scheme, host and path prefix the client used. From the first entry of an RFC 7239
 * {@code Forwarded} header ({@code proto}, {@code host}, {@code for}) or, without one, from
 * {@code X-Forwarded-Proto}, {@code X-Forwarded-Host} and {@code X-Forwarded-For};
 * {@code X-Forwarded-Prefix} goes in front of the script name.
 *
 * <p>The caller's address is replaced by the proxy's {@code for} / {@code X-Forwarded-For}
 * only when {@code [api] use_forwarded_for} is also true: the metadata service tells guests
 * apart by their address, so a header a caller can write must not name another guest unless
 * the operator said the proxy in front sets it.
 */
public final class HttpProxyToWsgi implements Middleware {
    private final boolean enabled;
    private final boolean useForwardedFor;

    /**
     * @param enabled {@code [oslo_middleware] enable_proxy_headers_parsing}
     * @param useForwardedFor {@code [api] use_forwarded_for}: whether the caller's address may come from the headers
     */
    public HttpProxyToWsgi(boolean enabled, boolean useForwardedFor) {
        this.enabled = enabled;
        this.useForwardedFor = useForwardedFor;
    }

    @Override
    public App wrap(App next) {
        Objects.requireNonNull(next, "next is null");
        if (!enabled) {
            return next;
        }
        return request -> {
            Request inner = rewrite(request);
            if (inner == request) {
                return next.handle(request);
            }
            try {
                return next.handle(inner);
            } finally {
                RequestCopy.copyBack(inner, request);
            }
        };
    }

    private Request rewrite(Request request) {
        String scheme = request.scheme();
        String host = request.host();
        String remoteAddr = request.remoteAddr();
        String forwarded = request.headers().first("Forwarded").orElse("");
        if (!forwarded.isEmpty()) {
            Map<String, String> proxy = firstProxy(forwarded);
            scheme = nonEmpty(proxy.get("proto"), scheme);
            host = nonEmpty(proxy.get("host"), host);
            remoteAddr = useForwardedFor ? nonEmpty(proxy.get("for"), remoteAddr) : remoteAddr;
        } else {
            scheme = nonEmpty(request.headers().first("X-Forwarded-Proto").orElse(null), scheme);
            host = nonEmpty(request.headers().first("X-Forwarded-Host").orElse(null), host);
            remoteAddr = useForwardedFor
                    ? nonEmpty(request.headers().first("X-Forwarded-For").orElse(null), remoteAddr) : remoteAddr;
        }
        String scriptName = request.scriptName();
        String prefix = request.headers().first("X-Forwarded-Prefix").orElse("");
        if (!prefix.isEmpty()) {
            scriptName = prefix + scriptName;
        }
        if (scheme.equals(request.scheme()) && host.equals(request.host()) && remoteAddr.equals(request.remoteAddr())
                && scriptName.equals(request.scriptName())) {
            return request;
        }
        return RequestCopy.with(request, scheme, host, scriptName, request.pathInfo(), remoteAddr);
    }

    /** {@code for=192.0.2.60;proto=http;host=example.com, for=...}: the first proxy's pairs. */
    private static Map<String, String> firstProxy(String header) {
        Map<String, String> entry = new LinkedHashMap<>();
        String first = header.split(",", -1)[0];
        for (String pair : first.split(";", -1)) {
            int eq = pair.indexOf('=');
            String key = (eq < 0 ? pair : pair.substring(0, eq)).strip().toLowerCase(Locale.ROOT);
            String value = eq < 0 ? "" : pair.substring(eq + 1).strip();
            entry.put(key, value);
        }
        return entry;
    }

    private static String nonEmpty(String value, String fallback) {
        return value == null || value.isEmpty() ? fallback : value;
    }
}
