package org.jnova.wsgi.server;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.jnova.wsgi.App;
import org.jnova.wsgi.OversizedBody;
import org.jnova.wsgi.Headers;
import org.jnova.wsgi.WebobErrorPage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Jetty handler that serves one {@link App}. Before a request takes any thread it checks
 * eventlet's request line and header limits ({@link EdgeLimits}) and a declared
 * {@code Content-Length} against the body limit; then it is admitted if one of the pool's
 * threads is free or fewer than {@code maxQueuedRequests} wait for one (else 503 at once),
 * and runs on a virtual thread once a permit is free. The body is read there, counted as it
 * streams and refused with 413 the moment it passes the limit, so no body over the limit is
 * ever held in memory; then the Jetty request becomes a {@link org.jnova.wsgi.Request} and
 * the app's response is written back.
 */
final class AppHandler extends Handler.Abstract.NonBlocking {
    private static final Logger LOG = LoggerFactory.getLogger(AppHandler.class);
    /** A request may still arrive on a connection accepted just before the socket closed. */
    private static final long QUIET_NANOS = TimeUnit.MILLISECONDS.toNanos(200);
    /** nova's fault body for the last-resort 500, as the API's fault writer spells it. */
    static final String UNEXPECTED_FAULT = "{\"computeFault\": {\"code\": 500, \"message\": \"Unexpected API "
            + "Error. Please report this at http://bugs.launchpad.net/nova/ and attach the Nova API log if possible.\"}}";
    private static final int READ_CHUNK = 8192;

    private static final byte[] NO_BODY = new byte[0];

    private final App app;
    private final HttpServerOptions options;
    private final EdgeLimits limits;
    private final Executor executor;
    private final Semaphore pool;
    private final int admissible;
    private final AtomicInteger admitted = new AtomicInteger();
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile boolean draining;

    /** The body grew past the limit while it was read. */
    private static final class BodyTooLarge extends Exception {
        BodyTooLarge() {
            super(null, null, false, false);
        }
    }

    AppHandler(App app, HttpServerOptions options, Executor executor) {
        this.app = Objects.requireNonNull(app, "app is null");
        this.options = Objects.requireNonNull(options, "options is null");
        this.executor = Objects.requireNonNull(executor, "executor is null");
        this.limits = new EdgeLimits(options.maxUrlLength(), options.maxHeaderLine());
        int threads = Math.max(1, options.poolSize());
        this.pool = new Semaphore(threads, true);
        this.admissible = threads + options.maxQueuedRequests();
    }

    @Override
    public boolean handle(Request request, Response response, Callback jettyCallback) {
        inFlight.incrementAndGet();
        Callback callback = Callback.from(jettyCallback, (Runnable) this::finished);
        if (draining) {
            response.getHeaders().put(HttpHeader.CONNECTION, "close");
        }
        Optional<EdgeLimits.Refusal> refusal = limits.check(request);
        if (refusal.isPresent()) {
            refuse(response, callback, refusal.get());
            return true;
        }
        if (request.getLength() > options.maxRequestBodySize() && !streamed(request)) {
            refuse(response, callback, OversizedBody.declared(accept(request), options.maxRequestBodySize()));
            return true;
        }
        if (admitted.incrementAndGet() > admissible) {
            admitted.decrementAndGet();
            LOG.warn("{} requests in progress or waiting, refusing {} {}", admissible, request.getMethod(),
                    request.getHttpURI().getPath());
            refuse(response, callback, busy(request));
            return true;
        }
        Callback leaving = Callback.from(callback, (Runnable) admitted::decrementAndGet);
        try {
            executor.execute(() -> serve(request, response, leaving));
        } catch (RejectedExecutionException e) {
            refuse(response, leaving, busy(request));
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

    private static String accept(Request request) {
        String accept = request.getHeaders().get(HttpHeader.ACCEPT);
        return accept == null ? "" : accept;
    }

    /** 503 when every thread is busy and the queue is full: try again shortly. */
    private static org.jnova.wsgi.Response busy(Request request) {
        org.jnova.wsgi.Response page = WebobErrorPage.response(accept(request), 503, "Service Unavailable",
                "The server is currently unavailable. Please try again at a later time.",
                "The server is busy; the request was not queued.");
        page.headers().set("Retry-After", "1");
        return page;
    }

    private static void refuse(Response response, Callback callback, EdgeLimits.Refusal refusal) {
        response.setStatus(refusal.status());
        if (refusal.contentType() != null) {
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, refusal.contentType());
        }
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, (long) refusal.body().length);
        response.getHeaders().put(HttpHeader.CONNECTION, "close");
        response.write(true, ByteBuffer.wrap(refusal.body()), callback);
    }

