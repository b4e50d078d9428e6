package org.jnova.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jnova.testing.JnovaTestServer;

/**
 * Images for the Image v2 fuzzing, made through the Image API itself: project A's image with
 * data, shared with project B; A's image without data (for uploads, stages and imports);
 * B's private image, whose name A must never be shown; a public image of the admin's. The
 * seed image is never a target (the compute fixtures boot from it). {@link #refresh()}
 * makes again what the fuzzing deleted or used up.
 */
final class ImageFixtures implements ImageGenerator.Targets {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ALICE = "alice:" + FuzzFixtures.PROJECT_A;
    private static final String BOB = "bob:" + FuzzFixtures.PROJECT_B;

    private final String url;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, String> ids = new HashMap<>();
    private final String secret = "fuzz-secret-" + UUID.randomUUID();
    private JsonNode schema;

    ImageFixtures(JnovaTestServer jnova) {
        this.url = jnova.startImage();
    }

    String url() {
        return url;
    }

    ImageFixtures create() {
        schema = parse(send("GET", "/v2/schemas/image", ALICE, null, null).body());
        refresh();
        return this;
    }

    void refresh() {
        if (!status("own").equals("active")) {
            String id = image(ALICE, "{\"name\": \"fuzz-own\", \"visibility\": \"shared\", \"disk_format\": \"raw\", "
                    + "\"container_format\": \"bare\", \"tags\": [\"tag1\"]}");
            expect(send("PUT", "/v2/images/" + id + "/file", ALICE, "application/octet-stream", new byte[1024]), 204);
            expect(send("POST", "/v2/images/" + id + "/members", ALICE, "application/json",
                    ("{\"member\": \"" + FuzzFixtures.PROJECT_B + "\"}").getBytes()), 200);
            ids.put("own", id);
        }
        if (!status("queued").equals("queued")) {
            ids.put("queued", image(ALICE, "{\"name\": \"fuzz-queued\", \"disk_format\": \"raw\", "
                    + "\"container_format\": \"bare\"}"));
        }
        if (status("other").isEmpty()) {
            ids.put("other", image(BOB, "{\"name\": \"" + secret + "\", \"visibility\": \"private\"}"));
        }
        if (!status("public").equals("active")) {
            String id = image("admin:admin", "{\"name\": \"fuzz-public\", \"visibility\": \"public\", "
                    + "\"disk_format\": \"raw\", \"container_format\": \"bare\"}");
            expect(send("PUT", "/v2/images/" + id + "/file", "admin:admin", "application/octet-stream",
                    new byte[2048]), 204);
            ids.put("public", id);
        }
    }

    @Override
    public String image(String which) {
        return ids.get(which);
    }

    @Override
    public JsonNode imageSchema() {
        return schema;
    }

    @Override
    public List<String> unseen() {
        return List.of(secret);
    }

    /** The status of the fixture as the admin sees it; "" when it is gone. */
    private String status(String which) {
        String id = ids.get(which);
        if (id == null) {
            return "";
        }
        Reply r = send("GET", "/v2/images/" + id, "admin:admin", null, null);
        return r.status() == 200 ? parse(r.body()).path("status").asText() : "";
    }

    private String image(String token, String body) {
        Reply r = expect(send("POST", "/v2/images", token, "application/json", body.getBytes()), 201);
        return parse(r.body()).path("id").asText();
    }

    private static Reply expect(Reply r, int status) {
        if (r.status() != status) {
            throw new AssertionError("image fixture: " + r.status() + " " + r.body());
        }
        return r;
    }

    private record Reply(int status, String body) {
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }

    private Reply send(String method, String path, String token, String contentType, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        request.header("X-Auth-Token", token);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
