package org.jnova.image;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.ServerSocket;
import org.jnova.testing.EngineServers;
import org.jnova.testing.JnovaTestServer;
import org.jnova.testing.TestServers;
import org.junit.jupiter.api.Test;

/**
 * With {@code [glance] api_servers} the compute side's images live in the operator's Glance:
 * here Debian's real glance-api on loopback. jnova's image proxy shows and deletes Glance's
 * images, servers boot from them, createImage makes the snapshot in Glance, and a Glance that
 * cannot be reached is nova's 503.
 */
class OperatorGlanceTest {
    private static final String DEMO = "demo:demo";

    @Test
    void imagesBootsAndSnapshotsGoToTheOperatorsGlance() throws Exception {
        try (GlanceTestServer glance = GlanceTestServer.start();
                JnovaTestServer jnova = JnovaTestServer.start("sqlite", "[glance]",
                        "api_servers = " + glance.url(), "verify_glance_signatures = true")) {
            String id = glance.createImage("glance-cirros");

            JsonNode list = jnova.call("GET", "/images/detail", null, "2.1", DEMO).json().path("images");
            assertThat(list).extracting(i -> i.path("id").asText()).containsExactly(id);
            JsonNode shown = jnova.call("GET", "/images/" + id, null, "2.1", DEMO).json().path("image");
            assertThat(shown.path("name").asText()).isEqualTo("glance-cirros");
            assertThat(shown.path("status").asText()).isEqualTo("ACTIVE");
            assertThat(shown.path("minRam").asInt()).isEqualTo(64);
            assertThat(shown.path("metadata").path("os_distro").asText()).isEqualTo("cirros");
            JnovaTestServer.Reply missing = jnova.call("GET", "/images/" + org.jnova.compute.SeedData.CIRROS_IMAGE_ID,
                    null, "2.1", DEMO);
            assertThat(missing.status()).isEqualTo(404);
            assertThat(EngineServers.message(missing.json())).isEqualTo("Image not found.");

            String server = TestServers.active(jnova, DEMO, id, "1");
            JnovaTestServer.Reply unknown = jnova.call("POST", "/servers", "{\"server\": {\"name\": \"t\", "
                    + "\"imageRef\": \"" + org.jnova.compute.SeedData.CIRROS_IMAGE_ID + "\", \"flavorRef\": \"1\"}}",
                    "2.1", DEMO);
            assertThat(unknown.status()).isEqualTo(400);

            JnovaTestServer.Reply snap = jnova.call("POST", "/servers/" + server + "/action",
                    "{\"createImage\": {\"name\": \"snap\", \"metadata\": {\"purpose\": \"test\"}}}", "2.45", DEMO);
            assertThat(snap.status()).as(snap.body()).isEqualTo(202);
            String snapId = snap.json().path("image_id").asText();
            JsonNode inGlance = glance.json("GET", "/v2/images/" + snapId, null, null, 200);
            assertThat(inGlance.path("name").asText()).isEqualTo("snap");
            assertThat(inGlance.path("instance_uuid").asText()).isEqualTo(server);
            assertThat(inGlance.path("purpose").asText()).isEqualTo("test");
            assertThat(inGlance.path("image_type").asText()).isEqualTo("snapshot");
            assertThat(inGlance.path("visibility").asText()).isEqualTo("private");
            assertThat(inGlance.path("status").asText()).isEqualTo("active");
            assertThat(inGlance.path("min_disk").asInt()).isEqualTo(1);

            JnovaTestServer.Reply meta = jnova.call("POST", "/images/" + snapId + "/metadata",
                    "{\"metadata\": {\"color\": \"blue\"}}", "2.1", DEMO);
            assertThat(meta.status()).as(meta.body()).isEqualTo(200);
            assertThat(glance.json("GET", "/v2/images/" + snapId, null, null, 200).path("color").asText())
                    .isEqualTo("blue");

            assertThat(jnova.call("DELETE", "/images/" + snapId, null, "2.1", DEMO).status()).isEqualTo(204);
            assertThat(glance.call("GET", "/v2/images/" + snapId, null, null).statusCode()).isEqualTo(404);
            assertThat(jnova.call("DELETE", "/images/" + snapId, null, "2.1", DEMO).status()).isEqualTo(404);
        }
    }

    @Test
    void aGlanceThatCannotBeReachedIs503() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        try (JnovaTestServer jnova = JnovaTestServer.start("sqlite", "[glance]",
                "api_servers = http://127.0.0.1:" + closed, "num_retries = 1")) {
            for (String path : new String[] {"/images", "/images/" + org.jnova.compute.SeedData.CIRROS_IMAGE_ID}) {
                JnovaTestServer.Reply r = jnova.call("GET", path, null, "2.1", DEMO);
                assertThat(r.status()).as(r.body()).isEqualTo(503);
                assertThat(EngineServers.message(r.json()))
                        .startsWith("Connection to glance host 127.0.0.1:" + closed + " failed: ");
            }
            JnovaTestServer.Reply boot = jnova.call("POST", "/servers", "{\"server\": {\"name\": \"t\", "
                    + "\"imageRef\": \"" + org.jnova.compute.SeedData.CIRROS_IMAGE_ID + "\", \"flavorRef\": \"1\"}}",
                    "2.1", DEMO);
            assertThat(boot.status()).as(boot.body()).isEqualTo(503);
        }
    }

    @Test
    void withoutApiServersTheBuiltInCatalogServes() throws Exception {
        try (JnovaTestServer jnova = JnovaTestServer.start("sqlite")) {
            assertThat(jnova.cloud().imageService()).isSameAs(jnova.cloud().imagesApi());
            assertThat(jnova.call("GET", "/images/" + org.jnova.compute.SeedData.CIRROS_IMAGE_ID, null, "2.1", DEMO)
                    .status()).isEqualTo(200);
        }
    }
}
