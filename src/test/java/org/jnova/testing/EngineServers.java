package org.jnova.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One {@link JnovaTestServer} per database engine for a test class (started on first use, closed
 * after the class when registered with {@code @RegisterExtension} on a static field), and calls
 * whose JSON answers are checked against nova's OpenAPI description at the requested microversion.
 * Test methods take their engine from {@link EachEngine}.
 */
public final class EngineServers implements AutoCloseable, AfterAllCallback {
    private final Map<String, JnovaTestServer> servers = new LinkedHashMap<>();
    private final String[] confLines;

    public EngineServers(String... confLines) {
        this.confLines = confLines.clone();
    }

    public synchronized JnovaTestServer get(String engine) {
        return servers.computeIfAbsent(engine, e -> {
            try {
                return JnovaTestServer.start(e, confLines);
            } catch (Exception ex) {
                throw new IllegalStateException("cannot start jnova on " + e, ex);
            }
        });
    }

    /** Calls as admin:admin and checks the answer against the OpenAPI description. */
    public JnovaTestServer.Reply call(String engine, String method, String path, String body, String version)
            throws IOException {
        return callAs(engine, "admin:admin", method, path, body, version);
    }

    /** Calls with a noauth2 token and checks the answer against the OpenAPI description. */
    public JnovaTestServer.Reply callAs(String engine, String token, String method, String path, String body,
            String version) throws IOException {
        JnovaTestServer.Reply reply = get(engine).call(method, path, body, version, token);
        assertConforms(method, path, version, reply);
        return reply;
    }

    /**
     * Calls {@code /v2.1<path>} as admin, asserts the status and that the answer conforms to
     * the OpenAPI description at {@code version}; returns the JSON (null when empty).
     */
    public static JsonNode call(JnovaTestServer jnova, String method, String path, String body, String version,
            int status) throws IOException {
        return call(jnova, method, path, body, version, status, "admin:admin");
    }

    /** As {@link #call(JnovaTestServer, String, String, String, String, int)} with a noauth2 token. */
    public static JsonNode call(JnovaTestServer jnova, String method, String path, String body, String version,
            int status, String token) throws IOException {
        JnovaTestServer.Reply reply = jnova.call(method, path, body, version, token);
        assertThat(reply.status()).as(method + " " + path + " at " + version + ": " + reply.body()).isEqualTo(status);
        return assertConforms(method, path, version, reply);
    }

    /** The fault message of an error answer. */
    public static String message(JsonNode fault) {
        return fault.elements().next().get("message").asText();
    }

    /** Asserts an error answer's status and fault message. */
    public static void assertFault(JnovaTestServer.Reply reply, int status, String message) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(message(reply.json())).isEqualTo(message);
    }

    /** Checks the answer against the OpenAPI operation of {@code path} without its query; returns its JSON. */
    private static JsonNode assertConforms(String method, String path, String version, JnovaTestServer.Reply reply)
            throws IOException {
        int q = path.indexOf('?');
        String template = "/v2.1" + (q < 0 ? path : path.substring(0, q));
        JsonNode json = reply.body().isEmpty() ? null : reply.json();
        OpenApiConformance.get().assertConforms(method, template, reply.status(), version, json);
        return json;
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        close();
    }

    @Override
    public synchronized void close() throws Exception {
        for (JnovaTestServer server : servers.values()) {
            server.close();
        }
        servers.clear();
    }
}
