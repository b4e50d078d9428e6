package org.jnova.wsgi.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.http.BadMessageException;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.jnova.api.fault.Faults;
import org.jnova.wsgi.App;
import org.jnova.wsgi.Headers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Jetty handler that serves one {@link App}: checks the URL and header line limits, then
 * runs the request on a virtual thread once one of the pool's permits is free, turning the
 * Jetty request into a {@link org.jnova.wsgi.Request} and the app's response back.
 */
final class AppHandler extends Handler.Abstract.NonBlocking {
    private static final Logger LOG = LoggerFactory.getLogger(AppHandler.class);
    /** A request may still arrive on a connection accepted just before the socket closed. */
    private static final long QUIET_NANOS = TimeUnit.MILLISECONDS.toNanos(200);
    private static final String UNEXPECTED = "Unexpected API Error. Please report this at "
            + "http://bugs.launchpad.net/nova/ and attach the Nova API log if possible.";

    private static final byte[] NO_BODY = new byte[0];

    private final App app;
    private final HttpServerOptions options;
    private final Executor executor;
    private final Semaphore pool;
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile boolean draining;

    AppHandler(App app, HttpServerOptions options, Executor executor) {
        this.app = Objects.requireNonNull(app, "app is null");
        this.options = Objects.requireNonNull(options, "options is null");
        this.executor = Objects.requireNonNull(executor, "executor is null");
        this.pool = new Semaphore(Math.max(1, options.poolSize()), true);
    }

    @Override
    public boolean handle(Request request, Response response, Callback jettyCallback) {
        inFlight.incrementAndGet();
        Callback callback = Callback.from(jettyCallback, (Runnable) this::finished);
        if (draining) {
            response.getHeaders().put(HttpHeader.CONNECTION, "close");
        }
        String target = request.getHttpURI().getPathQuery();
        if (options.maxUrlLength().isPresent() && target != null
                && target.length() > options.maxUrlLength().getAsInt()) {
            refuse(response, callback, 414);
            return true;
        }
        for (HttpField field : request.getHeaders()) {
            if (field.getName().length() + 2 + valueLength(field) > options.maxHeaderLine()) {
                refuse(response, callback, 400);
                return true;
            }
        }
        try {
            executor.execute(() -> serve(request, response, callback));
        } catch (RejectedExecutionException e) {
            refuse(response, callback, 503);
        }
        return true;
    }

    /**
     * Makes every later response close its connection, then waits until no request has been in
     * flight for a short quiet period, or until the timeout. Call once accepting has stopped.
     *
     * @return whether every request finished in time
     */
    boolean drain(Duration timeout) throws InterruptedException {
        draining = true;
        long deadline = System.nanoTime() + timeout.toNanos();
        long quietSince = -1;
        synchronized (this) {
            while (true) {
                long now = System.nanoTime();
                if (inFlight.get() > 0) {
                    quietSince = -1;
                } else if (quietSince < 0) {
                    quietSince = now;
                } else if (now - quietSince >= QUIET_NANOS) {
                    return true;
                }
                if (now >= deadline) {
                    return inFlight.get() == 0;
                }
                wait(Math.max(1, Math.min(TimeUnit.NANOSECONDS.toMillis(deadline - now), 20)));
            }
        }
    }

    private void finished() {
        if (inFlight.decrementAndGet() == 0) {
            synchronized (this) {
                notifyAll();
            }
        }
    }

    private static int valueLength(HttpField field) {
        return field.getValue() == null ? 0 : field.getValue().length();
    }

