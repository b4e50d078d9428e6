package org.jnova.api.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.jnova.testing.JnovaTestServer;
import org.jnova.testing.OpenApiConformance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** glance's Image v2 served beside the Compute API on a real socket, on the compute API's image catalog. */
class ImageApiV2Test {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DEMO = "demo:demo";
    private static JnovaTestServer jnova;
    private static String imageUrl;
    private static Path stateDir;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() throws Exception {
        stateDir = Files.createTempDirectory("jnova-image-state");
        // the first engine of jnova.test.databases (sqlite by default)
        String engine = org.jnova.db.TestDatabases.engines().get(0);
        jnova = JnovaTestServer.start(engine, "[DEFAULT]", "state_path = " + stateDir, "image_size_cap = 4096");
        imageUrl = jnova.startImage();
    }

    @AfterAll
    static void stop() throws Exception {
        jnova.close();
    }

    private record Reply(int status, HttpResponse<byte[]> raw) {
        JsonNode json() throws Exception {
            return JSON.readTree(raw.body());
        }

        String text() {
            return new String(raw.body(), StandardCharsets.UTF_8);
        }

        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    private Reply call(String method, String path, String token, String contentType, byte[] body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(imageUrl + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null) {
            request.header("X-Auth-Token", token);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        return new Reply(response.statusCode(), response);
    }

    private Reply json(String method, String path, String token, String body) throws Exception {
        return call(method, path, token, "application/json", body.getBytes(StandardCharsets.UTF_8));
    }

    private Reply get(String path, String token) throws Exception {
        return call("GET", path, token, null, null);
    }

    @Test
    void versionDocumentAtRootAndVersions() throws Exception {
        Reply root = get("/", null);
        assertEquals(300, root.status());
        JsonNode versions = root.json().get("versions");
        assertEquals("v2.17", versions.get(2).get("id").asText());
        assertEquals("CURRENT", versions.get(2).get("status").asText());
        assertEquals(imageUrl + "/v2/", versions.get(0).get("links").get(0).get("href").asText());
        Reply explicit = get("/versions", null);
        assertEquals(200, explicit.status());
        assertEquals(versions, explicit.json().get("versions"));
    }

    @Test
    void createUploadShowDownloadPatchDelete() throws Exception {
        Reply created = json("POST", "/v2/images", DEMO,
                "{\"name\": \"cirros-life\", \"disk_format\": \"qcow2\", \"container_format\": \"bare\", "
                        + "\"tags\": [\"a\"], \"hw_disk_bus\": \"virtio\"}");
        assertEquals(201, created.status(), created.text());
        JsonNode image = created.json();
        String id = image.get("id").asText();
        assertEquals("queued", image.get("status").asText());
        assertEquals("shared", image.get("visibility").asText());
        assertEquals("demo", image.get("owner").asText());
        assertTrue(image.get("size").isNull());
        assertTrue(image.get("checksum").isNull());
        assertEquals("virtio", image.get("hw_disk_bus").asText());
        assertEquals("/v2/images/" + id + "/file", image.get("file").asText());
        assertTrue(created.header("Location").endsWith("/v2/images/" + id));

        assertEquals(204, get("/v2/images/" + id + "/file", DEMO).status(), "no data yet");

        byte[] data = new byte[3000];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 7);
        }
        Reply upload = call("PUT", "/v2/images/" + id + "/file", DEMO, "application/octet-stream", data);
        assertEquals(204, upload.status(), upload.text());
        assertEquals(409, call("PUT", "/v2/images/" + id + "/file", DEMO, "application/octet-stream", data)
                .status(), "an active image takes no second upload");

