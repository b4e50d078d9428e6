package org.jnova.api.ec2.auth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import org.jnova.api.auth.IdentityClient;
import org.jnova.api.auth.KeystoneAuthSettings;
import org.jnova.api.auth.KeystoneUnreachable;
import org.jnova.api.auth.TokenInfo;
import org.jnova.api.ec2.protocol.Ec2Error;
import org.jnova.utils.JsonMappers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks EC2 signatures with Keystone: {@code POST {auth_url}/v3/ec2tokens} with
 * {@code {"credentials": {...}}} and the service's own token (Keystone enforces its
 * {@code identity:ec2tokens_validate} rule on a token); 200 with a token in
 * {@code X-Subject-Token} and its body means the signature is right; any 4xx is
 * {@code AuthFailure}; no answer (a refused certificate too) or a 5xx is {@link KeystoneUnreachable}.
 * The check is never skipped. An https Keystone is checked as {@code [keystone_authtoken]}'s
 * {@code cafile}, {@code certfile}/{@code keyfile} and {@code insecure} say.
 */
public final class KeystoneEc2Tokens implements Ec2CredentialsVerifier {
    private static final Logger LOG = LoggerFactory.getLogger(KeystoneEc2Tokens.class);
    private static final ObjectMapper JSON = JsonMappers.standard();
    private static final int MAX_ANSWER_CHARS = 4 * 1024 * 1024;

    private final KeystoneAuthSettings settings;
    private final Clock clock;
    private final HttpClient http;
    private final IdentityClient service;

    /** Checks with the Keystone {@code settings} name, with the service's token from {@code service}. */
    public KeystoneEc2Tokens(KeystoneAuthSettings settings, IdentityClient service, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings is null");
        this.service = Objects.requireNonNull(service, "service is null");
        this.clock = Objects.requireNonNull(clock, "clock is null");
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(settings.connectTimeout())
                .sslContext(settings.tls().sslContext()).build();
    }

    @Override
    public Verified verify(Ec2Credentials credentials) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(v3Base(settings.authUrl().toString()) + "/ec2tokens"))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .header("User-Agent", "jnova ec2")
                .header("X-Auth-Token", service.serviceToken())
                .timeout(settings.requestTimeout())
                .POST(HttpRequest.BodyPublishers.ofString(body(credentials).toString())).build();
        HttpResponse<String> response = send(request);
        int status = response.statusCode();
        if (status >= 400 && status < 500) {
            LOG.info("Keystone refused the EC2 signature of access key {} ({})", credentials.access(), status);
            throw Ec2CredentialsVerifier.signatureRefused();
        }
        Optional<String> token = response.headers().firstValue("X-Subject-Token");
        if (status != 200 && status != 201 || token.isEmpty() || response.body().length() > MAX_ANSWER_CHARS) {
            throw new KeystoneUnreachable("Keystone's ec2tokens answered " + status);
        }
        try {
            TokenInfo info = TokenInfo.parse(JSON.readTree(response.body()).path("token"));
            if (info.expiredAt(clock.instant())) {
                throw Ec2Error.authFailure("The token Keystone gave has expired.");
            }
            return new Verified(token.get(), info);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new KeystoneUnreachable("Keystone's ec2tokens answer is unreadable", e);
        }
    }

    /** Sends; a kept connection Keystone closed meanwhile fails at once and is tried once more. */
    private HttpResponse<String> send(HttpRequest request) {
        for (int attempt = 0; ; attempt++) {
            try {
                return http.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                if (attempt > 0 || e instanceof java.net.ConnectException
                        || e instanceof java.net.http.HttpTimeoutException) {
                    throw new KeystoneUnreachable("Unable to reach Keystone at " + request.uri() + ": " + e, e);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new KeystoneUnreachable("Interrupted while calling Keystone", e);
            }
        }
    }

    /** The body Keystone's ec2tokens reads. */
    static ObjectNode body(Ec2Credentials credentials) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode creds = root.putObject("credentials");
        creds.put("access", credentials.access());
        creds.put("signature", credentials.signature());
        creds.put("host", credentials.host());
        creds.put("verb", credentials.verb());
        creds.put("path", credentials.path());
        ObjectNode params = creds.putObject("params");
        credentials.params().forEach(params::put);
        ObjectNode headers = creds.putObject("headers");
        credentials.headers().forEach(headers::put);
        creds.put("body_hash", credentials.bodyHash());
        return root;
    }

    /** The v3 API root of an identity URL. */
    static String v3Base(String url) {
        String base = url;
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return base.endsWith("/v3") ? base : base + "/v3";
    }
}
