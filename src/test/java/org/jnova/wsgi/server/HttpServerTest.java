package org.jnova.wsgi.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jnova.exception.InvalidInput;
import org.jnova.wsgi.App;
import org.jnova.wsgi.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HttpServerTest {
    private final List<HttpServer> servers = new ArrayList<>();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @AfterEach
    void stopServers() {
        servers.forEach(server -> server.stop(Duration.ofSeconds(1)));
    }

    private HttpServer start(App app, String host, HttpServerOptions options) {
        HttpServer server = new HttpServer("test", app, host, 0, options);
        servers.add(server);
        server.start();
        return server;
    }

    private static final App ECHO = request -> Response.text(200, "text/plain",
            String.join("|", request.method(), request.scheme(), request.host(), request.scriptName(),
                    request.pathInfo(), request.queryString(), request.headers().first("X-Thing").orElse("-"),
                    request.bodyText(), request.remoteAddr()));

    @Test
    void convertsTheRequestAndWritesTheResponse() throws Exception {
        HttpServer server = start(request -> {
            Response response = ECHO.handle(request);
            response.setStatus(202);
            response.headers().add("X-Compute-Request-Id", "req-1");
            return response;
        }, "127.0.0.1", HttpServerOptions.defaults());

        HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.port() + "/v2.1/servers%20x/detail?limit=1&name=a%20b"))
                .header("X-Thing", "thing-value")
                .POST(HttpRequest.BodyPublishers.ofString("{\"a\": 1}")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.headers().firstValue("X-Compute-Request-Id")).contains("req-1");
        assertThat(response.headers().firstValue("Content-Length")).contains(
                String.valueOf(response.body().getBytes().length));
        assertThat(response.body()).isEqualTo("POST|http|127.0.0.1:" + server.port()
                + "||/v2.1/servers x/detail|limit=1&name=a%20b|thing-value|{\"a\": 1}|127.0.0.1");
    }

    @Test
    void portZeroPicksAFreePortAndReportsIt() throws Exception {
        HttpServer first = start(ECHO, "127.0.0.1", HttpServerOptions.defaults());
        HttpServer second = start(ECHO, "127.0.0.1", HttpServerOptions.defaults());

        assertThat(first.port()).isPositive().isNotEqualTo(second.port());
        assertThat(get("http://127.0.0.1:" + first.port() + "/").statusCode()).isEqualTo(200);
    }

    @Test
    void servesOnIpv6Loopback() throws Exception {
        HttpServer server = start(ECHO, "::1", HttpServerOptions.defaults());

        HttpResponse<String> response = get("http://[::1]:" + server.port() + "/v6");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("|/v6|").endsWith("|::1");
    }

    @Test
    void backlogBelowOneIsInvalidInput() {
        assertThatThrownBy(() -> new HttpServer("test", ECHO, "127.0.0.1", 0,
                HttpServerOptions.defaults().withBacklog(0)))
                .isInstanceOf(InvalidInput.class)
                .hasMessage("The backlog must be more than 1");
    }

    @Test
    void headerLineLongerThanMaxHeaderLineAnswers400() throws Exception {
        HttpServer server = start(ECHO, "127.0.0.1", HttpServerOptions.defaults().withMaxHeaderLine(1000));

        String tooLong = RawHttp.exchange("127.0.0.1", server.port(), "GET / HTTP/1.1\r\nHost: x\r\n"
                + "X-Auth-Token: " + "t".repeat(1000) + "\r\nConnection: close\r\n\r\n");
        String fits = RawHttp.exchange("127.0.0.1", server.port(), "GET / HTTP/1.1\r\nHost: x\r\n"
                + "X-Auth-Token: " + "t".repeat(900) + "\r\nConnection: close\r\n\r\n");

        assertThat(RawHttp.status(tooLong)).isEqualTo(400);
        assertThat(RawHttp.status(fits)).isEqualTo(200);
    }

    @Test
    void urlLongerThanMaxUrlLengthAnswers414() throws Exception {
        HttpServer server = start(ECHO, "127.0.0.1", HttpServerOptions.defaults().withMaxUrlLength(100));

        assertThat(get("http://127.0.0.1:" + server.port() + "/" + "a".repeat(60) + "?q=" + "b".repeat(60))
                .statusCode()).isEqualTo(414);
        assertThat(get("http://127.0.0.1:" + server.port() + "/" + "a".repeat(60)).statusCode()).isEqualTo(200);
    }

    @Test
    void unexpectedExceptionAnswers500WithoutAStackTrace() throws Exception {
        HttpServer server = start(request -> {
            throw new IllegalStateException("secret internals");
        }, "127.0.0.1", HttpServerOptions.defaults());

        HttpResponse<String> response = get("http://127.0.0.1:" + server.port() + "/boom");

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).startsWith("{\"computeFault\": {\"code\": 500, \"message\": \"Unexpected API Error.")
                .doesNotContain("secret").doesNotContain("at org.");
    }

    @Test
    void poolSizeBoundsRequestsServedAtOnce() throws Exception {
        AtomicInteger current = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        HttpServer server = start(request -> {
            most.accumulateAndGet(current.incrementAndGet(), Math::max);
            try {
                release.await(10, TimeUnit.SECONDS);
            } finally {
                current.decrementAndGet();
            }
            return Response.empty(204);
        }, "127.0.0.1", HttpServerOptions.defaults().withPoolSize(2));

        List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            responses.add(HttpClient.newHttpClient().sendAsync(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/" + i)).build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (current.get() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        Thread.sleep(300);
        assertThat(current.get()).isEqualTo(2);
        release.countDown();
        for (CompletableFuture<HttpResponse<String>> response : responses) {
            assertThat(response.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(204);
        }
        assertThat(most.get()).isEqualTo(2);
    }

    @Test
    void gracefulStopFinishesRequestsInFlightAndRefusesNewConnections() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        HttpServer server = start(request -> {
            started.countDown();
            Thread.sleep(1500);
            return Response.text(200, "text/plain", "done");
        }, "127.0.0.1", HttpServerOptions.defaults());
        int port = server.port();
        CompletableFuture<HttpResponse<String>> slow = client.sendAsync(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/slow")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();

        Thread stopper = Thread.ofVirtual().start(() -> server.stop(Duration.ofSeconds(10)));
        Thread.sleep(300);

        assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(ConnectException.class);
        assertThat(slow.get(10, TimeUnit.SECONDS).body()).isEqualTo("done");
        stopper.join();
        assertThat(server.isRunning()).isFalse();
    }

    private HttpResponse<String> get(String url) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void ipv6AddressesAreWrittenCompressed() throws Exception {
        assertThat(AppHandler.compressIpv6(java.net.InetAddress.getByName("::1").getAddress())).isEqualTo("::1");
        assertThat(AppHandler.compressIpv6(java.net.InetAddress.getByName("2001:db8:0:0:1:0:0:1").getAddress()))
                .isEqualTo("2001:db8::1:0:0:1");
        assertThat(AppHandler.compressIpv6(java.net.InetAddress.getByName("fe80::").getAddress())).isEqualTo("fe80::");
        assertThat(AppHandler.compressIpv6(java.net.InetAddress.getByName("1:2:3:4:5:6:7:8").getAddress()))
                .isEqualTo("1:2:3:4:5:6:7:8");
    }

    @Test
    void configuredKeepAliveOffClosesConnectionsAndIdleConnectionsTimeOut() throws Exception {
        org.jnova.conf.cfg.ConfigOpts conf = new org.jnova.conf.cfg.ConfigOpts(org.jnova.conf.WsgiOpts.all());
        conf.set(org.jnova.conf.WsgiOpts.KEEP_ALIVE, "false");
        conf.set(org.jnova.conf.WsgiOpts.CLIENT_SOCKET_TIMEOUT, "1");
        HttpServerOptions options = HttpServerOptions.fromConfig(conf, false, java.util.OptionalInt.empty());
        HttpServer server = start(ECHO, "127.0.0.1", options);

        String response = RawHttp.exchange("127.0.0.1", server.port(), "GET / HTTP/1.1\r\nHost: x\r\n\r\n");
        assertThat(response).startsWith("HTTP/1.1 200").containsIgnoringCase("Connection: close");

        try (Socket idle = new Socket("127.0.0.1", server.port())) {
            idle.setSoTimeout(10_000);
            long started = System.nanoTime();
            assertThat(idle.getInputStream().read()).isEqualTo(-1);
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isBetween(500L, 5000L);
        }
    }

    @Test
    void aBodyEndingBeforeItsContentLengthIsABadRequest() throws Exception {
        HttpServer server = start(ECHO, "127.0.0.1", HttpServerOptions.defaults());

        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("POST /v2.1/servers HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n"
                    + "Connection: close\r\n\r\n{}").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            socket.shutdownOutput();
            String response = new String(socket.getInputStream().readAllBytes(),
                    java.nio.charset.StandardCharsets.ISO_8859_1);
            assertThat(RawHttp.status(response)).isEqualTo(400);
        }
    }

    @Test
    void answersHaveRoomForEchoedLongHeaders() throws Exception {
        HttpServer server = start(request -> {
            Response response = Response.empty(204);
            response.headers().add("X-Echo", request.headers().first("X-Thing").orElse(""));
            return response;
        }, "127.0.0.1", HttpServerOptions.defaults());

        String value = "v".repeat(12_000);
        String response = RawHttp.exchange("127.0.0.1", server.port(), "GET / HTTP/1.1\r\nHost: x\r\nX-Thing: "
                + value + "\r\nConnection: close\r\n\r\n");

        assertThat(RawHttp.status(response)).isEqualTo(204);
        assertThat(response).contains("X-Echo: " + value);
    }

    @Test
    void jettysOwnErrorsCarryNoHtmlOrStackTraces() throws Exception {
        HttpServer server = start(ECHO, "127.0.0.1", HttpServerOptions.defaults());

        String response = RawHttp.exchange("127.0.0.1", server.port(), "GET / HTTP/1.1\r\nHost: x\r\n"
                + "Content-Length: nope\r\nConnection: close\r\n\r\n");

        assertThat(RawHttp.status(response)).isEqualTo(400);
        assertThat(response).doesNotContain("<html").doesNotContain("at org.");
    }
}
