package org.jnova.api.openstack.compute.remoteconsoles;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jnova.compute.SeedData;
import org.jnova.db.TestDatabases;
import org.jnova.testing.JnovaTestServer;
import org.jnova.testing.JnovaTestServer.Reply;
import org.jnova.testing.OpenApiConformance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jnova.testing.EngineServers;

/** remote-consoles, the legacy console actions and os-console-auth-tokens against a booted server. */
class RemoteConsolesApiTest {
    @RegisterExtension
    static final EngineServers SERVERS = new EngineServers("[serial_console]", "enabled = true", "[vnc]",
            "novncproxy_base_url = http://console.example:6080/vnc_lite.html");
    private static final Map<String, String> ACTIVE = new ConcurrentHashMap<>();
    private static final String CONSOLES = "/v2.1/servers/{server_id}/remote-consoles";
    private static final String ACTION = "/v2.1/servers/{server_id}/action";
    private static final String TOKENS = "/v2.1/os-console-auth-tokens/{id}";

    static List<String> engines() {
        return TestDatabases.engines();
    }

    @AfterAll
    static void stop() throws Exception {
        ACTIVE.clear();
    }

    private static JnovaTestServer jnova(String engine) {
        return SERVERS.get(engine);
    }

    private static Reply call(String engine, String method, String path, String body, String version,
            String template) throws IOException {
        Reply r = jnova(engine).call(method, path, body, version, "admin:admin");
        JsonNode json = r.body() == null || r.body().isEmpty() ? null : r.json();
        OpenApiConformance.get().assertConforms(method, template, r.status(), version, json);
        return r;
    }

    private static String activeServer(String engine) throws Exception {
        String existing = ACTIVE.get(engine);
        if (existing != null) {
            return existing;
        }
        Reply boot = call(engine, "POST", "/servers", "{\"server\": {\"name\": \"console\", \"imageRef\": \""
                + SeedData.CIRROS_IMAGE_ID + "\", \"flavorRef\": \"1\"}}", "2.1", "/v2.1/servers");
        assertThat(boot.status()).as(boot.body()).isEqualTo(202);
        String id = boot.json().path("server").path("id").asText();
        jnova(engine).awaitActive(id);
        ACTIVE.put(engine, id);
        return id;
    }

    private static String message(Reply r, String fault) {
        return r.json().path(fault).path("message").asText();
    }

    @ParameterizedTest
    @MethodSource("engines")
    void remoteConsoleUrlsCarryTokensThatResolve(String engine) throws Exception {
        String id = activeServer(engine);
        String path = "/servers/" + id + "/remote-consoles";
        for (String v : List.of("2.6", "2.50", "2.96")) {
            Reply vnc = call(engine, "POST", path, "{\"remote_console\": {\"protocol\": \"vnc\", \"type\": \"novnc\"}}",
                    v, CONSOLES);
            assertThat(vnc.status()).as(vnc.body()).isEqualTo(200);
            JsonNode console = vnc.json().path("remote_console");
            assertThat(console.path("protocol").asText()).isEqualTo("vnc");
            assertThat(console.path("type").asText()).isEqualTo("novnc");
            String url = console.path("url").asText();
            assertThat(url).startsWith("http://console.example:6080/vnc_lite.html?path=%3Ftoken%3D");
            String token = url.substring(url.indexOf("%3D") + 3);

            Reply info = call(engine, "GET", "/os-console-auth-tokens/" + token, null, "2.96", TOKENS);
            assertThat(info.status()).as(info.body()).isEqualTo(200);
            assertThat(info.json().path("console").path("instance_uuid").asText()).isEqualTo(id);
            assertThat(info.json().path("console").path("host").asText()).isEqualTo("fakevncconsole.com");
            assertThat(info.json().path("console").path("port").asInt()).isEqualTo(6969);
            assertThat(info.json().path("console").path("internal_access_path").asText()).isEqualTo("FAKE");

            Reply old = call(engine, "GET", "/os-console-auth-tokens/" + token, null, "2.30", TOKENS);
            assertThat(old.status()).isEqualTo(401);
            assertThat(message(old, "unauthorized")).isEqualTo("The requested console type details are not accessible");
        }
        Reply serial = call(engine, "POST", path,
                "{\"remote_console\": {\"protocol\": \"serial\", \"type\": \"serial\"}}", "2.96", CONSOLES);
        assertThat(serial.status()).as(serial.body()).isEqualTo(200);
        assertThat(serial.json().path("remote_console").path("url").asText()).startsWith("ws://127.0.0.1:6083/?token=");

        Reply unknown = call(engine, "GET", "/os-console-auth-tokens/nope", null, "2.96", TOKENS);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(message(unknown, "itemNotFound")).isEqualTo("Token not found");
    }

