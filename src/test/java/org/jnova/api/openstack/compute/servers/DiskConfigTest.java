package org.jnova.api.openstack.compute.servers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jnova.testing.EngineServers.call;
import static org.jnova.testing.EngineServers.message;

import com.fasterxml.jackson.databind.JsonNode;
import org.jnova.compute.SeedData;
import org.jnova.testing.EachEngine;
import org.jnova.testing.EngineServers;
import org.jnova.testing.JnovaTestServer;
import org.jnova.testing.OpenApiConformance;
import org.jnova.testing.TestServers;
import org.junit.jupiter.api.extension.RegisterExtension;

/** OS-DCF:diskConfig is kept as asked by create, update, rebuild and resize, and shown by every view. */
class DiskConfigTest {
    private static final String FIELD = "OS-DCF:diskConfig";

    @RegisterExtension
    static final EngineServers SERVERS = new EngineServers();

    @EachEngine
    void eachOperationKeepsWhatWasAsked(String engine) throws Exception {
        JnovaTestServer jnova = SERVERS.get(engine);
        JsonNode created = call(jnova, "POST", "/servers", "{\"server\": {\"name\": \"dcf\", \"imageRef\": \""
                + SeedData.CIRROS_IMAGE_ID + "\", \"flavorRef\": \"1\", \"" + FIELD + "\": \"AUTO\"}}", "2.1", 202);
        assertThat(created.path("server").path(FIELD).asText()).isEqualTo("AUTO");
        String id = created.path("server").path("id").asText();
        assertThat(TestServers.settled(jnova, id, "ACTIVE").path(FIELD).asText()).isEqualTo("AUTO");

        assertThat(update(jnova, id, "MANUAL").path(FIELD).asText()).isEqualTo("MANUAL");
        assertThat(show(jnova, id).path(FIELD).asText()).isEqualTo("MANUAL");
        assertThat(update(jnova, id, "AUTO").path(FIELD).asText()).isEqualTo("AUTO");
        // an update that does not name it leaves it
        assertThat(call(jnova, "PUT", "/servers/" + id, "{\"server\": {\"name\": \"dcf2\"}}", "2.1", 200)
                .path("server").path(FIELD).asText()).isEqualTo("AUTO");

        JsonNode rebuilt = rebuild(jnova, id, "MANUAL");
        assertThat(rebuilt.path(FIELD).asText()).isEqualTo("MANUAL");
        TestServers.settled(jnova, id, "ACTIVE");
        rebuilt = rebuild(jnova, id, "AUTO");
        assertThat(rebuilt.path(FIELD).asText()).isEqualTo("AUTO");
        TestServers.settled(jnova, id, "ACTIVE");

        call(jnova, "POST", "/servers/" + id + "/action", "{\"resize\": {\"flavorRef\": \"2\", \"" + FIELD
                + "\": \"MANUAL\"}}", "2.1", 202);
        assertThat(TestServers.settled(jnova, id, "VERIFY_RESIZE").path(FIELD).asText()).isEqualTo("MANUAL");
        call(jnova, "POST", "/servers/" + id + "/action", "{\"confirmResize\": null}", "2.1", 204);
        TestServers.settled(jnova, id, "ACTIVE");
        call(jnova, "POST", "/servers/" + id + "/action", "{\"resize\": {\"flavorRef\": \"1\", \"" + FIELD
                + "\": \"AUTO\"}}", "2.1", 202);
        assertThat(TestServers.settled(jnova, id, "VERIFY_RESIZE").path(FIELD).asText()).isEqualTo("AUTO");
        call(jnova, "POST", "/servers/" + id + "/action", "{\"confirmResize\": null}", "2.1", 204);
        TestServers.settled(jnova, id, "ACTIVE");
        assertThat(call(jnova, "GET", "/servers/detail", null, "2.1", 200).path("servers").path(0).path(FIELD)
                .asText()).isEqualTo("AUTO");

        assertThat(message(call(jnova, "PUT", "/servers/" + id, "{\"server\": {\"" + FIELD + "\": \"auto\"}}", "2.1",
                400))).startsWith("Invalid input for field/attribute OS-DCF:diskConfig.");
        call(jnova, "DELETE", "/servers/" + id, null, "2.1", 204);
    }

    @EachEngine
    void anImageWithAutoDiskConfigDisabledRefusesAuto(String engine) throws Exception {
        JnovaTestServer jnova = SERVERS.get(engine);
        String image = SeedData.CIRROS_IMAGE_ID;
        call(jnova, "POST", "/images/" + image + "/metadata", "{\"metadata\": {\"auto_disk_config\": \"Disabled\"}}",
                "2.1", 200);
        try {
            assertThat(message(call(jnova, "POST", "/servers", "{\"server\": {\"name\": \"dcf\", \"imageRef\": \""
                    + image + "\", \"flavorRef\": \"1\", \"" + FIELD + "\": \"AUTO\"}}", "2.1", 400)))
                    .isEqualTo("Requested image " + image + " has automatic disk resize disabled.");
            JsonNode manual = call(jnova, "POST", "/servers", "{\"server\": {\"name\": \"dcf\", \"imageRef\": \""
                    + image + "\", \"flavorRef\": \"1\"}}", "2.1", 202).path("server");
            assertThat(manual.path(FIELD).asText()).isEqualTo("MANUAL");
            String id = manual.path("id").asText();
            TestServers.settled(jnova, id, "ACTIVE");
            assertThat(message(call(jnova, "POST", "/servers/" + id + "/action", "{\"resize\": {\"flavorRef\": \"2\", \""
                    + FIELD + "\": \"AUTO\"}}", "2.1", 400)))
                    .isEqualTo("Requested image " + image + " has automatic disk resize disabled.");
            call(jnova, "DELETE", "/servers/" + id, null, "2.1", 204);
        } finally {
            call(jnova, "DELETE", "/images/" + image + "/metadata/auto_disk_config", null, "2.1", 204);
        }
    }

    private static JsonNode update(JnovaTestServer jnova, String id, String value) throws Exception {
        return call(jnova, "PUT", "/servers/" + id, "{\"server\": {\"" + FIELD + "\": \"" + value + "\"}}", "2.1", 200)
                .path("server");
    }

    private static JsonNode rebuild(JnovaTestServer jnova, String id, String value) throws Exception {
        JnovaTestServer.Reply reply = jnova.call("POST", "/servers/" + id + "/action", "{\"rebuild\": {\"imageRef\": \""
                + SeedData.CIRROS_IMAGE_ID + "\", \"" + FIELD + "\": \"" + value + "\"}}", "2.1");
        assertThat(reply.status()).as(reply.body()).isEqualTo(202);
        // the OpenAPI file lists every action's answer under 201
        OpenApiConformance.get().assertConforms("POST", "/v2.1/servers/{id}/action", 201, "2.1", reply.json());
        return reply.json().path("server");
    }

    private static JsonNode show(JnovaTestServer jnova, String id) throws Exception {
        return call(jnova, "GET", "/servers/" + id, null, "2.1", 200).path("server");
    }
}
