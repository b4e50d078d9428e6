package org.jnova.api.openstack.compute.servers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jnova.compute.SeedData;
import org.jnova.testing.JnovaTestServer;
import org.jnova.testing.OpenApiConformance;

/**
 * One all-in-one jnova per engine for the server API tests, and calls that check every JSON
 * answer against the OpenAPI description at the requested microversion.
 */
public final class ServerApiClient {
    public static final String IMAGE = SeedData.CIRROS_IMAGE_ID;
    private static final Map<String, JnovaTestServer> SERVERS = new ConcurrentHashMap<>();
    private final JnovaTestServer jnova;

    private ServerApiClient(JnovaTestServer jnova) {
        this.jnova = jnova;
    }

    /** The shared server of an engine, started on first use and stopped at JVM exit. */
    public static ServerApiClient on(String engine) {
        return new ServerApiClient(SERVERS.computeIfAbsent(engine, e -> {
            try {
                // many tests boot in the admin project: no instance quota in the way
                JnovaTestServer started = JnovaTestServer.start(e, "[quota]", "instances = -1", "cores = -1",
                        "ram = -1");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        started.close();
                    } catch (Exception ignored) {
                        // best effort at exit
                    }
                }));
                return started;
            } catch (Exception ex) {
                throw new IllegalStateException(ex);
            }
        }));
    }

    public JnovaTestServer server() {
        return jnova;
    }

    /** Calls as admin:admin and checks the answer against {@code template} (e.g. /v2.1/servers/{server_id}). */
    public JnovaTestServer.Reply call(String method, String path, String body, String version, String template)
            throws IOException {
        return call(method, path, body, version, template, "admin:admin");
    }

    public JnovaTestServer.Reply call(String method, String path, String body, String version, String template,
            String token) throws IOException {
        JnovaTestServer.Reply r = jnova.call(method, path, body, version, token);
        JsonNode json = r.body() == null || r.body().isEmpty() ? null : r.json();
        OpenApiConformance.get().assertConforms(method, template, r.status(), version, json);
        return r;
    }

    /** Boots one server from cirros/m1.tiny and returns its id. */
    public String boot(String name, String version, String token) throws IOException {
        String networks = version.equals("2.1") || compare(version, "2.37") < 0 ? "" : ", \"networks\": \"auto\"";
        JnovaTestServer.Reply r = call("POST", "/servers", "{\"server\": {\"name\": \"" + name + "\", \"imageRef\": \""
                + IMAGE + "\", \"flavorRef\": \"1\"" + networks + "}}", version, "/v2.1/servers", token);
        assertThat(r.status()).as(r.body()).isEqualTo(202);
        return r.json().path("server").path("id").asText();
    }

    /** Polls until the server's status is {@code status}; returns its last show body. */
    public JsonNode waitFor(String id, String status, String token) throws Exception {
        Instant end = Instant.now().plus(Duration.ofSeconds(20));
        JsonNode server = null;
        while (Instant.now().isBefore(end)) {
            JnovaTestServer.Reply r = jnova.call("GET", "/servers/" + id, null, "2.1", token);
            server = r.json().path("server");
            if (status.equals(server.path("status").asText())) {
                return server;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("server " + id + " never became " + status + ": " + server);
    }

    static int compare(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        int major = Integer.compare(Integer.parseInt(x[0]), Integer.parseInt(y[0]));
        return major != 0 ? major : Integer.compare(Integer.parseInt(x[1]), Integer.parseInt(y[1]));
    }
}
