package org.jnova.api.openstack.compute.remoteconsoles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jnova.testing.EngineServers.call;
import static org.jnova.testing.EngineServers.message;

import java.time.Duration;
import java.time.Instant;
import org.jnova.compute.SeedData;
import org.jnova.testing.EachEngine;
import org.jnova.testing.EngineServers;
import org.jnova.testing.JnovaTestServer;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A deleted server's console tokens are gone (nova's clean_console_auths_for_instance on deletion). */
class ConsoleTokenCleanupTest {
    @RegisterExtension
    static final EngineServers SERVERS = new EngineServers();

    @EachEngine
    void deletingTheServerRemovesItsTokens(String engine) throws Exception {
        JnovaTestServer jnova = SERVERS.get(engine);
        String id = call(jnova, "POST", "/servers", "{\"server\": {\"name\": \"console\", \"imageRef\": \""
                + SeedData.CIRROS_IMAGE_ID + "\", \"flavorRef\": \"1\"}}", "2.1", 202).path("server").path("id").asText();
        awaitStatus(jnova, id, "ACTIVE");
        String token = token(jnova, id);
        String other = call(jnova, "POST", "/servers", "{\"server\": {\"name\": \"kept\", \"imageRef\": \""
                + SeedData.CIRROS_IMAGE_ID + "\", \"flavorRef\": \"1\"}}", "2.1", 202).path("server").path("id").asText();
        awaitStatus(jnova, other, "ACTIVE");
        String kept = token(jnova, other);
        assertThat(call(jnova, "GET", "/os-console-auth-tokens/" + token, null, "2.31", 200).path("console")
                .path("instance_uuid").asText()).isEqualTo(id);

        call(jnova, "DELETE", "/servers/" + id, null, "2.1", 204);
        Instant end = Instant.now().plus(Duration.ofSeconds(20));
        while (jnova.call("GET", "/servers/" + id, null, "2.1").status() != 404 && Instant.now().isBefore(end)) {
            Thread.sleep(20);
        }
        assertThat(message(call(jnova, "GET", "/os-console-auth-tokens/" + token, null, "2.31", 404)))
                .isEqualTo("Token not found");
        call(jnova, "GET", "/os-console-auth-tokens/" + kept, null, "2.31", 200);
    }

    private static String token(JnovaTestServer jnova, String id) throws Exception {
        String url = call(jnova, "POST", "/servers/" + id + "/remote-consoles",
                "{\"remote_console\": {\"protocol\": \"vnc\", \"type\": \"novnc\"}}", "2.6", 200)
                .path("remote_console").path("url").asText();
        return url.substring(url.indexOf("%3D") + 3);
    }

    private static void awaitStatus(JnovaTestServer jnova, String id, String status) throws Exception {
        Instant end = Instant.now().plus(Duration.ofSeconds(20));
        while (!status.equals(jnova.call("GET", "/servers/" + id, null, "2.1").json().path("server").path("status")
                .asText()) && Instant.now().isBefore(end)) {
            Thread.sleep(20);
        }
    }
}
