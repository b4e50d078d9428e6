package org.jnova.wsgi.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jnova.wsgi.App;
import org.jnova.wsgi.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The limits at the edge, over real sockets with hand-written requests: eventlet's request
 * line and header limits and answers, the body limit enforced while the body streams, every
 * client length checked before anything is allocated, and the bounded request queue.
 */
class HttpServerLimitsTest {
    private static final String PLAIN_413 = "413 Request Entity Too Large\n\nRequest is too large. Larger than "
            + "max_request_body_size (114688).\n\n   ";
    private static final String STREAMED_413 = "413 Request Entity Too Large\n\nRequest is too large. Larger than "
            + "114688.\n\n   ";

    private final List<HttpServer> servers = new ArrayList<>();
    private final AtomicInteger reached = new AtomicInteger();
    private final App echo = request -> {
        reached.incrementAndGet();
        return Response.text(200, "text/plain", request.body().length + " " + request.pathInfo().length());
    };

    @AfterEach
    void stopServers() {
        servers.forEach(server -> server.stop(Duration.ofSeconds(1)));
    }

    private int start(App app, HttpServerOptions options) {
        HttpServer server = new HttpServer("test", app, "127.0.0.1", 0, options);
        servers.add(server);
        server.start();
        return server.port();
    }

    /** A GET whose request line, CRLF included, is exactly {@code length} bytes. */
    private static String getOfLength(int length) {
        String prefix = "GET /v2.1/servers?name=";
        String suffix = " HTTP/1.1\r\n";
        return prefix + "a".repeat(length - prefix.length() - suffix.length()) + suffix
                + "Host: x\r\nConnection: close\r\n\r\n";
    }

    private static String body(String response) {
        return response.substring(response.indexOf("\r\n\r\n") + 4);
    }

