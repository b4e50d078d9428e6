package org.jnova.api.openstack.compute.servers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jnova.testing.EngineServers.call;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jnova.compute.SeedData;
import org.jnova.db.TestDatabases;
import org.jnova.testing.EngineServers;
import org.jnova.testing.JnovaTestServer;
import org.jnova.testing.OpenApiConformance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** 2.98 image properties and 2.100 scheduler hints in show, detail, update and rebuild. */
class ImagePropertiesAndHintsViewTest {
    private static final String PLAIN_IMAGE = "6a3e6c5e-0b1d-4f7e-9a52-3d1c4f0b2a77";
    @RegisterExtension
    static final EngineServers SERVERS = new EngineServers("[jnova_compute]", "seed_images = " + PLAIN_IMAGE
            + ":plain");

    static List<String> engines() {
        return TestDatabases.engines();
    }

    private static String bootActive(JnovaTestServer jnova, String name, String hints) throws Exception {
        JsonNode created = call(jnova, "POST", "/servers", "{\"server\": {\"name\": \"" + name + "\", \"imageRef\": \""
                + SeedData.CIRROS_IMAGE_ID + "\", \"flavorRef\": \"1\", \"networks\": \"auto\"}" + hints + "}",
                "2.96", 202);
        String id = created.path("server").path("id").asText();
        Instant end = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(end)) {
            if ("ACTIVE".equals(call(jnova, "GET", "/servers/" + id, null, "2.1", 200).path("server").path("status")
                    .asText())) {
                return id;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("server " + id + " never became ACTIVE");
    }

    @ParameterizedTest
    @MethodSource("engines")
    void viewsShowImagePropertiesFrom298AndHintsFrom2100(String engine) throws Exception {
        JnovaTestServer jnova = SERVERS.get(engine);
        call(jnova, "POST", "/images/" + SeedData.CIRROS_IMAGE_ID + "/metadata",
                "{\"metadata\": {\"hw_disk_bus\": \"scsi\", \"not_an_image_field\": \"x\"}}", "2.1", 200);
        String id = bootActive(jnova, "hinted", ", \"OS-SCH-HNT:scheduler_hints\": {\"foo\": \"bar\", \"count\": 3, "
                + "\"ratio\": 1.5, \"flag\": true, \"several\": [\"a\", \"b\"]}");
        String plain = bootActive(jnova, "plain", "");

        JsonNode v297 = call(jnova, "GET", "/servers/" + id, null, "2.97", 200).path("server");
        assertThat(v297.path("image").has("properties")).isFalse();
        assertThat(v297.has("scheduler_hints")).isFalse();

        JsonNode v298 = call(jnova, "GET", "/servers/" + id, null, "2.98", 200).path("server");
        // only names nova's ImageMetaProps knows; disk_format and the unknown property are left out
        assertThat(v298.path("image").path("properties").toString())
                .isEqualTo("{\"architecture\":\"x86_64\",\"hw_disk_bus\":\"scsi\"}");
        assertThat(v298.has("scheduler_hints")).isFalse();

        JsonNode v2100 = call(jnova, "GET", "/servers/" + id, null, "2.100", 200).path("server");
        assertThat(v2100.path("scheduler_hints").toString()).isEqualTo("{\"foo\":[\"bar\"],\"count\":[\"3\"],"
                + "\"ratio\":[\"1.5\"],\"flag\":[\"True\"],\"several\":[\"a\",\"b\"]}");
        assertThat(call(jnova, "GET", "/servers/" + plain, null, "2.100", 200).path("server").path("scheduler_hints")
                .toString()).isEqualTo("{}");

        JsonNode detail = call(jnova, "GET", "/servers/detail", null, "2.100", 200).path("servers");
        int seen = 0;
        for (JsonNode s : detail) {
            if (s.path("id").asText().equals(id) || s.path("id").asText().equals(plain)) {
                String expected = s.path("id").asText().equals(id) ? v2100.path("scheduler_hints").toString() : "{}";
                assertThat(s.path("scheduler_hints").toString()).isEqualTo(expected);
                assertThat(s.path("image").path("properties").path("architecture").asText()).isEqualTo("x86_64");
                seen++;
            }
        }
        assertThat(seen).isEqualTo(2);
        assertThat(call(jnova, "GET", "/servers/detail", null, "2.99", 200).path("servers").path(0)
                .has("scheduler_hints")).isFalse();
        // a list filtered by a pattern (rows read bare, children loaded for the page) shows them as show does
        JsonNode filtered = call(jnova, "GET", "/servers/detail?name=hinted", null, "2.98", 200).path("servers");
        assertThat(filtered.findValuesAsText("id")).contains(id);
        for (JsonNode s : filtered) {
            if (s.path("id").asText().equals(id)) {
                assertThat(s.path("image").path("properties")).isEqualTo(v298.path("image").path("properties"));
            }
        }
        // below 2.98 lists leave them out, and the rest of the system metadata still shows
        JsonNode detail297 = call(jnova, "GET", "/servers/detail", null, "2.97", 200).path("servers");
        assertThat(detail297.findValues("image")).allSatisfy(image -> assertThat(image.has("properties")).isFalse());
        assertThat(detail297.findValuesAsText("OS-DCF:diskConfig")).hasSize(detail297.size()).doesNotContain("");

        JsonNode updated = call(jnova, "PUT", "/servers/" + id, "{\"server\": {\"name\": \"renamed\"}}", "2.100", 200)
                .path("server");
        assertThat(updated.path("scheduler_hints").path("foo").path(0).asText()).isEqualTo("bar");
        assertThat(updated.path("image").path("properties").path("hw_disk_bus").asText()).isEqualTo("scsi");

        // rebuild keeps the hints and replaces the image's properties with the new image's (none)
        JsonNode rebuilt = rebuild(jnova, id, PLAIN_IMAGE, "2.100");
        assertThat(rebuilt.path("image").path("id").asText()).isEqualTo(PLAIN_IMAGE);
        assertThat(rebuilt.path("image").path("properties").toString()).isEqualTo("{}");
        assertThat(rebuilt.path("scheduler_hints").path("several").size()).isEqualTo(2);
        JsonNode rebuilt298 = rebuild(jnova, plain, SeedData.CIRROS_IMAGE_ID, "2.98");
        assertThat(rebuilt298.path("image").path("properties").path("hw_disk_bus").asText()).isEqualTo("scsi");
        assertThat(rebuilt298.has("scheduler_hints")).isFalse();
    }

    private static JsonNode rebuild(JnovaTestServer jnova, String id, String image, String version) throws Exception {
        JnovaTestServer.Reply reply = jnova.call("POST", "/servers/" + id + "/action",
                "{\"rebuild\": {\"imageRef\": \"" + image + "\"}}", version, "admin:admin");
        assertThat(reply.status()).as(reply.body()).isEqualTo(202);
        // the OpenAPI file lists every action's answer under 201
        OpenApiConformance.get().assertConforms("POST", "/v2.1/servers/{id}/action", 201, version, reply.json());
        return reply.json().path("server");
    }

    @ParameterizedTest
    @MethodSource("engines")
    void hintsAtOsSchedulerHintsWinAndMayBeEmpty(String engine) throws Exception {
        JnovaTestServer jnova = SERVERS.get(engine);
        String id = bootActive(jnova, "both", ", \"os:scheduler_hints\": {\"a\": \"1\"}, "
                + "\"OS-SCH-HNT:scheduler_hints\": {\"b\": \"2\"}");
        assertThat(call(jnova, "GET", "/servers/" + id, null, "2.100", 200).path("server").path("scheduler_hints")
                .toString()).isEqualTo("{\"a\":[\"1\"]}");
        // a group hint is shown while its group exists, as nova's request spec load drops it after
        String group = call(jnova, "POST", "/os-server-groups", "{\"server_group\": {\"name\": \"g\", "
                + "\"policies\": [\"affinity\"]}}", "2.1", 200).path("server_group").path("id").asText();
        String member = bootActive(jnova, "member", ", \"os:scheduler_hints\": {\"group\": \"" + group
                + "\", \"other\": \"x\"}");
        assertThat(call(jnova, "GET", "/servers/" + member, null, "2.100", 200).path("server")
                .path("scheduler_hints").toString()).isEqualTo("{\"group\":[\"" + group + "\"],\"other\":[\"x\"]}");
        call(jnova, "DELETE", "/os-server-groups/" + group, null, "2.1", 204);
        assertThat(call(jnova, "GET", "/servers/" + member, null, "2.100", 200).path("server")
                .path("scheduler_hints").toString()).isEqualTo("{\"other\":[\"x\"]}");
        String none = bootActive(jnova, "empty", ", \"os:scheduler_hints\": {}");
        JnovaTestServer.Reply latest = jnova.call("GET", "/servers/" + none, null, "latest", "admin:admin");
        assertThat(latest.header("OpenStack-API-Version")).isEqualTo("compute 2.104");
        assertThat(latest.json().path("server").path("scheduler_hints").toString()).isEqualTo("{}");
    }

    @org.junit.jupiter.api.Test
    void pythonFloatText() {
        assertThat(SchedulerHints.pythonFloat(1.5)).isEqualTo("1.5");
        assertThat(SchedulerHints.pythonFloat(2.0)).isEqualTo("2.0");
        assertThat(SchedulerHints.pythonFloat(1e16)).isEqualTo("1e+16");
        assertThat(SchedulerHints.pythonFloat(1.5e-5)).isEqualTo("1.5e-05");
        assertThat(SchedulerHints.pythonFloat(0.0001)).isEqualTo("0.0001");
    }
}
