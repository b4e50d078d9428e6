package org.jnova.api.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jnova.policy.Enforcer;
import org.jnova.policy.PolicySettings;
import org.jnova.wsgi.App;
import org.jnova.wsgi.Request;
import org.jnova.wsgi.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** A Keystone whose tokens live seconds: expiry is honoured even from the cache; Keystone gone means 503. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KeystoneTokenExpiryTest {
    private static final int TOKEN_SECONDS = 15;
    private static KeystoneServer keystone;

    @BeforeAll
    static void startKeystone() throws Exception {
        keystone = KeystoneServer.start("expiry", TOKEN_SECONDS);
        keystone.createUser("nova", "nova-secret", "service", "service", "admin");
        keystone.createUser("demo", "demo-secret", "demo", "member");
    }

    @AfterAll
    static void stopKeystone() throws Exception {
        if (keystone != null) {
            keystone.close();
        }
    }

    private static App pipeline() {
        KeystoneAuthSettings settings = new KeystoneAuthSettings(URI.create(keystone.url()), "http://k:5000",
                KeystoneAuthSettings.ServiceCredentials.byName("nova", "Default", "nova-secret", "service", "Default"),
                Duration.ofSeconds(300), Optional.of(Duration.ofSeconds(60)), 0, "public", Optional.empty(), false,
                false, List.of("service"), false, org.jnova.utils.ClientTls.none("keystone_authtoken"));
        Enforcer enforcer = Enforcer.nova(PolicySettings.defaults(), name -> Optional.empty());
        return new AuthToken(settings).wrap(new NovaKeystoneContext(enforcer)
                .wrap(request -> Response.text(200, "text/plain", "ok")));
    }

    private static Response get(App app, String token) throws Exception {
        Request request = Request.of("GET", "/v2.1/servers", null);
        request.headers().add("X-Auth-Token", token);
        return app.handle(request);
    }

    @Test
    @Order(1)
    void anExpiredTokenIsRefusedEvenFromTheCacheWithoutAskingKeystone() throws Exception {
        App app = pipeline();
        KeystoneServer.IssuedToken token = keystone.projectToken("demo", "demo-secret", "demo");
        assertThat(get(app, token.token()).status()).isEqualTo(200);

        Instant expiresAt = Instant.parse(token.body().path("expires_at").asText());
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), expiresAt).toMillis()) + 300);
        Thread.sleep(300); // Keystone logs a request after answering it
        long before = keystone.validations();

        Response cached = get(app, token.token());
        assertThat(cached.status()).isEqualTo(401);
        assertThat(cached.headers().first("WWW-Authenticate")).contains("Keystone uri=\"http://k:5000\"");
        Thread.sleep(300);
        assertThat(keystone.validations()).isEqualTo(before);

        // a fresh filter asks Keystone, which no longer knows the token either
        assertThat(get(pipeline(), token.token()).status()).isEqualTo(401);
    }

    @Test
    @Order(2)
    void keystoneGoneIsServiceUnavailable() throws Exception {
        App app = pipeline();
        String token = keystone.projectToken("demo", "demo-secret", "demo").token();
        keystone.close();
        Response response = get(app, token);
        assertThat(response.status()).isEqualTo(503);
        assertThat(response.bodyText()).contains("The Keystone service is temporarily unavailable.");
    }
}