        JsonNode shown = get("/v2/images/" + id, DEMO).json();
        assertEquals("active", shown.get("status").asText());
        assertEquals(3000, shown.get("size").asLong());
        String md5 = HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(data));
        assertEquals(md5, shown.get("checksum").asText());
        assertEquals("sha512", shown.get("os_hash_algo").asText());
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-512").digest(data)),
                shown.get("os_hash_value").asText());

        Reply download = get("/v2/images/" + id + "/file", DEMO);
        assertEquals(200, download.status());
        assertArrayEquals(data, download.raw().body());
        assertEquals(md5, download.header("Content-MD5"));

        Reply patched = call("PATCH", "/v2/images/" + id, DEMO, ImageApiV2.PATCH_TYPE,
                ("[{\"op\": \"replace\", \"path\": \"/name\", \"value\": \"renamed\"}, "
                        + "{\"op\": \"add\", \"path\": \"/os_distro\", \"value\": \"cirros\"}, "
                        + "{\"op\": \"remove\", \"path\": \"/hw_disk_bus\"}, "
                        + "{\"op\": \"replace\", \"path\": \"/visibility\", \"value\": \"private\"}]")
                        .getBytes(StandardCharsets.UTF_8));
        assertEquals(200, patched.status(), patched.text());
        assertEquals("renamed", patched.json().get("name").asText());
        assertEquals("cirros", patched.json().get("os_distro").asText());
        assertFalse(patched.json().has("hw_disk_bus"));
        assertEquals("private", patched.json().get("visibility").asText());

        assertEquals(403, call("PATCH", "/v2/images/" + id, DEMO, ImageApiV2.PATCH_TYPE,
                "[{\"op\": \"replace\", \"path\": \"/status\", \"value\": \"x\"}]".getBytes(StandardCharsets.UTF_8))
                .status());
        assertEquals(409, call("PATCH", "/v2/images/" + id, DEMO, ImageApiV2.PATCH_TYPE,
                "[{\"op\": \"remove\", \"path\": \"/nothing\"}]".getBytes(StandardCharsets.UTF_8)).status());
        assertEquals(415, call("PATCH", "/v2/images/" + id, DEMO, "application/json", "[]".getBytes()).status());

        // glance's older 2.0 form, which tempest's client sends: the operation's name holds the path
        String draft4 = "application/openstack-images-v2.0-json-patch";
        Reply older = call("PATCH", "/v2/images/" + id, DEMO, draft4,
                ("[{\"add\": \"/hw_rescue_bus\", \"value\": \"scsi\"}, {\"remove\": \"/os_distro\"}, "
                        + "{\"replace\": \"/name\", \"value\": \"renamed-again\"}]").getBytes(StandardCharsets.UTF_8));
        assertEquals(200, older.status(), older.text());
        assertEquals("scsi", older.json().get("hw_rescue_bus").asText());
        assertFalse(older.json().has("os_distro"));
        assertEquals("renamed-again", older.json().get("name").asText());
        Reply twoNames = call("PATCH", "/v2/images/" + id, DEMO, draft4,
                "[{\"add\": \"/a\", \"replace\": \"/b\", \"value\": 1}]".getBytes(StandardCharsets.UTF_8));
        assertEquals(400, twoNames.status());
        assertTrue(twoNames.text().contains("Operation objects must contain only one member"), twoNames.text());
        Reply noName = call("PATCH", "/v2/images/" + id, DEMO, draft4,
                "[{\"op\": \"add\", \"path\": \"/a\", \"value\": 1}]".getBytes(StandardCharsets.UTF_8));
        assertEquals(400, noName.status());
        assertTrue(noName.text().contains("must contain exactly one member"), noName.text());
        assertEquals(400, call("PATCH", "/v2/images/" + id, DEMO, draft4,
                "[{\"add\": 7, \"value\": 1}]".getBytes(StandardCharsets.UTF_8)).status());

        // the compute API shows the same image
        JnovaTestServer.Reply compute = jnova.call("GET", "/images/" + id, null, "2.1", DEMO);
        assertEquals(200, compute.status(), compute.body());
        assertEquals("renamed-again", compute.json().get("image").get("name").asText());
        OpenApiConformance.get().assertConforms("GET", "/v2.1/images/{id}", 200, "2.1", compute.json());

        // private: another project sees nothing, neither here nor in the compute API
        Reply other = get("/v2/images/" + id, "other:other");
        assertEquals(404, other.status());
        assertTrue(other.text().contains("No image found with ID " + id), other.text());
        assertEquals(404, get("/v2/images/" + id + "/file", "other:other").status());
        assertEquals(404, jnova.call("GET", "/images/" + id, null, "2.1", "other:other").status());
        assertFalse(get("/v2/images", "other:other").text().contains(id));
        assertEquals(200, get("/v2/images/" + id, "admin:admin").status(), "admin sees every image");

        assertEquals(204, call("DELETE", "/v2/images/" + id, DEMO, null, null).status());
        assertEquals(404, get("/v2/images/" + id, DEMO).status());
        assertEquals(404, jnova.call("GET", "/images/" + id, null, "2.1", DEMO).status());
        assertEquals(409, json("POST", "/v2/images", DEMO, "{\"id\": \"" + id + "\"}").status(),
                "an id once used is taken");
    }

    @Test
    void createRefusesReadOnlyReservedAndPublicForMembers() throws Exception {
        assertEquals(403, json("POST", "/v2/images", DEMO, "{\"status\": \"active\"}").status());
        assertEquals(403, json("POST", "/v2/images", DEMO, "{\"self\": \"x\"}").status());
        assertEquals(403, json("POST", "/v2/images", DEMO, "{\"deleted\": \"1\"}").status());
        assertEquals(403, json("POST", "/v2/images", DEMO, "{\"visibility\": \"public\"}").status());
        assertEquals(403, json("POST", "/v2/images", DEMO, "{\"owner\": \"someone-else\"}").status());
        assertEquals(400, json("POST", "/v2/images", DEMO, "{\"disk_format\": \"floppy\"}").status());
        assertEquals(400, json("POST", "/v2/images", DEMO, "{\"id\": \"not-a-uuid\"}").status());
        assertEquals(400, json("POST", "/v2/images", DEMO, "{\"min_ram\": -1}").status());
        assertEquals(400, json("POST", "/v2/images", DEMO, "[1]").status());
        assertEquals(400, json("POST", "/v2/images", DEMO, "{not json").status());
        assertEquals(201, json("POST", "/v2/images", "admin:admin", "{\"visibility\": \"public\"}").status());
    }

    @Test
    void uploadAboveTheSizeCapIs413AndTheImageStaysQueued() throws Exception {
        String id = json("POST", "/v2/images", DEMO, "{\"name\": \"big\"}").json().get("id").asText();
        Reply upload = call("PUT", "/v2/images/" + id + "/file", DEMO, "application/octet-stream", new byte[4097]);
        assertEquals(413, upload.status());
        assertTrue(upload.text().contains("The incoming image is too large: The provided image is too large."),
                upload.text());
        assertEquals("queued", get("/v2/images/" + id, DEMO).json().get("status").asText());

        // chunked, so only counting finds it too large
        HttpRequest chunked = HttpRequest.newBuilder(URI.create(imageUrl + "/v2/images/" + id + "/file"))
                .header("X-Auth-Token", DEMO).header("Content-Type", "application/octet-stream")
                .PUT(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(new byte[9000])))
                .build();
        assertEquals(413, client.send(chunked, HttpResponse.BodyHandlers.ofString()).statusCode());
        assertEquals("queued", get("/v2/images/" + id, DEMO).json().get("status").asText());
        assertEquals(204, call("PUT", "/v2/images/" + id + "/file", DEMO, "application/octet-stream",
                new byte[4096]).status(), "exactly the cap is taken");
    }

    @Test
    void otherRequestsKeepTheJsonBodyLimit() throws Exception {
        String big = "{\"name\": \"" + "n".repeat(200_000) + "\"}";
        assertEquals(413, json("POST", "/v2/images", DEMO, big).status());
    }

    @Test
    void listFiltersSortsAndPages() throws Exception {
        String project = "pager:pager";
        List<String> ids = new ArrayList<>();
        for (String name : List.of("p-c", "p-a", "p-b")) {
            ids.add(json("POST", "/v2/images", project, "{\"name\": \"" + name + "\", \"tags\": [\"pg\"]}")
                    .json().get("id").asText());
        }
        Reply byName = get("/v2/images?name=p-a", project);
        assertEquals(1, byName.json().get("images").size());
        assertEquals(ids.get(1), byName.json().get("images").get(0).get("id").asText());
        assertEquals("/v2/schemas/images", byName.json().get("schema").asText());
        assertEquals("/v2/images?name=p-a", byName.json().get("first").asText());

        Reply page1 = get("/v2/images?tag=pg&sort_key=name&sort_dir=asc&limit=2&owner=pager", project);
        JsonNode body = page1.json();
        assertEquals(2, body.get("images").size());
        assertEquals("p-a", body.get("images").get(0).get("name").asText());
        assertEquals("p-b", body.get("images").get(1).get("name").asText());
        String next = body.get("next").asText();
        assertEquals("/v2/images?tag=pg&sort_key=name&sort_dir=asc&limit=2&owner=pager&marker=" + ids.get(2),
                next);
        JsonNode page2 = get(next.substring(0, next.length()), project).json();
        assertEquals(1, page2.get("images").size());
        assertEquals("p-c", page2.get("images").get(0).get("name").asText());
        assertFalse(page2.has("next"));

        assertEquals(3, get("/v2/images?status=queued&tag=pg", project).json().get("images").size());
        assertEquals(0, get("/v2/images?status=active&tag=pg", project).json().get("images").size());
        assertEquals(3, get("/v2/images?visibility=shared&tag=pg", project).json().get("images").size());
        assertEquals(0, get("/v2/images?tag=pg", DEMO).json().get("images").size(), "not the demo project's");
        assertEquals(400, get("/v2/images?limit=x", project).status());
        assertEquals(400, get("/v2/images?limit=-1", project).status());
        assertEquals(3, get("/v2/images?tag=pg&limit=99999999999999999999", project).json().get("images").size(),
                "a huge limit is capped at api_limit_max");
        assertEquals(400, get("/v2/images?sort_key=bogus", project).status());
        assertEquals(400, get("/v2/images?marker=" + java.util.UUID.randomUUID(), project).status());
    }

    @Test
    void computeSeedImagesAreImageV2Images() throws Exception {
        String seeded = org.jnova.compute.SeedData.CIRROS_IMAGE_ID;
        JsonNode compute = jnova.call("GET", "/images/" + seeded, null, "2.1", DEMO).json().get("image");
        Reply shown = get("/v2/images/" + seeded, DEMO);
        assertEquals(200, shown.status(), shown.text());
        assertEquals("active", shown.json().get("status").asText());
        assertEquals("public", shown.json().get("visibility").asText());
        assertEquals(compute.get("name").asText(), shown.json().get("name").asText());
        assertEquals(21430272, shown.json().get("size").asLong());
        assertTrue(get("/v2/images?visibility=public", DEMO).text().contains(seeded));
    }

    @Test
    void aServerBootsFromAnUploadedImageAndItsSnapshotIsAnImageV2Image() throws Exception {
        String token = "booter:booter";
        String id = json("POST", "/v2/images", token, "{\"name\": \"bootable\", \"disk_format\": \"raw\", "
                + "\"container_format\": \"bare\"}").json().get("id").asText();
        JnovaTestServer.Reply queued = jnova.call("POST", "/servers", "{\"server\": {\"name\": \"q\", "
                + "\"imageRef\": \"" + id + "\", \"flavorRef\": \"1\"}}", "2.1", token);
        assertEquals(400, queued.status(), "an image without data does not boot: " + queued.body());
        assertEquals(204, call("PUT", "/v2/images/" + id + "/file", token, "application/octet-stream",
                new byte[] {1, 2, 3}).status());
        String server = org.jnova.testing.TestServers.active(jnova, token, id, "1");

        JnovaTestServer.Reply snapshot = jnova.call("POST", "/servers/" + server + "/action",
                "{\"createImage\": {\"name\": \"snap\"}}", "2.45", token);
        assertEquals(202, snapshot.status(), snapshot.body());
        String snapshotId = snapshot.json().get("image_id").asText();
        JsonNode shown = get("/v2/images/" + snapshotId, token).json();
        assertEquals("snap", shown.get("name").asText());
        assertEquals("private", shown.get("visibility").asText());
        assertEquals("booter", shown.get("owner").asText());
        assertEquals(404, get("/v2/images/" + snapshotId, DEMO).status());
    }

    @Test
    void tagsSubResource() throws Exception {
        String id = json("POST", "/v2/images", DEMO, "{\"name\": \"tagged\"}").json().get("id").asText();
        assertEquals(204, call("PUT", "/v2/images/" + id + "/tags/blue%20sky", DEMO, null, null).status());
        assertEquals(204, call("PUT", "/v2/images/" + id + "/tags/blue%20sky", DEMO, null, null).status());
        assertEquals(List.of("blue sky"), JSON.convertValue(get("/v2/images/" + id, DEMO).json().get("tags"),
                List.class));
        assertEquals(1, get("/v2/images?tag=blue%20sky", DEMO).json().get("images").size());
        assertEquals(404, call("PUT", "/v2/images/" + id + "/tags/x", "other:other", null, null).status());
        assertEquals(204, call("DELETE", "/v2/images/" + id + "/tags/blue%20sky", DEMO, null, null).status());
        assertEquals(404, call("DELETE", "/v2/images/" + id + "/tags/blue%20sky", DEMO, null, null).status());
        assertEquals(0, get("/v2/images/" + id, DEMO).json().get("tags").size());
        assertEquals(204, call("PUT", "/v2/images/" + id + "/tags/100%25", DEMO, null, null).status());
        assertEquals("100%", get("/v2/images/" + id, DEMO).json().get("tags").get(0).asText());
    }

    @Test
    void deactivateAndReactivate() throws Exception {
        String id = json("POST", "/v2/images", DEMO, "{\"name\": \"switch\"}").json().get("id").asText();
        Reply queued = call("POST", "/v2/images/" + id + "/actions/deactivate", DEMO, null, null);
        assertEquals(403, queued.status());
        assertTrue(queued.text().contains("Not allowed to deactivate image in status 'queued'"), queued.text());
        call("PUT", "/v2/images/" + id + "/file", DEMO, "application/octet-stream", new byte[] {9});
        assertEquals(204, call("POST", "/v2/images/" + id + "/actions/deactivate", DEMO, null, null).status());
        assertEquals(204, call("POST", "/v2/images/" + id + "/actions/deactivate", DEMO, null, null).status());
        assertEquals("deactivated", get("/v2/images/" + id, DEMO).json().get("status").asText());
        assertEquals(403, get("/v2/images/" + id + "/file", DEMO).status(), "no download while deactivated");
        assertEquals(200, get("/v2/images/" + id + "/file", "admin:admin").status(), "but for an admin");
        assertEquals(204, call("POST", "/v2/images/" + id + "/actions/reactivate", DEMO, null, null).status());
        assertEquals("active", get("/v2/images/" + id, DEMO).json().get("status").asText());
        assertEquals(405, call("GET", "/v2/images/" + id + "/actions/reactivate", DEMO, null, null).status());
    }

    @Test
    void schemas() throws Exception {
        assertEquals("image", get("/v2/schemas/image", DEMO).json().get("name").asText());
        assertEquals("images", get("/v2/schemas/images", DEMO).json().get("name").asText());
        assertEquals(405, call("DELETE", "/v2/schemas/image", DEMO, null, null).status());
    }
}
