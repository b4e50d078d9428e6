package org.jnova.api.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.jnova.api.image.ImageApiClient.Reply;
import org.jnova.testing.JnovaTestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * glance's interoperable import with the glance-direct method: the import info, staging
 * (uploading), the import (202, importing, then active with checksums) and glance's refusals.
 */
class ImageImportTest {
    private static final String DEMO = "demo:demo";
    private static final String OCTETS = "application/octet-stream";
    private static JnovaTestServer jnova;
    private static ImageApiClient api;
    private static Path stateDir;

    @BeforeAll
    static void start() throws Exception {
        stateDir = Files.createTempDirectory("jnova-image-import");
        String engine = org.jnova.db.TestDatabases.engines().get(0);
        jnova = JnovaTestServer.start(engine, "[DEFAULT]", "state_path = " + stateDir, "image_size_cap = 4096");
        api = new ImageApiClient(jnova.startImage());
    }

    @AfterAll
    static void stop() throws Exception {
        jnova.close();
    }

    private static void assertRefused(Reply reply, int status, String explanation) {
        assertEquals(status, reply.status(), reply.text());
        assertTrue(reply.text().contains(explanation), reply.text());
    }

    private static JsonNode waitFor(String id, String status) throws Exception {
        Instant end = Instant.now().plusSeconds(20);
        while (true) {
            JsonNode image = api.get("/v2/images/" + id, DEMO).json();
            if (status.equals(image.get("status").asText())) {
                return image;
            }
            assertTrue(Instant.now().isBefore(end), "still " + image.get("status") + ", not " + status);
            Thread.sleep(20);
        }
    }

    @Test
    void importInfoListsOnlyGlanceDirectAndThereAreNoStores() throws Exception {
        Reply info = api.get("/v2/info/import", DEMO);
        assertEquals(200, info.status());
        JsonNode methods = info.json().get("import-methods");
        assertEquals("array", methods.get("type").asText());
        assertEquals(List.of("glance-direct"), ImageApiClient.JSON.convertValue(methods.get("value"), List.class));
        assertRefused(api.get("/v2/info/stores", DEMO), 404, "Multi backend is not supported at this site.");
        assertEquals(405, api.call("POST", "/v2/info/import", DEMO, null, null).status());
        Reply created = api.json("POST", "/v2/images", DEMO, "{\"name\": \"h\"}");
        assertEquals("glance-direct", created.header("OpenStack-image-import-methods"));
    }

    @Test
    void stageThenImportMakesTheImageActive() throws Exception {
        String id = api.create(DEMO, "{\"name\": \"imported\", \"disk_format\": \"raw\", "
                + "\"container_format\": \"bare\"}");
        byte[] data = new byte[3000];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 13);
        }
        assertRefused(api.json("POST", "/v2/images/" + id + "/import", DEMO,
                "{\"method\": {\"name\": \"glance-direct\"}}"), 409,
                "Image needs to be staged before 'glance-direct' method can be used");
        assertEquals(415, api.call("PUT", "/v2/images/" + id + "/stage", DEMO, "application/json", data).status());
        assertEquals(404, api.call("PUT", "/v2/images/" + id + "/stage", "other:other", OCTETS, data).status());

        Reply staged = api.call("PUT", "/v2/images/" + id + "/stage", DEMO, OCTETS, data);
        assertEquals(204, staged.status(), staged.text());
        JsonNode uploading = api.get("/v2/images/" + id, DEMO).json();
        assertEquals("uploading", uploading.get("status").asText());
        assertEquals(3000, uploading.get("size").asLong());
        assertTrue(uploading.get("checksum").isNull());
        assertRefused(api.call("PUT", "/v2/images/" + id + "/stage", DEMO, OCTETS, data), 409,
                "Image status transition from uploading to uploading is not allowed");
        assertEquals(409, api.call("PUT", "/v2/images/" + id + "/file", DEMO, OCTETS, data).status());

        assertRefused(api.json("POST", "/v2/images/" + id + "/import", DEMO, "{}"), 400,
                "Import request requires a 'method' field.");
        assertRefused(api.json("POST", "/v2/images/" + id + "/import", DEMO, "{\"method\": {}}"), 400,
                "Import request requires a 'name' field.");
        assertRefused(api.json("POST", "/v2/images/" + id + "/import", DEMO,
                "{\"method\": {\"name\": \"web-download\", \"uri\": \"http://example.com/x\"}}"), 400,
                "Unknown import method name 'web-download'.");
        assertRefused(api.json("POST", "/v2/images/" + id + "/import", DEMO,
                "{\"method\": {\"name\": \"glance-direct\"}, \"all_stores\": \"yes\"}"), 400,
                "'all_stores' must be boolean value only");
        assertRefused(api.json("POST", "/v2/images/" + id + "/import", "other:other",
                "{\"method\": {\"name\": \"glance-direct\"}}"), 404, "No image found with ID " + id);

        Reply imported = api.json("POST", "/v2/images/" + id + "/import", DEMO,
                "{\"method\": {\"name\": \"glance-direct\"}}");
        assertEquals(202, imported.status(), imported.text());
        assertEquals(0, imported.raw().body().length);
        JsonNode active = waitFor(id, "active");
        assertEquals(3000, active.get("size").asLong());
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(data)),
                active.get("checksum").asText());
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-512").digest(data)),
                active.get("os_hash_value").asText());
        assertEquals("", active.get("os_glance_importing_to_stores").asText());
        assertEquals("", active.get("os_glance_failed_import").asText());
        assertFalse(active.has("os_glance_import_task"), "the import lock is released");
        assertArrayEquals(data, api.get("/v2/images/" + id + "/file", DEMO).raw().body());
        assertFalse(Files.exists(stateDir.resolve("images").resolve("staging").resolve(id)), "staging emptied");
        assertRefused(api.json("POST", "/v2/images/" + id + "/import", DEMO,
                "{\"method\": {\"name\": \"glance-direct\"}}"), 409,
                "Image with status active cannot be target for import");
    }

    @Test
    void importNeedsFormatsAndStagingRespectsTheSizeCap() throws Exception {
        String id = api.create(DEMO, "{\"name\": \"no-formats\"}");
        assertEquals(204, api.call("PUT", "/v2/images/" + id + "/stage", DEMO, OCTETS, new byte[10]).status());
        assertRefused(api.json("POST", "/v2/images/" + id + "/import", DEMO,
                "{\"method\": {\"name\": \"glance-direct\"}}"), 409,
                "'container_format' needs to be set before import");

        String big = api.create(DEMO, "{\"name\": \"too-big\", \"disk_format\": \"raw\", "
                + "\"container_format\": \"bare\"}");
        assertRefused(api.call("PUT", "/v2/images/" + big + "/stage", DEMO, OCTETS, new byte[4097]), 413,
                "The incoming image is too large");
        assertEquals("queued", api.get("/v2/images/" + big, DEMO).json().get("status").asText());
        assertFalse(Files.exists(stateDir.resolve("images").resolve("staging").resolve(big)));

        String shared = api.create(DEMO, "{\"name\": \"theirs\", \"disk_format\": \"raw\", "
                + "\"container_format\": \"bare\"}");
        api.json("POST", "/v2/images/" + shared + "/members", DEMO, "{\"member\": \"member\"}");
        assertRefused(api.call("PUT", "/v2/images/" + shared + "/stage", "m:member", OCTETS, new byte[3]), 403,
                "You are not authorized to complete modify_image action.");
    }
}
