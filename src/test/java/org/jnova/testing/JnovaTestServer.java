package org.jnova.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jnova.cmd.AllInOneServiceFactory;
import org.jnova.conf.cfg.ConfigOpts;
import org.jnova.db.TestDatabases;
import org.jnova.service.ApiService;

/**
 * The all-in-one jnova (API, conductor, compute host with the fake driver, noauth2) on a
 * real socket at 127.0.0.1 with a free port, on a fresh database of the given engine, for
 * API tests with a real HTTP client. Extra nova.conf lines may be passed in.
 *
 * <pre>{@code
 * try (JnovaTestServer jnova = JnovaTestServer.start("sqlite")) {
 *     JnovaTestServer.Reply r = jnova.call("GET", "/flavors", null, "2.1");
 * }
 * }</pre>
 */
public final class JnovaTestServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ApiService service;
    private final String databaseUrl;
    private final Path dir;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final ConfigOpts conf;
    private final AllInOneServiceFactory factory;
    private ApiService metadata;
    private ApiService identity;
    private ApiService image;
    private ApiService ec2;

    private JnovaTestServer(AllInOneServiceFactory factory, ApiService service, ConfigOpts conf, String databaseUrl,
            Path dir) {
        this.factory = factory;
        this.service = service;
        this.conf = conf;
        this.databaseUrl = databaseUrl;
        this.dir = dir;
    }

    /** Starts on a fresh database of {@code engine} (sqlite, postgresql, mariadb). */
    public static JnovaTestServer start(String engine, String... extraConfLines) throws Exception {
        String url = TestDatabases.create(engine);
        Path dir = Files.createTempDirectory("jnova-api");
        List<String> lines = new ArrayList<>(List.of("[DEFAULT]", "state_path = " + dir,
                "osapi_compute_listen = 127.0.0.1",
                "osapi_compute_listen_port = 0",
                "metadata_listen = 127.0.0.1", "metadata_listen_port = 0", "identity_listen = 127.0.0.1",
                "identity_listen_port = 0", "image_listen = 127.0.0.1", "image_listen_port = 0", "ec2_listen = 127.0.0.1",
                "ec2_listen_port = 0", "[api]", "auth_strategy = noauth2", "[database]",
                "connection = " + url,
                "[jnova_compute]", "fake_spawn_delay_ms = 0", "fake_destroy_delay_ms = 0"));
        lines.addAll(List.of(extraConfLines));
        Path confFile = dir.resolve("nova.conf");
        Files.write(confFile, mergeSections(lines));
        AllInOneServiceFactory factory = new AllInOneServiceFactory();
        ConfigOpts conf = factory.loadConfig(List.of("--config-file", confFile.toString()));
        ApiService service = factory.create(conf, "osapi_compute");
        service.start();
        return new JnovaTestServer(factory, service, conf, url, dir);
    }

    /** Later lines for an already opened section are moved under it (INI has one section per name). */
    private static List<String> mergeSections(List<String> lines) {
        Map<String, List<String>> sections = new java.util.LinkedHashMap<>();
        String current = "[DEFAULT]";
        for (String line : lines) {
            if (line.startsWith("[")) {
                current = line;
                sections.computeIfAbsent(current, k -> new ArrayList<>());
            } else {
                sections.computeIfAbsent(current, k -> new ArrayList<>()).add(line);
            }
        }
        List<String> out = new ArrayList<>();
        sections.forEach((name, body) -> {
            out.add(name);
            out.addAll(body);
        });
        return out;
    }

    /** http://127.0.0.1:port */
    public String rootUrl() {
        return "http://127.0.0.1:" + service.port();
    }

    /** http://127.0.0.1:port/v2.1 */
    public String computeUrl() {
        return rootUrl() + "/v2.1";
    }

    public ConfigOpts conf() {
        return conf;
    }

    /** The composition root of the running API (stores, compute APIs), for tests that set up data directly. */
    public org.jnova.cmd.CompositionRoot cloud() {
        return factory.root();
    }

    /**
     * Starts the metadata API ([DEFAULT] metadata_listen, a free port) in this process beside
     * the Compute API, once; returns its URL http://127.0.0.1:port.
     */
    public synchronized String startMetadata() {
        if (metadata == null) {
            metadata = factory.create(conf, "metadata");
            metadata.start();
        }
        return "http://127.0.0.1:" + metadata.port();
    }

    /**
     * Starts the Identity v3 API ([DEFAULT] identity_listen, a free port) in this process beside
     * the Compute API, once; returns its URL http://127.0.0.1:port.
     */
    public synchronized String startIdentity() {
        if (identity == null) {
            identity = factory.create(conf, "identity");
            identity.start();
        }
        return "http://127.0.0.1:" + identity.port();
    }

    /** The nova.conf this server was started with (for nova-manage against the same databases). */
    public Path configFile() {
        return dir.resolve("nova.conf");
    }

    /**
     * Starts the Image v2 API ([DEFAULT] image_listen, a free port) in this process beside the
     * Compute API, once; returns its URL http://127.0.0.1:port.
     */
    public synchronized String startImage() {
        if (image == null) {
            image = factory.create(conf, "image");
            image.start();
        }
        return "http://127.0.0.1:" + image.port();
    }

    /**
     * Calls {@code /v2.1<path>} as the admin user of project "admin" (noauth2) at a microversion
     * (null: none sent).
     */
    public Reply call(String method, String path, String body, String microversion) throws IOException {
        return call(method, path, body, microversion, "admin:admin");
    }

    /** Calls {@code /v2.1<path>} with the noauth2 token {@code user:project}. */
    public Reply call(String method, String path, String body, String microversion, String token)
            throws IOException {
        HttpRequest.Builder request = JsonRequests.builder(method, URI.create(computeUrl() + path), body, token);
        if (microversion != null) {
            request.header("OpenStack-API-Version", "compute " + microversion);
        }
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers().map(), response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    /** Waits (up to 20 s) until the server, as the admin sees it at 2.1, is ACTIVE. */
    public void awaitActive(String serverId) throws IOException, InterruptedException {
        Instant end = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(end)) {
            if ("ACTIVE".equals(call("GET", "/servers/" + serverId, null, "2.1").json().path("server").path("status")
                    .asText())) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("server " + serverId + " never became ACTIVE");
    }

    /** One HTTP answer. */
    public record Reply(int status, Map<String, List<String>> headers, String body) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    /**
     * Starts the EC2 API ([DEFAULT] ec2_listen, a free port) in this process beside the Compute
     * API, once; returns its URL http://127.0.0.1:port.
     */
    public synchronized String startEc2() {
        if (ec2 == null) {
            ec2 = factory.create(conf, "ec2");
            ec2.start();
        }
        return "http://127.0.0.1:" + ec2.port();
    }

    @Override
    public void close() throws Exception {
        synchronized (this) {
            if (ec2 != null) {
                ec2.stop();
            }
            if (image != null) {
                image.stop();
            }
            if (metadata != null) {
                metadata.stop();
            }
            if (identity != null) {
                identity.stop();
            }
        }
        service.stop();
        factory.closeBackend();
        TestDatabases.drop(databaseUrl);
    }
}
