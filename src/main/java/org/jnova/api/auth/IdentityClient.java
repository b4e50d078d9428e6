package org.jnova.api.auth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import org.jnova.conf.cfg.ConfigOpts;
import org.jnova.utils.JsonMappers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Talks to Keystone's v3 API for the {@code auth_token} filter: gets the service's own
 * token with a password authentication ({@code POST /v3/auth/tokens}) and validates a
 * caller's token with it ({@code GET /v3/auth/tokens}, {@code X-Auth-Token} = the service
 * token, {@code X-Subject-Token} = the caller's). The service token is kept until two
 * minutes before it expires or until Keystone stops accepting it. Validation goes to the
 * identity endpoint of the service token's catalog for the configured interface and region,
 * else to the auth URL. Thread-safe.
 *
 * <p>No call waits without bound: each has {@link KeystoneAuthSettings#connectTimeout()} to
 * connect and {@link KeystoneAuthSettings#requestTimeout()} to be answered in full, and an
 * answer larger than {@link #MAX_ANSWER_BYTES} is refused. Callers wait on virtual threads
 * (the client's own work runs on virtual threads too) and on a {@link ReentrantLock}, never
 * in a {@code synchronized} block, so a slow Keystone holds no carrier thread.
 */
public final class IdentityClient implements TokenValidator {
    private static final Logger LOG = LoggerFactory.getLogger(IdentityClient.class);
    private static final ObjectMapper JSON = JsonMappers.standard();
    /** keystoneauth renews a token this long before it expires. */
    private static final Duration RENEW_BEFORE_EXPIRY = Duration.ofSeconds(120);
    private static final Duration FIRST_RETRY_DELAY = Duration.ofMillis(500);
    /** The largest answer read from Keystone: a token with a large service catalog fits many times. */
    static final int MAX_ANSWER_BYTES = 4 * 1024 * 1024;

    private final KeystoneAuthSettings settings;
    private final HttpClient http;
    private final Clock clock;
    private final ReentrantLock serviceTokenLock = new ReentrantLock();
    private volatile ServiceToken serviceToken;

    private record ServiceToken(String token, TokenInfo info, String validationBase) {
    }

    /** A client checking https servers and presenting a certificate as the settings' {@code tls} says. */
    public IdentityClient(KeystoneAuthSettings settings, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings is null");
        this.clock = Objects.requireNonNull(clock, "clock is null");
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(settings.connectTimeout())
                .sslContext(settings.tls().sslContext())
                .executor(Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("keystone-client-", 0).factory()))
                .build();
    }

    /**
     * The client of nova's {@code [service_user]}: its password authentication and its session
     * options ({@code cafile}, {@code certfile}/{@code keyfile}, {@code insecure}, {@code timeout}).
     */
    public static IdentityClient forServiceUser(ConfigOpts conf, Clock clock) {
        return new IdentityClient(KeystoneAuthSettings.serviceUser(conf), clock);
    }

    /**
     * Asks Keystone about the token.
     *
     * @throws KeystoneUnreachable when Keystone cannot answer the question
     */
    @Override
    public Validation validate(String subjectToken) {
        ServiceToken service = serviceToken(false);
        HttpResponse<String> response = send(validationRequest(service, subjectToken));
        if (response.statusCode() == 401) {
            LOG.info("Identity server rejected authorization; authenticating the service again");
            service = serviceToken(true);
            response = send(validationRequest(service, subjectToken));
            if (response.statusCode() == 401) {
                throw new KeystoneUnreachable("Identity server rejected authorization necessary to fetch token data");
            }
        }
        if (response.statusCode() == 404) {
            LOG.info("Authorization failed for token");
            return new Validation.Invalid("Keystone does not know the token (" + response.statusCode() + ")");
        }
        if (response.statusCode() != 200) {
            LOG.error("Bad response code while validating token: {}", response.statusCode());
            throw new KeystoneUnreachable("Failed to fetch token data from identity server (HTTP "
                    + response.statusCode() + ")");
        }
        try {
            return new Validation.Valid(TokenInfo.parse(JSON.readTree(response.body()).path("token")));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            LOG.warn("Invalid token contents: {}", e.getMessage());
            return new Validation.Invalid("Invalid token contents");
        }
    }

    private HttpRequest validationRequest(ServiceToken service, String subjectToken) {
        String query = settings.includeServiceCatalog() ? "" : "?nocatalog";
        return request(URI.create(service.validationBase() + "/auth/tokens" + query))
                .header("X-Auth-Token", service.token())
                .header("X-Subject-Token", subjectToken)
                .GET().build();
    }

    /**
     * The service's own token, for the Keystone calls that need one beside the caller's
     * credentials (the EC2 API's {@code /v3/ec2tokens}).
     *
     * @throws KeystoneUnreachable when the service cannot authenticate
     */
    public String serviceToken() {
        return serviceToken(false).token();
    }

    /**
     * The service's token, authenticating when there is none, it is about to expire or
     * {@code renew} is asked; one caller authenticates while the others wait for its result.
     */
    private ServiceToken serviceToken(boolean renew) {
        ServiceToken current = serviceToken;
        if (!renew && fresh(current)) {
            return current;
        }
        try {
            serviceTokenLock.lockInterruptibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KeystoneUnreachable("Interrupted while waiting for the service token", e);
        }
        try {
            ServiceToken now = serviceToken;
            // another caller renewed it while this one waited
            if (fresh(now) && (!renew || now != current)) {
                return now;
            }
            serviceToken = authenticate();
            return serviceToken;
        } finally {
            serviceTokenLock.unlock();
        }
    }

    private boolean fresh(ServiceToken token) {
        return token != null && clock.instant().plus(RENEW_BEFORE_EXPIRY).isBefore(token.info().expiresAt());
    }

    private ServiceToken authenticate() {
        String authBase = v3Base(settings.authUrl().toString());
        HttpRequest request = request(URI.create(authBase + "/auth/tokens"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(passwordAuth().toString()))
                .build();
        HttpResponse<String> response = send(request);
        Optional<String> token = response.headers().firstValue("X-Subject-Token");
        if (response.statusCode() != 201 || token.isEmpty()) {
            throw new KeystoneUnreachable("The service could not authenticate with Keystone (HTTP "
                    + response.statusCode() + ")");
        }
        TokenInfo info;
        try {
            info = TokenInfo.parse(JSON.readTree(response.body()).path("token"));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new KeystoneUnreachable("Keystone's answer to the service authentication is unreadable", e);
        }
        String validationBase = info.endpoint("identity", settings.endpointInterface(), settings.regionName())
                .map(IdentityClient::v3Base).orElse(authBase);
        return new ServiceToken(token.get(), info, validationBase);
    }

    private ObjectNode passwordAuth() {
        KeystoneAuthSettings.ServiceCredentials credentials = settings.credentials();
        ObjectNode root = JSON.createObjectNode();
        ObjectNode identity = root.putObject("auth").putObject("identity");
        identity.putArray("methods").add("password");
        ObjectNode user = identity.putObject("password").putObject("user");
        credentials.userId().ifPresent(id -> user.put("id", id));
        credentials.username().ifPresent(name -> user.put("name", name));
        domain(user, credentials.userDomainId(), credentials.userDomainName());
        user.put("password", credentials.password());
        if (credentials.projectId().isPresent() || credentials.projectName().isPresent()) {
            ObjectNode project = ((ObjectNode) root.get("auth")).putObject("scope").putObject("project");
            credentials.projectId().ifPresent(id -> project.put("id", id));
            credentials.projectName().ifPresent(name -> project.put("name", name));
            domain(project, credentials.projectDomainId(), credentials.projectDomainName());
        }
        return root;
    }

    private static void domain(ObjectNode owner, Optional<String> id, Optional<String> name) {
        if (id.isPresent() || name.isPresent()) {
            ObjectNode domain = owner.putObject("domain");
            id.ifPresent(value -> domain.put("id", value));
            if (id.isEmpty()) {
                domain.put("name", name.get());
            }
        }
    }

    private HttpRequest.Builder request(URI uri) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .header("Accept", "application/json")
                .header("User-Agent", "jnova keystonemiddleware.auth_token");
        return builder.timeout(settings.requestTimeout());
    }

    /**
     * Sends, retrying connection failures and timeouts up to http_request_max_retries times
     * with a growing pause, all within one deadline (the connect and answer timeouts added
     * once), so retries never multiply how long a caller waits. A connection the pool kept but
     * the server has closed in the meantime (Keystone's own keep-alive ran out) fails at once;
     * that first failure is retried at once and not counted.
     */
    private HttpResponse<String> send(HttpRequest request) {
        long deadline = System.nanoTime() + settings.connectTimeout().plus(settings.requestTimeout()).toNanos();
        Duration delay = FIRST_RETRY_DELAY;
        boolean staleRetried = false;
        for (int attempt = 0; ; attempt++) {
            try {
                return sendOnce(request, Duration.ofNanos(Math.max(1, Math.min(settings.requestTimeout().toNanos(),
                        deadline - System.nanoTime()))));
            } catch (IOException e) {
                if (!staleRetried && !(e instanceof java.net.ConnectException)
                        && !(e instanceof java.net.http.HttpTimeoutException) && !(e instanceof AnswerTooLarge)) {
                    staleRetried = true;
                    attempt--;
                    continue;
                }
                if (attempt >= settings.maxRetries() || e instanceof AnswerTooLarge
                        || System.nanoTime() + delay.toNanos() >= deadline) {
                    throw new KeystoneUnreachable("Unable to reach Keystone at " + request.uri() + ": " + e, e);
                }
                LOG.warn("Failure communicating with Keystone at {} ({}); retrying in {} ms", request.uri(), e,
                        delay.toMillis());
                sleep(delay);
                delay = delay.multipliedBy(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new KeystoneUnreachable("Interrupted while calling Keystone", e);
            }
        }
    }

    /** One call, given {@code timeout} in all, the answer's body included. */
    private HttpResponse<String> sendOnce(HttpRequest request, Duration timeout)
            throws IOException, InterruptedException {
        CompletableFuture<HttpResponse<String>> call = http.sendAsync(request,
                info -> new BoundedBody(MAX_ANSWER_BYTES));
        try {
            return call.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            call.cancel(true);
            throw new java.net.http.HttpTimeoutException("Keystone did not answer within " + timeout.toMillis()
                    + " ms");
        } catch (InterruptedException e) {
            call.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            throw new IOException(cause == null ? e : cause);
        }
    }

    /** Keystone's answer was larger than {@link #MAX_ANSWER_BYTES}. */
    static final class AnswerTooLarge extends IOException {
        AnswerTooLarge(long limit) {
            super("the answer is larger than " + limit + " bytes");
        }
    }

    /** Collects a body as text, refusing it as soon as it passes the limit. */
    private static final class BoundedBody implements HttpResponse.BodySubscriber<String> {
        private final CompletableFuture<String> result = new CompletableFuture<>();
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final int limit;
        private Flow.Subscription subscription;

        BoundedBody(int limit) {
            this.limit = limit;
        }

        @Override
        public CompletionStage<String> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            for (ByteBuffer buffer : buffers) {
                if (bytes.size() + (long) buffer.remaining() > limit) {
                    subscription.cancel();
                    result.completeExceptionally(new AnswerTooLarge(limit));
                    return;
                }
                byte[] chunk = new byte[buffer.remaining()];
                buffer.get(chunk);
                bytes.write(chunk, 0, chunk.length);
            }
        }

        @Override
        public void onError(Throwable error) {
            result.completeExceptionally(error);
        }

        @Override
        public void onComplete() {
            result.complete(bytes.toString(StandardCharsets.UTF_8));
        }
    }

    private static void sleep(Duration delay) {
        try {
            Thread.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KeystoneUnreachable("Interrupted while waiting to retry Keystone", e);
        }
    }

    /** The v3 API root of an identity URL: {@code .../v3} kept, an unversioned URL gets {@code /v3}. */
    static String v3Base(String url) {
        String base = url;
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return base.endsWith("/v3") ? base : base + "/v3";
    }
}
