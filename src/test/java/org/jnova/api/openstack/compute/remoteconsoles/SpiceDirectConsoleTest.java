package org.jnova.api.openstack.compute.remoteconsoles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jnova.testing.EngineServers.assertFault;
import static org.jnova.testing.EngineServers.call;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jnova.compute.SeedData;
import org.jnova.db.TestDatabases;
import org.jnova.testing.EngineServers;
import org.jnova.testing.JnovaTestServer;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** 2.99: spice-direct consoles and the TLS port of their tokens. */
class SpiceDirectConsoleTest {
    @RegisterExtension
    static final EngineServers SERVERS = new EngineServers("[spice]", "enabled = true");
    private static final String DIRECT = "{\"remote_console\": {\"protocol\": \"spice\", \"type\": \"spice-direct\"}}";

    static List<String> engines() {
        return TestDatabases.engines();
    }

    private static String active(JnovaTestServer jnova) throws Exception {
        String id = call(jnova, "POST", "/servers", "{\"server\": {\"name\": \"spice\", \"imageRef\": \""
                + SeedData.CIRROS_IMAGE_ID + "\", \"flavorRef\": \"1\"}}", "2.1", 202).path("server").path("id").asText();
        Instant end = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(end)) {
            if ("ACTIVE".equals(call(jnova, "GET", "/servers/" + id, null, "2.1", 200).path("server").path("status")
                    .asText())) {
                return id;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("server never became ACTIVE");
    }

    private static String token(JsonNode remoteConsole) {
        String url = remoteConsole.path("remote_console").path("url").asText();
        return url.substring(url.indexOf("token=") + "token=".length());
    }

    @ParameterizedTest
    @MethodSource("engines")
    void spiceDirectConsolesFrom299(String engine) throws Exception {
        JnovaTestServer jnova = SERVERS.get(engine);
        String path = "/servers/" + active(jnova) + "/remote-consoles";

        assertFault(jnova.call("POST", path, DIRECT, "2.98", "admin:admin"), 400, "Invalid input for field/attribute "
                + "type. Value: spice-direct. 'spice-direct' is not one of ['novnc', 'xvpvnc', 'rdp-html5', "
                + "'spice-html5', 'serial', 'webmks']");
        JsonNode direct = call(jnova, "POST", path, DIRECT, "2.99", 200);
        assertThat(direct.path("remote_console").path("type").asText()).isEqualTo("spice-direct");
        assertThat(direct.path("remote_console").path("url").asText()).startsWith("http://127.0.0.1:13002/nova?token=");
        assertFault(jnova.call("POST", path, "{\"remote_console\": {\"protocol\": \"vnc\", \"type\": "
                + "\"spice-direct\"}}", "2.99", "admin:admin"), 400, "Invalid console type spice-direct");

        String tokens = "/os-console-auth-tokens/" + token(direct);
        JsonNode shown = call(jnova, "GET", tokens, null, "2.99", 200).path("console");
        assertThat(shown.toString()).contains("\"host\":\"fakespiceconsole.com\"", "\"port\":6969",
                "\"internal_access_path\":null", "\"tls_port\":6970");
        assertThat(call(jnova, "GET", tokens, null, "2.98", 200).path("console").has("tls_port")).isFalse();

        JsonNode html5 = call(jnova, "POST", path,
                "{\"remote_console\": {\"protocol\": \"spice\", \"type\": \"spice-html5\"}}", "2.99", 200);
        JsonNode html5Token = call(jnova, "GET", "/os-console-auth-tokens/" + token(html5), null, "2.99", 200);
        assertThat(html5Token.path("console").has("tls_port")).isFalse();
        assertThat(html5Token.path("console").path("internal_access_path").asText()).isEqualTo("FAKE");
    }

    @ParameterizedTest
    @MethodSource("engines")
    void tokenQueryParametersAreRefusedFrom299(String engine) throws Exception {
        JnovaTestServer jnova = SERVERS.get(engine);
        String path = "/servers/" + active(jnova) + "/remote-consoles";
        String tokens = "/os-console-auth-tokens/" + token(call(jnova, "POST", path, DIRECT, "2.99", 200));
        call(jnova, "GET", tokens + "?foo=bar", null, "2.98", 200);
        assertFault(jnova.call("GET", tokens + "?foo=bar", null, "2.99", "admin:admin"), 400,
                "Additional properties are not allowed ('foo' was unexpected)");
    }
}
