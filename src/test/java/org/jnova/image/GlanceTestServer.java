package org.jnova.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's real glance-api on the loopback address for tests: SQLite, the file store, and
 * either no authentication (an empty {@code [paste_deploy] flavor}: every request gets
 * glance's unauthenticated admin context) or Keystone tokens ({@link #startBehindKeystone}).
 * Tests are skipped when the glance-api package is missing.
 */
public final class GlanceTestServer implements AutoCloseable {
    private static final Path PASTE = Path.of("/usr/share/glance-common/glance-api-paste.ini");
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Process process;
    private final String url;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private GlanceTestServer(Process process, String url) {
        this.process = process;
        this.url = url;
    }

    public static GlanceTestServer start() throws Exception {
        return start(List.of("[paste_deploy]", "flavor ="));
    }

    /** Behind keystonemiddleware, validating tokens with the given service user (in project service). */
    public static GlanceTestServer startBehindKeystone(String keystoneUrl, String user, String password)
            throws Exception {
        return start(List.of("[paste_deploy]", "flavor = keystone", "[keystone_authtoken]",
                "www_authenticate_uri = " + keystoneUrl, "auth_url = " + keystoneUrl, "auth_type = password",
                "username = " + user, "password = " + password, "user_domain_name = Default",
                "project_name = service", "project_domain_name = Default"));
    }

    /** Without authentication, with more lines for glance-api.conf (sections and options). */
    public static GlanceTestServer start(List<String> extraConf) throws Exception {
        boolean installed = Files.isExecutable(Path.of("/usr/bin/glance-api"))
                && Files.isExecutable(Path.of("/usr/bin/glance-manage")) && Files.isReadable(PASTE);
        Assumptions.assumeTrue(installed, "Glance tests skipped: Debian's glance-api package is not installed "
                + "(bin/lib/test-services.sh installs it)");
        Path dir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "glance-");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Files.createDirectories(dir.resolve("data"));
        Files.copy(PASTE, dir.resolve("glance-api-paste.ini"));
        Path conf = dir.resolve("glance-api.conf");
        List<String> lines = new java.util.ArrayList<>(List.of("[DEFAULT]", "bind_host = 127.0.0.1",
                "bind_port = " + port, "workers = 0", "log_file = " + dir.resolve("glance-api.log"), "[database]",
                "connection = sqlite:///" + dir.resolve("glance.sqlite"), "[glance_store]", "stores = file",
                "default_store = file", "filesystem_store_datadir = " + dir.resolve("data")));
        lines.addAll(extraConf);
        Files.write(conf, lines);
        run(dir, "glance-manage", "--config-file", conf.toString(), "db_sync");
        Process process = new ProcessBuilder("glance-api", "--config-file", conf.toString()).directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(dir.resolve("glance-api.out").toFile()).start();
        GlanceTestServer glance = new GlanceTestServer(process, "http://127.0.0.1:" + port);
        glance.awaitUp(dir);
        return glance;
    }

    private static void run(Path dir, String... command) throws Exception {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve(command[0] + ".out").toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(command[0] + " failed: " + Files.readString(dir.resolve(command[0]
                    + ".out")));
        }
    }

    private void awaitUp(Path dir) throws Exception {
        Instant end = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(end) && process.isAlive()) {
            try {
                if (call("GET", "/versions", null, null).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        close();
        throw new IllegalStateException("glance-api did not start: " + Files.readString(dir.resolve("glance-api.out")));
    }

    public String url() {
        return url;
    }

    public HttpResponse<String> call(String method, String path, String contentType, String body) throws Exception {
        return call(method, path, contentType, body, null);
    }

    /** A call with {@code X-Auth-Token} when {@code token} is not null. */
    public HttpResponse<String> call(String method, String path, String contentType, String body, String token)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (token != null) {
            request.header("X-Auth-Token", token);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    public JsonNode json(String method, String path, String contentType, String body, int status) throws Exception {
        return json(method, path, contentType, body, status, null);
    }

    public JsonNode json(String method, String path, String contentType, String body, int status, String token)
            throws Exception {
        HttpResponse<String> reply = call(method, path, contentType, body, token);
        if (reply.statusCode() != status) {
            throw new AssertionError(method + " " + path + ": " + reply.statusCode() + " " + reply.body());
        }
        return reply.body().isEmpty() ? JSON.nullNode() : JSON.readTree(reply.body());
    }

    /** Creates an active raw image (glance's default visibility, shared) with a few bytes; returns its id. */
    public String createImage(String name) throws Exception {
        String id = json("POST", "/v2/images", "application/json", "{\"name\": \"" + name + "\", \"disk_format\": "
                + "\"raw\", \"container_format\": \"bare\", \"min_ram\": 64, "
                + "\"os_distro\": \"cirros\"}", 201).path("id").asText();
        json("PUT", "/v2/images/" + id + "/file", "application/octet-stream", "disk", 204);
        return id;
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