    private static void refuse(Response response, Callback callback, int status) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, 0L);
        response.getHeaders().put(HttpHeader.CONNECTION, "close");
        response.write(true, ByteBuffer.allocate(0), callback);
    }

    private void serve(Request request, Response response, Callback callback) {
        try {
            pool.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            refuse(response, callback, 503);
            return;
        }
        Callback releasing = Callback.from(callback, (Runnable) pool::release);
        try {
            org.jnova.wsgi.Response result = invoke(request);
            write(request, response, result, releasing);
        } catch (Throwable e) {
            LOG.error("Writing the response failed", e);
            releasing.failed(e);
        }
    }

    private org.jnova.wsgi.Response invoke(Request request) {
        org.jnova.wsgi.Request wsgi;
        try {
            wsgi = toWsgi(request);
        } catch (IOException | BadMessageException e) {
            // the client ended or garbled the body before its declared end: nothing to serve
            LOG.info("Unreadable request body for {} {}: {}", request.getMethod(), request.getHttpURI().getPath(),
                    e.toString());
            org.jnova.wsgi.Response refused = org.jnova.wsgi.Response.empty(400);
            refused.headers().set("Connection", "close");
            return refused;
        }
        try {
            return app.handle(wsgi);
        } catch (Throwable e) {
            // The fault wrapper middleware normally catches everything; this is the last net.
            LOG.error("Unexpected error serving {} {}", request.getMethod(), request.getHttpURI().getPath(), e);
            return Faults.response(500, UNEXPECTED);
        }
    }

    private org.jnova.wsgi.Request toWsgi(Request request) throws IOException {
        Headers headers = new Headers();
        for (HttpField field : request.getHeaders()) {
            headers.add(field.getName(), field.getValue() == null ? "" : field.getValue());
        }
        byte[] body = hasBody(request) ? Content.Source.asInputStream(request).readAllBytes() : NO_BODY;
        String rawPath = request.getHttpURI().getPath();
        String query = request.getHttpURI().getQuery();
        return new org.jnova.wsgi.Request(request.getMethod(), request.isSecure() ? "https" : "http",
                host(request), "", percentDecode(rawPath == null ? "/" : rawPath), query, headers, body,
                remoteAddress(request));
    }

    /** HTTP/1.1: a request without Content-Length or Transfer-Encoding has no body. */
    private static boolean hasBody(Request request) {
        return request.getLength() > 0 || request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING);
    }

    /** The client's address as a WSGI server gives it: {@code 10.0.0.5}, {@code ::1}. */
    private static String remoteAddress(Request request) {
        if (request.getConnectionMetaData().getRemoteSocketAddress() instanceof InetSocketAddress socket
                && socket.getAddress() != null) {
            InetAddress address = socket.getAddress();
            return address instanceof Inet6Address ? compressIpv6(address.getAddress()) : address.getHostAddress();
        }
        return Request.getRemoteAddr(request);
    }

    /** RFC 5952 text of an IPv6 address: the longest run of zero groups as "::". */
    static String compressIpv6(byte[] bytes) {
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((bytes[2 * i] & 0xff) << 8) | (bytes[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j == i ? i + 1 : j;
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                text.append("::");
                i += bestLength - 1;
                continue;
            }
            if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
                text.append(':');
            }
            text.append(Integer.toHexString(groups[i]));
        }
        return text.toString();
    }

    private static String host(Request request) {
        String host = request.getHeaders().get(HttpHeader.HOST);
        if (host != null && !host.isBlank()) {
            return host;
        }
        String name = Request.getServerName(request);
        if (name != null && name.indexOf(':') >= 0 && !name.startsWith("[")) {
            name = "[" + name + "]";
        }
        return name + ":" + Request.getServerPort(request);
    }

    private void write(Request request, Response response, org.jnova.wsgi.Response result, Callback callback) {
        int status = result.status();
        response.setStatus(status);
        for (String[] header : result.headers().entries()) {
            response.getHeaders().add(header[0], header[1]);
        }
        boolean bodyless = status == 204 || status == 304 || (status >= 100 && status < 200);
        byte[] body = bodyless ? new byte[0] : result.body();
        if (!bodyless && !result.headers().contains("Content-Length")) {
            response.getHeaders().put(HttpHeader.CONTENT_LENGTH, (long) body.length);
        }
        if (!options.keepAlive() || draining) {
            response.getHeaders().put(HttpHeader.CONNECTION, "close");
        }
        boolean head = "HEAD".equals(request.getMethod());
        response.write(true, ByteBuffer.wrap(head ? new byte[0] : body), callback);
    }

    /** Decodes %XX escapes as UTF-8, as a WSGI server fills PATH_INFO; '+' stays '+'. */
    static String percentDecode(String raw) {
        if (raw.indexOf('%') < 0) {
            return raw;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%' && i + 2 < raw.length() && hex(raw.charAt(i + 1)) >= 0 && hex(raw.charAt(i + 2)) >= 0) {
                out.write(hex(raw.charAt(i + 1)) * 16 + hex(raw.charAt(i + 2)));
                i += 2;
            } else {
                int codePoint = raw.codePointAt(i);
                byte[] bytes = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8);
                out.write(bytes, 0, bytes.length);
                i += Character.charCount(codePoint) - 1;
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static int hex(char c) {
        return Character.digit(c, 16);
    }
}
