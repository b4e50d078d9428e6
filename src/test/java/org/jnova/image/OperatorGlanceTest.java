package org.jnova.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jnova.conf.GlanceClientOpts;
import org.jnova.context.RequestContext;
import org.jnova.objects.Image;
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

            JnovaTestServer.Reply badMeta = jnova.call("POST", "/images/" + snapId + "/metadata",
                    "{\"metadata\": {\"min_ram\": \"lots\"}}", "2.1", DEMO);
            assertThat(badMeta.status()).as(badMeta.body()).isEqualTo(400);
            assertThat(EngineServers.message(badMeta.json()))
                    .isEqualTo("Provided object does not match schema 'image': 'lots' is not of type 'integer'");

            assertThat(jnova.call("DELETE", "/images/" + snapId, null, "2.1", DEMO).status()).isEqualTo(204);
            assertThat(glance.call("GET", "/v2/images/" + snapId, null, null).statusCode()).isEqualTo(404);
            assertThat(jnova.call("DELETE", "/images/" + snapId, null, "2.1", DEMO).status()).isEqualTo(404);

            String kept = glance.json("POST", "/v2/images", "application/json", "{\"name\": \"kept\", "
                    + "\"protected\": true}", 201).path("id").asText();
            JnovaTestServer.Reply refused = jnova.call("DELETE", "/images/" + kept, null, "2.1", DEMO);
            EngineServers.assertFault(refused, 403, "You are not allowed to delete the image.");
            assertThat(glance.call("GET", "/v2/images/" + kept, null, null).statusCode()).isEqualTo(200);
            JnovaTestServer.Reply badBoot = jnova.call("POST", "/servers", "{\"server\": {\"name\": \"t\", "
                    + "\"imageRef\": \"" + snapId + "\", \"flavorRef\": \"1\"}}", "2.1", DEMO);
            EngineServers.assertFault(badBoot, 400, "Can not find requested image");

            findsGlanceInTheCallersCatalog(glance, id);
            triesTheNextApiServer(glance, id);
        }
    }

    /**
     * Shelve's snapshot is made in Glance, unshelve boots from it and deletes it there (and an
     * unshelve whose snapshot is gone fails as nova's), and createBackup's rotation deletes the
     * oldest backups of that server and type in Glance; the built-in catalog is not touched.
     */
    @Test
    void shelveUnshelveAndBackupRotationUseTheOperatorsGlance() throws Exception {
        try (GlanceTestServer glance = GlanceTestServer.start();
                JnovaTestServer jnova = JnovaTestServer.start("sqlite", "[glance]", "api_servers = " + glance.url())) {
            String base = glance.createImage("base");
            String server = TestServers.active(jnova, DEMO, base, "1");

            String weekly = backup(jnova, server, "weekly", 1);
            List<String> daily = new java.util.ArrayList<>();
            for (int n = 0; n < 3; n++) {
                Thread.sleep(1100); // Glance keeps creation times to the second
                daily.add(backup(jnova, server, "daily", 2));
            }
            JsonNode dailyInGlance = glance.json("GET", "/v2/images?instance_uuid=" + server
                    + "&backup_type=daily&sort_key=created_at&sort_dir=desc", null, null, 200).path("images");
            assertThat(dailyInGlance).extracting(i -> i.path("id").asText())
                    .containsExactly(daily.get(2), daily.get(1));
            assertThat(dailyInGlance).allSatisfy(i -> {
                assertThat(i.path("image_type").asText()).isEqualTo("backup");
                assertThat(i.path("status").asText()).isEqualTo("active");
            });
            assertThat(glance.call("GET", "/v2/images/" + daily.get(0), null, null).statusCode()).isEqualTo(404);
            assertThat(glance.call("GET", "/v2/images/" + weekly, null, null).statusCode()).isEqualTo(200);

            action(jnova, server, "{\"shelve\": null}");
            TestServers.settled(jnova, server, "SHELVED_OFFLOADED");
            JsonNode shelved = glance.json("GET", "/v2/images?instance_uuid=" + server + "&image_type=snapshot", null,
                    null, 200).path("images");
            assertThat(shelved).hasSize(1);
            String shelvedId = shelved.get(0).path("id").asText();
            assertThat(shelved.get(0).path("name").asText()).isEqualTo("t-shelved");
            assertThat(shelved.get(0).path("status").asText()).isEqualTo("active");
            assertThat(shelved.get(0).path("base_image_ref").asText()).isEqualTo(base);
            assertThat(jnova.cloud().images().get(shelvedId)).isEmpty();

            action(jnova, server, "{\"unshelve\": null}");
            TestServers.settled(jnova, server, "ACTIVE");
            assertThat(glance.call("GET", "/v2/images/" + shelvedId, null, null).statusCode()).isEqualTo(404);

            action(jnova, server, "{\"shelve\": null}");
            TestServers.settled(jnova, server, "SHELVED_OFFLOADED");
            String again = glance.json("GET", "/v2/images?instance_uuid=" + server + "&image_type=snapshot", null,
                    null, 200).path("images").get(0).path("id").asText();
            glance.json("DELETE", "/v2/images/" + again, null, null, 204);
            action(jnova, server, "{\"unshelve\": null}");
            JsonNode failed = TestServers.settled(jnova, server, "ERROR");
            assertThat(failed.path("fault").path("message").asText())
                    .isEqualTo("Unshelve attempted but the image " + again + " cannot be found.");
        }
    }

    /** createBackup at 2.45 (the new image's id in the body); waits until the server's task is done. */
    private static String backup(JnovaTestServer jnova, String server, String type, int rotation) throws Exception {
        JnovaTestServer.Reply r = jnova.call("POST", "/servers/" + server + "/action", "{\"createBackup\": "
                + "{\"name\": \"" + type + "\", \"backup_type\": \"" + type + "\", \"rotation\": " + rotation + "}}",
                "2.45", DEMO);
        assertThat(r.status()).as(r.body()).isEqualTo(202);
        TestServers.settled(jnova, server, "ACTIVE");
        return r.json().path("image_id").asText();
    }

    private static void action(JnovaTestServer jnova, String server, String body) throws Exception {
        JnovaTestServer.Reply r = jnova.call("POST", "/servers/" + server + "/action", body, "2.1", DEMO);
        assertThat(r.status()).as(r.body()).isEqualTo(202);
    }

    /** A server that refuses the connection is passed over for the next of api_servers. */
    private static void triesTheNextApiServer(GlanceTestServer glance, String id) throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        GlanceClientImagesApi client = new GlanceClientImagesApi(new GlanceClientOpts.Settings(List.of(
                java.net.URI.create("http://127.0.0.1:" + closed), java.net.URI.create(glance.url())), "image",
                List.of("public"), null, 1, Duration.ofSeconds(2), Duration.ofSeconds(10)));
        RequestContext ctx = RequestContext.project("demo", "demo", List.of("member"), false, "req-3");
        assertThat(client.find(ctx, id)).map(Image::status).contains("active");
    }

    /** Without api_servers: the caller's catalog, by service type, region and the first interface it has. */
    private static void findsGlanceInTheCallersCatalog(GlanceTestServer glance, String id) {
        GlanceClientImagesApi client = new GlanceClientImagesApi(new GlanceClientOpts.Settings(List.of(), "image",
                List.of("internal", "public"), "RegionOne", 0, Duration.ofSeconds(2), Duration.ofSeconds(10)));
        String catalog = "[{\"type\": \"compute\", \"endpoints\": [{\"region\": \"RegionOne\", "
                + "\"internalURL\": \"http://127.0.0.1:1\"}]}, {\"type\": \"image\", \"name\": \"glance\", "
                + "\"endpoints\": [{\"region\": \"RegionTwo\", \"internalURL\": \"http://127.0.0.1:2\"}, "
                + "{\"region\": \"RegionOne\", \"publicURL\": \"" + glance.url() + "/v2/\"}]}]";
        RequestContext withCatalog = new RequestContext("demo", Optional.of("demo"), List.of("member"), false,
                "req-1", Optional.empty(), Optional.empty(), Optional.of("token"), Optional.empty(), Optional.empty(),
                true, Optional.of(catalog));
        assertThat(client.list(withCatalog)).extracting(Image::id).contains(id);
        assertThat(client.find(withCatalog, id)).map(Image::name).contains("glance-cirros");

        RequestContext noCatalog = RequestContext.project("demo", "demo", List.of("member"), false, "req-2");
        assertThatThrownBy(() -> client.list(noCatalog)).isInstanceOf(GlanceConnectionFailed.class)
                .hasMessage("Connection to glance host image endpoint (interfaces internal,public, region RegionOne) "
                        + "failed: the service catalog has no such endpoint");
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
    void externalWithoutACatalogEntryIs503() throws Exception {
        try (JnovaTestServer jnova = JnovaTestServer.start("sqlite", "[jnova_glance]", "external = true")) {
            JnovaTestServer.Reply r = jnova.call("GET", "/images", null, "2.1", DEMO);
            assertThat(r.status()).as(r.body()).isEqualTo(503);
            assertThat(EngineServers.message(r.json())).isEqualTo("Connection to glance host image endpoint "
                    + "(interfaces internal,public) failed: the service catalog has no such endpoint");
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
