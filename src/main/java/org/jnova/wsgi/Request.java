package org.jnova.wsgi;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ArrayList;
import java.net.URLDecoder;

/**
 * One HTTP request as the applications see it, the counterpart of a WSGI environ.
 *
 * <p>{@code scriptName} and {@code pathInfo} follow WSGI: a URL map that routes
 * {@code /v2.1} to an app moves that prefix from pathInfo to scriptName, so the app sees
 * paths relative to its mount point and can still build absolute links. Attributes carry
 * what middleware learns on the way in (request id, context, microversion).
 */
public final class Request {
    private final String method;
    private final String scheme;
    private final String host;
    private String scriptName;
    private String pathInfo;
    private final String queryString;
    private final Headers headers;
    private final byte[] body;
    private final InputStream bodyStream;
    private final String remoteAddr;
    private final Map<String, Object> attributes = new HashMap<>();

    public Request(String method, String scheme, String host, String scriptName, String pathInfo,
            String queryString, Headers headers, byte[] body, String remoteAddr) {
        this(method, scheme, host, scriptName, pathInfo, queryString, headers, body, null, remoteAddr);
    }

    /**
     * A request whose body, when {@code bodyStream} is not null, is not in memory: it is read
     * from that stream as it arrives ({@link #body()} is then empty).
     */
    public Request(String method, String scheme, String host, String scriptName, String pathInfo,
            String queryString, Headers headers, byte[] body, InputStream bodyStream, String remoteAddr) {
        this.method = Objects.requireNonNull(method, "method is null");
        this.scheme = Objects.requireNonNull(scheme, "scheme is null");
        this.host = Objects.requireNonNull(host, "host is null");
        this.scriptName = Objects.requireNonNull(scriptName, "scriptName is null");
        this.pathInfo = Objects.requireNonNull(pathInfo, "pathInfo is null");
        this.queryString = queryString == null ? "" : queryString;
        this.headers = Objects.requireNonNull(headers, "headers is null");
        this.body = body == null ? new byte[0] : body;
        this.bodyStream = bodyStream;
        this.remoteAddr = remoteAddr == null ? "" : remoteAddr;
    }

    /** A request for tests and internal calls: GET-like defaults, host localhost. */
    public static Request of(String method, String path, byte[] body) {
        int q = path.indexOf('?');
        String pathPart = q < 0 ? path : path.substring(0, q);
        String query = q < 0 ? "" : path.substring(q + 1);
        return new Request(method, "http", "localhost", "", pathPart, query, new Headers(), body, "127.0.0.1");
    }

    public String method() { return method; }
    public String scheme() { return scheme; }
    /** The Host header's value (host[:port]) or the server's address. */
    public String host() { return host; }
    public String scriptName() { return scriptName; }
    public String pathInfo() { return pathInfo; }
    public String queryString() { return queryString; }
    public Headers headers() { return headers; }
    public byte[] body() { return body; }
    public String bodyText() { return new String(body, StandardCharsets.UTF_8); }
    /** The body as a stream: the connection's, for a streamed body, else the one in memory. */
    public InputStream bodyStream() { return bodyStream != null ? bodyStream : new ByteArrayInputStream(body); }
    /** Whether the body is read from the connection rather than held in memory. */
    public boolean isBodyStreamed() { return bodyStream != null; }
    /** The streamed body itself, or null (for copies of this request). */
    public InputStream streamedBody() { return bodyStream; }
    public String remoteAddr() { return remoteAddr; }

    /**
     * The caller's address as nova's {@code [api] use_forwarded_for} reads it: X-Forwarded-For
     * when {@code useForwardedFor} and the header is sent, else the peer's address
     * ({@code unknown} when there is none).
     */
    public String callerAddress(boolean useForwardedFor, String unknown) {
        String peer = remoteAddr.isEmpty() ? unknown : remoteAddr;
        return useForwardedFor ? headers.first("X-Forwarded-For").orElse(peer) : peer;
    }

    /** scheme://host + scriptName: the URL this app is mounted at, without a trailing slash. */
    public String applicationUrl() {
        return scheme + "://" + host + scriptName;
    }

    /** scheme://host: the server's root URL. */
    public String hostUrl() {
        return scheme + "://" + host;
    }

    /** Moves {@code prefix} (which pathInfo starts with) from pathInfo to scriptName. */
    public void mount(String prefix) {
        if (!pathInfo.startsWith(prefix)) {
            throw new IllegalArgumentException(pathInfo + " does not start with " + prefix);
        }
        scriptName = scriptName + prefix;
        pathInfo = pathInfo.substring(prefix.length());
    }

    /** Query parameters in order, each name with all its values, decoded. */
    public Map<String, List<String>> queryParams() {
        Map<String, List<String>> params = new LinkedHashMap<>();
        if (queryString.isEmpty()) {
            return params;
        }
        for (String pair : queryString.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            params.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return params;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }

    @SuppressWarnings("unchecked")
    public <T> Optional<T> attribute(String name) {
        return Optional.ofNullable((T) attributes.get(name));
    }

    public void setAttribute(String name, Object value) {
        attributes.put(name, value);
    }
}
