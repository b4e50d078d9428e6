package org.jnova.api.openstack.compute.services;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.jnova.db.TestDatabases;
import org.jnova.testing.JnovaTestServer;
import org.jnova.testing.OpenApiConformance;

/**
 * One all-in-one jnova per database engine for a test class (started on first use, closed in
 * {@code @AfterAll}), and calls whose every JSON answer is checked against the OpenAPI file.
 */
public final class AdminApiServers implements AutoCloseable {
    private final Map<String, JnovaTestServer> servers = new ConcurrentHashMap<>();
    private final String[] confLines;

    public AdminApiServers(String... confLines) {
        this.confLines = confLines;
    }

    public static Stream<String> engines() {
        return TestDatabases.engines().stream();
    }

    public JnovaTestServer get(String engine) {
        return servers.computeIfAbsent(engine, e -> {
            try {
                return JnovaTestServer.start(e, confLines);
            } catch (Exception ex) {
                throw new IllegalStateException(ex);
            }
        });
    }

    /**
     * Calls {@code /v2.1<path>} as admin, asserts the status and that the answer conforms to
     * the OpenAPI description at {@code version}; returns the JSON (null when empty).
     */
    public static JsonNode call(JnovaTestServer jnova, String method, String path, String body, String version,
            int status) throws Exception {
        return call(jnova, method, path, body, version, status, "admin:admin");
    }

    public static JsonNode call(JnovaTestServer jnova, String method, String path, String body, String version,
            int status, String token) throws Exception {
        JnovaTestServer.Reply reply = jnova.call(method, path, body, version, token);
        assertThat(reply.status()).as(method + " " + path + " at " + version + ": " + reply.body()).isEqualTo(status);
        JsonNode json = reply.body().isEmpty() ? null : reply.json();
        String template = "/v2.1" + path.split("\\?")[0];
        OpenApiConformance.get().assertConforms(method, template, status, version, json);
        return json;
    }

    /** The fault message of an error answer. */
    public static String message(JsonNode fault) {
        return fault.elements().next().get("message").asText();
    }

    @Override
    public void close() throws Exception {
        for (JnovaTestServer s : servers.values()) {
            s.close();
        }
        servers.clear();
    }
}
