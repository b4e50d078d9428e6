package org.jnova.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One {@link JnovaTestServer} per database engine for a test class (start on first use,
 * close in {@code @AfterAll}), and calls whose JSON answers are checked against nova's
 * OpenAPI description at the requested microversion.
 */
public final class EngineServers implements AutoCloseable {
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
        int q = path.indexOf('?');
        String template = "/v2.1" + (q < 0 ? path : path.substring(0, q));
        JsonNode json = reply.body().isEmpty() ? null : reply.json();
        OpenApiConformance.get().assertConforms(method, template, reply.status(), version, json);
        return reply;
    }

    @Override
    public synchronized void close() throws Exception {
        for (JnovaTestServer server : servers.values()) {
            server.close();
        }
        servers.clear();
    }
}
