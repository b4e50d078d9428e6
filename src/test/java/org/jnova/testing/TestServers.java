package org.jnova.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;

/** Boots servers through the socket and waits for them, for tests that need a server in a state. */
public final class TestServers {
    private TestServers() {
    }

    /** POST /servers with a noauth2 token; asserts 202 and returns the server's id. */
    public static String boot(JnovaTestServer jnova, String token, String imageRef, String flavorRef)
            throws IOException {
        JnovaTestServer.Reply r = jnova.call("POST", "/servers", "{\"server\": {\"name\": \"t\", \"imageRef\": \""
                + imageRef + "\", \"flavorRef\": \"" + flavorRef + "\"}}", "2.1", token);
        assertThat(r.status()).as(r.body()).isEqualTo(202);
        return r.json().path("server").path("id").asText();
    }

    /** As {@link #boot}, then waits until the server is ACTIVE with no task. */
    public static String active(JnovaTestServer jnova, String token, String imageRef, String flavorRef)
            throws Exception {
        String id = boot(jnova, token, imageRef, flavorRef);
        settled(jnova, id, "ACTIVE");
        return id;
    }

    /** Polls (as admin, who sees task states) until the server has {@code status} and no task; returns it. */
    public static JsonNode settled(JnovaTestServer jnova, String id, String status) throws Exception {
        Instant end = Instant.now().plus(Duration.ofSeconds(30));
        JsonNode server = null;
        while (Instant.now().isBefore(end)) {
            server = jnova.call("GET", "/servers/" + id, null, "2.1", "admin:admin").json().path("server");
            if (status.equals(server.path("status").asText()) && server.path("OS-EXT-STS:task_state").isNull()) {
                return server;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("server " + id + " never settled in " + status + ": " + server);
    }
}
