package org.jnova.api.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jnova.policy.Enforcer;
import org.jnova.policy.PolicySettings;
import org.jnova.wsgi.App;
import org.jnova.wsgi.Request;
import org.jnova.wsgi.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The auth_token filter against a fake Keystone on loopback that can be slow, silent or
 * verbose: every call has a deadline, a slow Keystone stalls only the callers waiting for it
 * (no carrier thread is held), the service token is fetched once for all waiting callers, and
 * an oversized answer is refused rather than read.
 */
class SlowKeystoneTest {
    private final Enforcer enforcer = Enforcer.nova(PolicySettings.defaults(), name -> Optional.empty());
    private final CountDownLatch releaseSlow = new CountDownLatch(1);
    private final AtomicInteger slowWaiting = new AtomicInteger();
    private final AtomicInteger serviceAuthentications = new AtomicInteger();
    private final AtomicInteger validations = new AtomicInteger();
    private volatile long serviceAuthDelayMillis;
    private HttpServer keystone;

    @BeforeEach
    void startKeystone() throws IOException {
        keystone = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 512);
        keystone.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        keystone.createContext("/v3/auth/tokens", this::tokens);
        keystone.start();
    }

    @AfterEach
    void stopKeystone() {
        releaseSlow.countDown();
        keystone.stop(0);
    }

    private void tokens(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            if (exchange.getRequestMethod().equals("POST")) {
                serviceAuthentications.incrementAndGet();
                sleep(serviceAuthDelayMillis);
                exchange.getResponseHeaders().add("X-Subject-Token", "service-token");
                answer(exchange, 201, token("nova", "service"));
                return;
            }
            validations.incrementAndGet();
            String subject = exchange.getRequestHeaders().getFirst("X-Subject-Token");
            if (subject.startsWith("slow-")) {
                slowWaiting.incrementAndGet();
                releaseSlow.await(60, TimeUnit.SECONDS);
                answer(exchange, 200, token("slow-user", "demo"));
            } else if (subject.startsWith("silent-")) {
                sleep(30_000);
            } else if (subject.equals("huge")) {
                answer(exchange, 200, "{\"token\": {\"padding\": \"" + "x".repeat(6 * 1024 * 1024) + "\"}}");
            } else if (subject.startsWith("good-")) {
                answer(exchange, 200, token(subject, "demo"));
            } else {
                answer(exchange, 404, "{\"error\": {\"code\": 404}}");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the client gave up waiting: what several tests expect
        }
    }

    private static void sleep(long millis) throws InterruptedException {
        if (millis > 0) {
            Thread.sleep(millis);
        }
    }

    private static String token(String user, String project) {
        return "{\"token\": {\"user\": {\"id\": \"" + user + "\", \"name\": \"" + user + "\", \"domain\": {\"id\": "
                + "\"default\", \"name\": \"Default\"}}, \"project\": {\"id\": \"" + project + "\", \"name\": \""
                + project + "\", \"domain\": {\"id\": \"default\", \"name\": \"Default\"}}, \"roles\": [{\"name\": "
                + "\"member\"}], \"expires_at\": \"" + Instant.now().plusSeconds(3600) + "\", \"catalog\": []}}";
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private KeystoneAuthSettings settings(Duration timeout, int retries) {
        return KeystoneAuthSettings.of(URI.create("http://127.0.0.1:" + keystone.getAddress().getPort() + "/v3"),
                KeystoneAuthSettings.ServiceCredentials.byName("nova", "Default", "secret", "service", "Default"))
                .withHttpConnectTimeout(timeout).withMaxRetries(retries);
    }

    private App pipeline(KeystoneAuthSettings settings) {
        return new AuthToken(settings).wrap(new NovaKeystoneContext(enforcer)
                .wrap(request -> Response.text(200, "text/plain", "ok")));
    }

    private static Request request(String token) {
        Request request = Request.of("GET", "/v2.1/servers", null);
        request.headers().add("X-Auth-Token", token);
        return request;
    }

    private static long millisOf(ThrowingRunnable call) throws Exception {
        long started = System.nanoTime();
        call.run();
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    }

    private interface ThrowingRunnable {
        void run() throws Exception;
    }

    @Test
    void withoutHttpConnectTimeoutEveryCallStillHasADeadline() {
        KeystoneAuthSettings settings = KeystoneAuthSettings.of(URI.create("http://127.0.0.1:1/v3"),
                KeystoneAuthSettings.ServiceCredentials.byName("nova", "Default", "secret", "service", "Default"));
        assertThat(settings.httpConnectTimeout()).isEmpty();
        assertThat(settings.connectTimeout()).isEqualTo(KeystoneAuthSettings.DEFAULT_CONNECT_TIMEOUT);
        assertThat(settings.requestTimeout()).isEqualTo(KeystoneAuthSettings.DEFAULT_REQUEST_TIMEOUT);
    }

    @Test
    void aKeystoneThatDoesNotAnswerIsServiceUnavailableOnceTheDeadlineAndRetriesArePast() throws Exception {
        App app = pipeline(settings(Duration.ofSeconds(1), 1));
        List<Response> responses = new ArrayList<>();
        long took = millisOf(() -> responses.add(app.handle(request("silent-1"))));

        assertThat(responses.get(0).status()).isEqualTo(503);
        assertThat(responses.get(0).bodyText()).contains("The Keystone service is temporarily unavailable.");
        // one call of a second, half a second's pause, then a retry for what is left of the deadline
        assertThat(took).isBetween(1900L, 8000L);
        assertThat(validations).hasValue(2);
    }

    @Test
    void retriesStayWithinOneDeadline() throws Exception {
        // five retries with doubling pauses would wait more than 20 s; one deadline of 1 s + 1 s holds them
        App app = pipeline(settings(Duration.ofSeconds(1), 5));
        List<Response> responses = new ArrayList<>();
        long took = millisOf(() -> responses.add(app.handle(request("silent-2"))));

        assertThat(responses.get(0).status()).isEqualTo(503);
        assertThat(took).isBetween(1900L, 6000L);
        assertThat(validations.get()).isBetween(1, 3);
    }

    @Test
    void whileKeystoneIsSlowForSomeCallersTheOthersAreServedAtOnce() throws Exception {
        App app = pipeline(settings(Duration.ofSeconds(30), 0));
        assertThat(app.handle(request("good-cached")).status()).isEqualTo(200);

        int stuck = 4 * Runtime.getRuntime().availableProcessors() + 50;
        List<Thread> callers = new ArrayList<>();
        List<Integer> statuses = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < stuck; i++) {
            String token = "slow-" + i;
            callers.add(Thread.ofVirtual().start(() -> {
                try {
                    statuses.add(app.handle(request(token)).status());
                } catch (Exception e) {
                    statuses.add(-1);
                }
            }));
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (slowWaiting.get() < stuck && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(slowWaiting.get()).isEqualTo(stuck);

        List<Integer> quick = new ArrayList<>();
        long cachedMillis = millisOf(() -> quick.add(app.handle(request("good-cached")).status()));
        long freshMillis = millisOf(() -> quick.add(app.handle(request("good-fresh")).status()));
        assertThat(quick).containsExactly(200, 200);
        assertThat(cachedMillis).isLessThan(1000);
        assertThat(freshMillis).isLessThan(3000);

        releaseSlow.countDown();
        for (Thread caller : callers) {
            caller.join(TimeUnit.SECONDS.toMillis(30));
        }
        assertThat(statuses).hasSize(stuck).containsOnly(200);
    }

    @Test
    void callersWaitingForTheServiceTokenShareOneAuthentication() throws Exception {
        serviceAuthDelayMillis = 1000;
        App app = pipeline(settings(Duration.ofSeconds(10), 0));
        List<Thread> callers = new ArrayList<>();
        AtomicInteger ok = new AtomicInteger();
        for (int i = 0; i < 20; i++) {
            String token = "good-" + i;
            callers.add(Thread.ofVirtual().start(() -> {
                try {
                    if (app.handle(request(token)).status() == 200) {
                        ok.incrementAndGet();
                    }
                } catch (Exception e) {
                    // counted as not ok
                }
            }));
        }
        for (Thread caller : callers) {
            caller.join(TimeUnit.SECONDS.toMillis(20));
        }
        assertThat(ok).hasValue(20);
        assertThat(serviceAuthentications).hasValue(1);
    }

    @Test
    void anAnswerLargerThanTheLimitIsRefusedAsServiceUnavailable() throws Exception {
        App app = pipeline(settings(Duration.ofSeconds(10), 3));
        Response response = app.handle(request("huge"));
        assertThat(response.status()).isEqualTo(503);
        assertThat(validations).hasValue(1); // not retried: a bigger answer will not come smaller
    }

    @Test
    void anUnknownTokenIsUnauthorizedAndRememberedBriefly() throws Exception {
        App app = pipeline(settings(Duration.ofSeconds(5), 0));
        for (int i = 0; i < 10; i++) {
            assertThat(app.handle(request("bogus")).status()).isEqualTo(401);
        }
        assertThat(validations).hasValue(1);
    }

    @Test
    void noMethodOfTheFilterOrItsClientIsSynchronized() throws Exception {
        for (Class<?> type : List.of(IdentityClient.class, AuthToken.class, TokenCache.class)) {
            for (java.lang.reflect.Method method : type.getDeclaredMethods()) {
                assertThat(java.lang.reflect.Modifier.isSynchronized(method.getModifiers()))
                        .as(type.getSimpleName() + "." + method.getName()).isFalse();
            }
        }
    }
}