    /** Writes a page made at the edge and closes the connection (its body may be unread). */
    private static void refuse(Response response, Callback callback, org.jnova.wsgi.Response page) {
        response.setStatus(page.status());
        for (String[] header : page.headers().entries()) {
            response.getHeaders().add(header[0], header[1]);
        }
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, (long) page.body().length);
        response.getHeaders().put(HttpHeader.CONNECTION, "close");
        response.write(true, ByteBuffer.wrap(page.body()), callback);
    }

    private void serve(Request request, Response response, Callback callback) {
        try {
            pool.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            refuse(response, callback, busy(request));
            return;
        }
        Callback releasing = Callback.from(callback, (Runnable) pool::release);
        try {
            if (streamed(request)) {
                write(request, response, invoke(request, NO_BODY, Content.Source.asInputStream(request)), releasing);
                return;
            }
            byte[] body;
            try {
                body = readBody(request);
            } catch (BodyTooLarge e) {
                refuse(response, releasing, OversizedBody.streamed(accept(request), options.maxRequestBodySize()));
                return;
            } catch (IOException e) {
                LOG.info("Reading the body of {} {} failed: {}", request.getMethod(), request.getHttpURI().getPath(),
                        e.toString());
                refuse(response, releasing, EdgeLimits.Refusal.empty(400));
                return;
            }
            org.jnova.wsgi.Response result = invoke(request, body, null);
            write(request, response, result, releasing);
        } catch (Throwable e) {
            LOG.error("Writing the response failed", e);
            releasing.failed(e);
        }
    }

    /** Whether the app reads this request's body from the connection (see {@link StreamedBodies}). */
    private boolean streamed(Request request) {
        String path = request.getHttpURI().getPath();
        return options.streamedBodies().streams(request.getMethod(), percentDecode(path == null ? "/" : path));
    }

    private org.jnova.wsgi.Response invoke(Request request, byte[] body, InputStream bodyStream) {
        try {
            return app.handle(toWsgi(request, body, bodyStream));
        } catch (Throwable e) {
            // The fault wrapper middleware normally catches everything; this is the last net.
            LOG.error("Unexpected error serving {} {}", request.getMethod(), request.getHttpURI().getPath(), e);
            org.jnova.wsgi.Response fault = new org.jnova.wsgi.Response(500,
                    UNEXPECTED_FAULT.getBytes(StandardCharsets.UTF_8));
            fault.headers().set("Content-Type", "application/json; charset=UTF-8");
            return fault;
        }
    }

    /**
     * The body, never more than the limit in memory: a declared length (already checked
     * against the limit) is read into an array of that size; a chunked body is counted as it
     * arrives and refused as soon as it passes the limit.
     */
    private byte[] readBody(Request request) throws IOException, BodyTooLarge {
        long declared = request.getLength();
        if (declared == 0 || (declared < 0 && !request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING))) {
            return NO_BODY;
        }
        InputStream in = Content.Source.asInputStream(request);
        if (declared > 0) {
            byte[] body = in.readNBytes((int) declared);
            if (body.length < declared) {
                throw new EOFException("the body ended after " + body.length + " of " + declared + " bytes");
            }
            return body;
        }
        long limit = options.maxRequestBodySize();
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(limit + 1, READ_CHUNK));
        byte[] chunk = new byte[READ_CHUNK];
        long total = 0;
        for (int n = in.read(chunk); n >= 0; n = in.read(chunk)) {
            total += n;
            if (total > limit) {
                throw new BodyTooLarge();
            }
            out.write(chunk, 0, n);
        }
        return out.toByteArray();
    }

    private org.jnova.wsgi.Request toWsgi(Request request, byte[] body, InputStream bodyStream) {
        Headers headers = new Headers();
        for (HttpField field : request.getHeaders()) {
            headers.add(field.getName(), field.getValue() == null ? "" : field.getValue());
        }
        String rawPath = request.getHttpURI().getPath();
        String query = request.getHttpURI().getQuery();
        return new org.jnova.wsgi.Request(request.getMethod(), request.isSecure() ? "https" : "http",
                host(request), "", percentDecode(rawPath == null ? "/" : rawPath), query, headers, body,
                bodyStream, remoteAddress(request));
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
        if (result.bodyWriter() != null && !bodyless) {
            writeStreamed(request, response, result, callback);
            return;
        }
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

    /**
     * Writes a streamed body through a blocking stream on this (virtual) thread; a failure
     * half-way (the client went away) aborts the response.
     */
    private void writeStreamed(Request request, Response response, org.jnova.wsgi.Response result,
            Callback callback) {
        if (!result.headers().contains("Content-Length")) {
            response.getHeaders().put(HttpHeader.CONTENT_LENGTH, result.bodyLength());
        }
        if (!options.keepAlive() || draining) {
            response.getHeaders().put(HttpHeader.CONNECTION, "close");
        }
        if ("HEAD".equals(request.getMethod())) {
            response.write(true, ByteBuffer.wrap(new byte[0]), callback);
            return;
        }
        try (java.io.OutputStream out = Content.Sink.asOutputStream(response)) {
            result.bodyWriter().writeTo(out);
        } catch (IOException | RuntimeException e) {
            LOG.info("Streaming the body of {} {} failed: {}", request.getMethod(), request.getHttpURI().getPath(),
                    e.toString());
            callback.failed(e);
            return;
        }
        callback.succeeded();
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