    @ParameterizedTest
    @MethodSource("engines")
    void remoteConsoleRefusalsFollowNova(String engine) throws Exception {
        String id = activeServer(engine);
        String path = "/servers/" + id + "/remote-consoles";
        Reply spice = call(engine, "POST", path,
                "{\"remote_console\": {\"protocol\": \"spice\", \"type\": \"spice-html5\"}}", "2.50", CONSOLES);
        assertThat(spice.status()).isEqualTo(400);
        assertThat(message(spice, "badRequest")).isEqualTo("Unavailable console type spice-html5.");
        Reply rdp = call(engine, "POST", path,
                "{\"remote_console\": {\"protocol\": \"rdp\", \"type\": \"rdp-html5\"}}", "2.96", CONSOLES);
        assertThat(rdp.status()).isEqualTo(400);
        assertThat(message(rdp, "badRequest")).isEqualTo("Unavailable console type rdp-html5.");
        Reply mismatch = call(engine, "POST", path,
                "{\"remote_console\": {\"protocol\": \"vnc\", \"type\": \"serial\"}}", "2.96", CONSOLES);
        assertThat(mismatch.status()).isEqualTo(400);
        assertThat(message(mismatch, "badRequest")).isEqualTo("Invalid console type serial");
        Reply mksBefore28 = call(engine, "POST", path,
                "{\"remote_console\": {\"protocol\": \"mks\", \"type\": \"webmks\"}}", "2.7", CONSOLES);
        assertThat(mksBefore28.status()).isEqualTo(400);
        assertThat(message(mksBefore28, "badRequest")).isEqualTo("Invalid input for field/attribute protocol. "
                + "Value: mks. 'mks' is not one of ['vnc', 'spice', 'rdp', 'serial']");
        Reply mks = call(engine, "POST", path,
                "{\"remote_console\": {\"protocol\": \"mks\", \"type\": \"webmks\"}}", "2.8", CONSOLES);
        assertThat(mks.status()).isEqualTo(400);
        assertThat(message(mks, "badRequest")).isEqualTo("Unavailable console type webmks.");
        // no such operation before 2.6 (the OpenAPI description has none to check against)
        Reply before26 = jnova(engine).call("POST", path,
                "{\"remote_console\": {\"protocol\": \"vnc\", \"type\": \"novnc\"}}", "2.5", "admin:admin");
        assertThat(before26.status()).isEqualTo(404);
        Reply missingServer = call(engine, "POST", "/servers/00000000-0000-0000-0000-000000000000/remote-consoles",
                "{\"remote_console\": {\"protocol\": \"vnc\", \"type\": \"novnc\"}}", "2.96", CONSOLES);
        assertThat(missingServer.status()).isEqualTo(404);

        Reply stop = call(engine, "POST", "/servers/" + id + "/action", "{\"os-stop\": null}", "2.1", ACTION);
        assertThat(stop.status()).isEqualTo(202);
        waitForStatus(engine, id, "SHUTOFF");
        try {
            Reply stopped = call(engine, "POST", path,
                    "{\"remote_console\": {\"protocol\": \"vnc\", \"type\": \"novnc\"}}", "2.96", CONSOLES);
            // nova hands out a console for a stopped server on a host (only a missing host is 409)
            assertThat(stopped.status()).as(stopped.body()).isEqualTo(200);
        } finally {
            call(engine, "POST", "/servers/" + id + "/action", "{\"os-start\": null}", "2.1", ACTION);
            waitForStatus(engine, id, "ACTIVE");
        }
    }

    @ParameterizedTest
    @MethodSource("engines")
    void legacyConsoleActionsUntil25(String engine) throws Exception {
        String id = activeServer(engine);
        String path = "/servers/" + id + "/action";
        Reply vnc = call(engine, "POST", path, "{\"os-getVNCConsole\": {\"type\": \"novnc\"}}", "2.1", ACTION);
        assertThat(vnc.status()).as(vnc.body()).isEqualTo(200);
        assertThat(vnc.json().path("console").path("type").asText()).isEqualTo("novnc");
        assertThat(vnc.json().path("console").path("url").asText()).contains("?path=%3Ftoken%3D");
        Reply xvp = call(engine, "POST", path, "{\"os-getVNCConsole\": {\"type\": \"xvpvnc\"}}", "2.5", ACTION);
        assertThat(xvp.status()).isEqualTo(400);
        assertThat(message(xvp, "badRequest")).isEqualTo("Invalid console type xvpvnc");
        Reply serial = call(engine, "POST", path, "{\"os-getSerialConsole\": {\"type\": \"serial\"}}", "2.5", ACTION);
        assertThat(serial.status()).isEqualTo(200);
        Reply spice = call(engine, "POST", path, "{\"os-getSPICEConsole\": {\"type\": \"spice-html5\"}}", "2.1",
                ACTION);
        assertThat(spice.status()).isEqualTo(400);
        assertThat(message(spice, "badRequest")).isEqualTo("Unavailable console type spice-html5.");
        Reply rdp = call(engine, "POST", path, "{\"os-getRDPConsole\": {\"type\": \"rdp-html5\"}}", "2.1", ACTION);
        assertThat(rdp.status()).isEqualTo(400);
        assertThat(message(rdp, "badRequest")).isEqualTo("Unavailable console type rdp-html5.");
        Reply badType = call(engine, "POST", path, "{\"os-getVNCConsole\": {\"type\": \"foo\"}}", "2.1", ACTION);
        assertThat(badType.status()).isEqualTo(400);
        assertThat(message(badType, "badRequest")).isEqualTo(
                "Invalid input for field/attribute type. Value: foo. 'foo' is not one of ['novnc', 'xvpvnc']");
        Reply gone = call(engine, "POST", path, "{\"os-getVNCConsole\": {\"type\": \"novnc\"}}", "2.96", ACTION);
        assertThat(gone.status()).isEqualTo(404);
    }

    private static void waitForStatus(String engine, String id, String status) throws Exception {
        Instant end = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(end)) {
            Reply show = jnova(engine).call("GET", "/servers/" + id, null, "2.1", "admin:admin");
            if (status.equals(show.json().path("server").path("status").asText())) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("server " + id + " never became " + status);
    }
}
