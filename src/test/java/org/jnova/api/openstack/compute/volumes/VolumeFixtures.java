package org.jnova.api.openstack.compute.volumes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;
import org.jnova.compute.SeedData;
import org.jnova.testing.EngineServers;
import org.jnova.testing.JnovaTestServer;

/** Servers and volumes for the volume tests, made through the API and waited for. */
final class VolumeFixtures {
    private final JnovaTestServer jnova;
    private final String token;

    VolumeFixtures(JnovaTestServer jnova, String token) {
        this.jnova = jnova;
        this.token = token;
    }

    JsonNode call(String method, String path, String body, String version, int status) throws IOException {
        return EngineServers.call(jnova, method, path, body, version, status, token);
    }

    /** The whole answer, as the fixtures' caller. */
    JnovaTestServer.Reply reply(String method, String path, String body, String version) throws IOException {
        return jnova.call(method, path, body, version, token);
    }

    /** Boots a server from the image and waits until it is ACTIVE; returns its id. */
    String activeServer(String name) throws Exception {
        return activeServerFrom("{\"server\": {\"name\": \"" + name + "\", \"imageRef\": \""
                + SeedData.CIRROS_IMAGE_ID + "\", \"flavorRef\": \"1\"}}").path("id").asText();
    }

    /** Boots a server with {@code body} (POST /servers at 2.1) and waits until it is ACTIVE; returns it. */
    JsonNode activeServerFrom(String body) throws Exception {
        String id = call("POST", "/servers", body, "2.1", 202).path("server").path("id").asText();
        return serverUntil(id, s -> "ACTIVE".equals(s.path("status").asText()));
    }

    /** The server's volume attachments (at 2.1) by device name. */
    Map<String, JsonNode> attachmentsByDevice(String server) throws IOException {
        Map<String, JsonNode> out = new HashMap<>();
        for (JsonNode a : call("GET", "/servers/" + server + "/os-volume_attachments", null, "2.1", 200)
                .path("volumeAttachments")) {
            out.put(a.path("device").asText(), a);
        }
        return out;
    }

    /** Creates a volume through os-volumes at 2.1; returns its id. */
    String volume(String name, int size) throws IOException {
        return volume("{\"volume\": {\"size\": " + size + ", \"display_name\": \"" + name + "\"}}");
    }

    String volume(String body) throws IOException {
        JsonNode v = call("POST", "/os-volumes", body, "2.1", 200).path("volume");
        assertThat(v.path("status").asText()).isEqualTo("available");
        return v.path("id").asText();
    }

    JsonNode volumeShow(String id) throws IOException {
        return call("GET", "/os-volumes/" + id, null, "2.1", 200).path("volume");
    }

    /** Waits until the volume has {@code status}; returns it. */
    JsonNode volumeUntil(String id, String status) throws Exception {
        Instant end = Instant.now().plus(Duration.ofSeconds(20));
        JsonNode v = null;
        while (Instant.now().isBefore(end)) {
            v = volumeShow(id);
            if (status.equals(v.path("status").asText())) {
                return v;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("volume " + id + " never became " + status + ": " + v);
    }

    /** Waits until the server (GET at 2.96) matches; returns it. */
    JsonNode serverUntil(String id, Predicate<JsonNode> condition) throws Exception {
        Instant end = Instant.now().plus(Duration.ofSeconds(20));
        JsonNode s = null;
        while (Instant.now().isBefore(end)) {
            s = call("GET", "/servers/" + id, null, "2.96", 200).path("server");
            if (condition.test(s)) {
                return s;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("server " + id + " never got there: " + s);
    }

    /** Waits until the server is gone. */
    void serverGone(String id) throws Exception {
        gone("/servers/" + id, "server " + id);
    }

    /** Waits until the volume is gone. */
    void volumeGone(String id) throws Exception {
        gone("/os-volumes/" + id, "volume " + id);
    }

    private void gone(String path, String what) throws Exception {
        Instant end = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(end)) {
            if (reply("GET", path, null, "2.1").status() == 404) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError(what + " was never deleted");
    }
}