    @Test
    void requestLinesOfTheUrlLimitOrLongerAnswer414LikeEventlet() throws Exception {
        int port = start(echo, HttpServerOptions.defaults());

        assertThat(RawHttp.status(RawHttp.exchange("127.0.0.1", port, getOfLength(8191)))).isEqualTo(200);
        String refused = RawHttp.exchange("127.0.0.1", port, getOfLength(8192));
        assertThat(RawHttp.status(refused)).isEqualTo(414);
        assertThat(refused).containsIgnoringCase("Content-Length: 0").containsIgnoringCase("Connection: close");
        assertThat(body(refused)).isEmpty();
        String long20k = RawHttp.exchange("127.0.0.1", port, "GET /v2.1/servers?name=" + "a".repeat(20_000)
                + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assertThat(RawHttp.status(long20k)).isEqualTo(414);
        String long200k = RawHttp.exchange("127.0.0.1", port, "GET /" + "a".repeat(200_000)
                + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assertThat(RawHttp.status(long200k)).isEqualTo(414);
        assertThat(body(long200k)).isEmpty();
        assertThat(reached).hasValue(1);
    }

    @Test
    void anEc2StyleServiceAllowsRequestLinesBelow16384() throws Exception {
        int port = start(echo, HttpServerOptions.defaults().withMaxUrlLength(16384));

        assertThat(RawHttp.status(RawHttp.exchange("127.0.0.1", port, getOfLength(16383)))).isEqualTo(200);
        assertThat(RawHttp.status(RawHttp.exchange("127.0.0.1", port, getOfLength(16384)))).isEqualTo(414);
    }

    @Test
    void headerLinesOfMaxHeaderLineOrLongerAnswer400() throws Exception {
        int port = start(echo, HttpServerOptions.defaults());
        String fits = "X-Foo: " + "a".repeat(16383 - 9) + "\r\n";
        String tooLong = "X-Foo: " + "a".repeat(16384 - 9) + "\r\n";

        assertThat(RawHttp.status(RawHttp.exchange("127.0.0.1", port,
                "GET / HTTP/1.1\r\nHost: x\r\n" + fits + "Connection: close\r\n\r\n"))).isEqualTo(200);
        String refused = RawHttp.exchange("127.0.0.1", port,
                "GET / HTTP/1.1\r\nHost: x\r\n" + tooLong + "Connection: close\r\n\r\n");
        assertThat(RawHttp.status(refused)).isEqualTo(400);
        assertThat(body(refused)).isEmpty();
    }

    @Test
    void headersOverSixtyFourKibibytesInAllAnswer400() throws Exception {
        int port = start(echo, HttpServerOptions.defaults());
        StringBuilder headers = new StringBuilder();
        for (int i = 0; i < 9; i++) {
            headers.append("X-H").append(i).append(": ").append("a".repeat(8000)).append("\r\n");
        }
        String refused = RawHttp.exchange("127.0.0.1", port,
                "GET / HTTP/1.1\r\nHost: x\r\n" + headers + "Connection: close\r\n\r\n");
        assertThat(RawHttp.status(refused)).isEqualTo(400);
        assertThat(body(refused)).isEmpty();

        StringBuilder huge = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            huge.append("X-H").append(i).append(": ").append("a".repeat(8000)).append("\r\n");
        }
        assertThat(RawHttp.status(RawHttp.exchange("127.0.0.1", port,
                "GET / HTTP/1.1\r\nHost: x\r\n" + huge + "Connection: close\r\n\r\n"))).isEqualTo(400);
        assertThat(reached).hasValue(0);
    }

    @Test
    void ninetyNineHeadersAreServedAndAHundredAnswerPythons431() throws Exception {
        int port = start(echo, HttpServerOptions.defaults());
        StringBuilder headers = new StringBuilder("Host: x\r\nConnection: close\r\n");
        for (int i = 0; i < 97; i++) {
            headers.append("X-H").append(i).append(": v\r\n");
        }
        assertThat(RawHttp.status(RawHttp.exchange("127.0.0.1", port, "GET / HTTP/1.1\r\n" + headers + "\r\n")))
                .isEqualTo(200);

        headers.append("X-Last: v\r\n");
        String refused = RawHttp.exchange("127.0.0.1", port, "GET / HTTP/1.1\r\n" + headers + "\r\n");
        assertThat(RawHttp.status(refused)).isEqualTo(431);
        assertThat(refused).containsIgnoringCase("Content-Type: text/html;charset=utf-8")
                .containsIgnoringCase("Content-Length: 333");
        assertThat(body(refused)).hasSize(333).contains("<p>Message: Too many headers.</p>",
                "<p>Error code explanation: 431 - got more than 100 headers.</p>");
    }

    @Test
    void aDeclaredLengthOverTheLimitIsRefusedBeforeAnyOfTheBodyIsSent() throws Exception {
        int port = start(echo, HttpServerOptions.defaults());
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("POST /v2.1/os-keypairs HTTP/1.1\r\nHost: x\r\n"
                    + "Content-Type: application/json\r\nContent-Length: 114689\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            assertThat(RawHttp.status(response)).isEqualTo(413);
            assertThat(response).containsIgnoringCase("Content-Type: text/plain; charset=UTF-8")
                    .containsIgnoringCase("Connection: close");
            assertThat(body(response)).isEqualTo(PLAIN_413);
        }
        String html = RawHttp.exchange("127.0.0.1", port, "PUT /x HTTP/1.1\r\nHost: x\r\nAccept: text/html\r\n"
                + "Content-Length: 99999999999\r\nConnection: close\r\n\r\n");
        assertThat(RawHttp.status(html)).isEqualTo(413);
        assertThat(body(html)).contains("<title>413 Request Entity Too Large</title>");
        assertThat(reached).hasValue(0);
    }

    @Test
    void aBodyOfExactlyTheLimitIsServed() throws Exception {
        int port = start(echo, HttpServerOptions.defaults());
        String response = RawHttp.exchange("127.0.0.1", port, "POST /x HTTP/1.1\r\nHost: x\r\n"
                + "Content-Length: 114688\r\nConnection: close\r\n\r\n" + "a".repeat(114688));
        assertThat(RawHttp.status(response)).isEqualTo(200);
        assertThat(body(response)).isEqualTo("114688 2");
    }

    @Test
    void lengthsThatAreNotNumbersOrAreOutOfRangeAnswer400NeverA500() throws Exception {
        int port = start(echo, HttpServerOptions.defaults());
        for (String length : List.of("abc", "-1", "99999999999999999999999", "1e3", "0x10")) {
            String response = RawHttp.exchange("127.0.0.1", port, "POST /x HTTP/1.1\r\nHost: x\r\n"
                    + "Content-Length: " + length + "\r\nConnection: close\r\n\r\n");
            assertThat(RawHttp.status(response)).as(length).isEqualTo(400);
        }
        String twoLengths = RawHttp.exchange("127.0.0.1", port, "POST /x HTTP/1.1\r\nHost: x\r\n"
                + "Content-Length: 1\r\nContent-Length: 200000\r\nConnection: close\r\n\r\na");
        assertThat(RawHttp.status(twoLengths)).isEqualTo(400);
        String chunkSize = RawHttp.exchange("127.0.0.1", port, "POST /x HTTP/1.1\r\nHost: x\r\n"
                + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\nfffffffffffffffffffffff\r\nabc");
        assertThat(RawHttp.status(chunkSize)).isIn(400, 413);
        String shortBody = RawHttp.exchange("127.0.0.1", port, "POST /x HTTP/1.1\r\nHost: x\r\n"
                + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\nzz\r\nabc\r\n0\r\n\r\n");
        assertThat(RawHttp.status(shortBody)).isEqualTo(400);
        assertThat(reached).hasValue(0);
    }

    @Test
    void aChunkedBodyUnderTheLimitIsServedWhole() throws Exception {
        int port = start(echo, HttpServerOptions.defaults());
        String chunk = "a".repeat(50_000);
        String response = RawHttp.exchange("127.0.0.1", port, "POST /x HTTP/1.1\r\nHost: x\r\n"
                + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
                + Integer.toHexString(50_000) + "\r\n" + chunk + "\r\n" + Integer.toHexString(50_000) + "\r\n" + chunk
                + "\r\n0\r\n\r\n");
        assertThat(RawHttp.status(response)).isEqualTo(200);
        assertThat(body(response)).isEqualTo("100000 2");
    }

    /** 300 MB sent in chunks: the answer comes once the limit is passed, long before the end. */
    @Test
    void aChunkedBodyIsRefusedWith413TheMomentItPassesTheLimit() throws Exception {
        int port = start(echo, HttpServerOptions.defaults());
        long planned = 300L * 1024 * 1024;
        AtomicLong sent = new AtomicLong();
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /v2.1/servers HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            CompletableFuture<Void> sender = CompletableFuture.runAsync(() -> {
                byte[] chunk = ("10000\r\n" + "a".repeat(0x10000) + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
                try {
                    while (sent.get() < planned) {
                        out.write(chunk);
                        sent.addAndGet(0x10000);
                    }
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                } catch (IOException e) {
                    // the server closed the connection after its answer: what the test expects
                }
            });
            String response = readResponse(socket.getInputStream());
            assertThat(RawHttp.status(response)).isEqualTo(413);
            assertThat(body(response)).isEqualTo(STREAMED_413);
            assertThat(response).containsIgnoringCase("Connection: close");
            sender.get(20, TimeUnit.SECONDS);
        }
        assertThat(sent.get()).isLessThan(64L * 1024 * 1024);
        assertThat(reached).hasValue(0);
    }

    /** Reads one response whose headers give its Content-Length. */
    private static String readResponse(InputStream in) throws IOException {
        StringBuilder text = new StringBuilder();
        int contentLength = -1;
        while (true) {
            int c = in.read();
            if (c < 0) {
                return text.toString();
            }
            text.append((char) c);
            if (text.toString().endsWith("\r\n\r\n")) {
                for (String line : text.toString().split("\r\n")) {
                    if (line.toLowerCase().startsWith("content-length:")) {
                        contentLength = Integer.parseInt(line.substring(15).strip());
                    }
                }
                break;
            }
        }
        text.append(new String(in.readNBytes(Math.max(0, contentLength)), StandardCharsets.ISO_8859_1));
        return text.toString();
    }

    @Test
    void pastTheQueueBoundRequestsAnswer503AtOnceAndTheQueuedOnesAreServed() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger entered = new AtomicInteger();
        int port = start(request -> {
            entered.incrementAndGet();
            release.await(20, TimeUnit.SECONDS);
            return Response.text(200, "text/plain", "done");
        }, HttpServerOptions.defaults().withPoolSize(1).withMaxQueuedRequests(1));

        java.util.concurrent.ExecutorService clients = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor();
        CompletableFuture<String> running = CompletableFuture.supplyAsync(() -> get(port), clients);
        waitFor(() -> entered.get() == 1);
        CompletableFuture<String> queued = CompletableFuture.supplyAsync(() -> get(port), clients);
        Thread.sleep(300);
        long started = System.nanoTime();
        String refused = get(port);
        long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

        assertThat(RawHttp.status(refused)).isEqualTo(503);
        assertThat(refused).containsIgnoringCase("Retry-After: 1");
        assertThat(body(refused)).startsWith("503 Service Unavailable");
        assertThat(tookMillis).isLessThan(2000);
        assertThat(entered).hasValue(1);
        release.countDown();
        assertThat(RawHttp.status(running.get(20, TimeUnit.SECONDS))).isEqualTo(200);
        assertThat(RawHttp.status(queued.get(20, TimeUnit.SECONDS))).isEqualTo(200);
        assertThat(RawHttp.status(get(port))).isEqualTo(200);
    }

    private static String get(int port) {
        try {
            return RawHttp.exchange("127.0.0.1", port, "GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(condition.getAsBoolean()).isTrue();
    }

    @Test
    void streamedBodiesReachTheAppUnreadAndBeyondTheBodyLimit() throws Exception {
        App counting = request -> {
            long n = 0;
            try (InputStream in = request.bodyStream()) {
                byte[] buffer = new byte[8192];
                for (int r = in.read(buffer); r >= 0; r = in.read(buffer)) {
                    n += r;
                }
            }
            return Response.text(200, "text/plain", request.isBodyStreamed() + " " + request.body().length + " " + n);
        };
        int port = start(counting, HttpServerOptions.defaults()
                .withStreamedBodies((method, path) -> "PUT".equals(method) && path.equals("/data")));
        String big = "x".repeat(300_000);
        String streamed = RawHttp.exchange("127.0.0.1", port, "PUT /data HTTP/1.1\r\nHost: x\r\nConnection: close"
                + "\r\nContent-Length: " + big.length() + "\r\n\r\n" + big);
        assertThat(RawHttp.status(streamed)).isEqualTo(200);
        assertThat(body(streamed)).isEqualTo("true 0 300000");
        String elsewhere = RawHttp.exchange("127.0.0.1", port, "PUT /other HTTP/1.1\r\nHost: x\r\nConnection: "
                + "close\r\nContent-Length: " + big.length() + "\r\n\r\n" + big);
        assertThat(RawHttp.status(elsewhere)).isEqualTo(413);
        String small = RawHttp.exchange("127.0.0.1", port, "PUT /other HTTP/1.1\r\nHost: x\r\nConnection: "
                + "close\r\nContent-Length: 3\r\n\r\nabc");
        assertThat(body(small)).isEqualTo("false 3 3");
    }
}
