package org.jnova.api.openstack.compute.remoteconsoles;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.jnova.compute.SeedData;
import org.jnova.testing.JnovaTestServer;
import org.jnova.testing.JnovaTestServer.Reply;
import org.jnova.testing.OpenApiConformance;
import org.junit.jupiter.api.Test;

/** [consoleauth] token_ttl: a token older than its lifetime is "Token not found". */
class ConsoleTokenExpiryTest {
    @Test
    void expiredTokensAreNotFound() throws Exception {
        try (JnovaTestServer jnova = JnovaTestServer.start("sqlite", "[consoleauth]", "token_ttl = 1")) {
            Reply boot = jnova.call("POST", "/servers", "{\"server\": {\"name\": \"ttl\", \"imageRef\": \""
                    + SeedData.CIRROS_IMAGE_ID + "\", \"flavorRef\": \"1\"}}", "2.1", "admin:admin");
            String id = boot.json().path("server").path("id").asText();
            Instant end = Instant.now().plus(Duration.ofSeconds(20));
            while (!"ACTIVE".equals(jnova.call("GET", "/servers/" + id, null, "2.1", "admin:admin").json()
                    .path("server").path("status").asText()) && Instant.now().isBefore(end)) {
                Thread.sleep(20);
            }
            Reply console = jnova.call("POST", "/servers/" + id + "/remote-consoles",
                    "{\"remote_console\": {\"protocol\": \"vnc\", \"type\": \"novnc\"}}", "2.6", "admin:admin");
            assertThat(console.status()).as(console.body()).isEqualTo(200);
            String url = console.json().path("remote_console").path("url").asText();
            String token = url.substring(url.indexOf("%3D") + 3);
            assertThat(jnova.call("GET", "/os-console-auth-tokens/" + token, null, "2.31", "admin:admin").status())
                    .isEqualTo(200);
            Thread.sleep(2100);
            Reply expired = jnova.call("GET", "/os-console-auth-tokens/" + token, null, "2.31", "admin:admin");
            OpenApiConformance.get().assertConforms("GET", "/v2.1/os-console-auth-tokens/{id}", expired.status(),
                    "2.31", expired.json());
            assertThat(expired.status()).isEqualTo(404);
            assertThat(expired.json().path("itemNotFound").path("message").asText()).isEqualTo("Token not found");
        }
    }
}
