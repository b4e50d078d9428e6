package org.jnova.api.auth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
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
 */
public final class IdentityClient {
    private static final Logger LOG = LoggerFactory.getLogger(IdentityClient.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** keystoneauth renews a token this long before it expires. */
    private static final Duration RENEW_BEFORE_EXPIRY = Duration.ofSeconds(120);
    private static final Duration FIRST_RETRY_DELAY = Duration.ofMillis(500);

    private final KeystoneAuthSettings settings;
    private final HttpClient http;
    private final Clock clock;
    private ServiceToken serviceToken;

    /** The outcome of validating a token. */
    public sealed interface Validation {
        record Valid(TokenInfo token) implements Validation {
        }

        record Invalid(String reason) implements Validation {
        }
    }

    private record ServiceToken(String token, TokenInfo info, String validationBase) {
    }

    public IdentityClient(KeystoneAuthSettings settings, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings is null");
        this.clock = Objects.requireNonNull(clock, "clock is null");
        HttpClient.Builder builder = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER);
        settings.connectTimeout().ifPresent(builder::connectTimeout);
        this.http = builder.build();
    }

    /**
     * Asks Keystone about the token.
     *
     * @throws KeystoneUnreachable when Keystone cannot answer the question
     */
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

    private synchronized ServiceToken serviceToken(boolean renew) {
        if (renew || serviceToken == null
                || !clock.instant().plus(RENEW_BEFORE_EXPIRY).isBefore(serviceToken.info().expiresAt())) {
            serviceToken = authenticate();
        }
        return serviceToken;
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
        settings.connectTimeout().ifPresent(builder::timeout);
        return builder;
    }

    /**
     * Sends, retrying connection failures up to http_request_max_retries times with a growing
     * pause. A connection the pool kept but the server has closed in the meantime (Keystone's
     * own keep-alive ran out) fails at once; that first failure is retried at once and not counted.
     */
    private HttpResponse<String> send(HttpRequest request) {
        Duration delay = FIRST_RETRY_DELAY;
        boolean staleRetried = false;
        for (int attempt = 0; ; attempt++) {
            try {
                return http.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                if (!staleRetried && !(e instanceof java.net.ConnectException)
                        && !(e instanceof java.net.http.HttpTimeoutException)) {
                    staleRetried = true;
                    attempt--;
                    continue;
                }
                if (attempt >= settings.maxRetries()) {
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
