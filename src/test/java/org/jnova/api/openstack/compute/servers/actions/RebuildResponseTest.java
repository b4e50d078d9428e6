package org.jnova.api.openstack.compute.servers.actions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jnova.testing.EngineServers.call;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import org.jnova.compute.SeedData;
import org.jnova.testing.EachEngine;
import org.jnova.testing.EngineServers;
import org.jnova.testing.JnovaTestServer;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The rebuild action answers with the servers view of the rebuilt server at each
 * microversion (every body checked against the OpenAPI description), and generated admin
 * passwords have [DEFAULT] password_length characters.
 */
class RebuildResponseTest {
    private static final String REBUILD = "{\"rebuild\": {\"imageRef\": \"" + SeedData.CIRROS_IMAGE_ID + "\"}}";

    @RegisterExtension
    static final EngineServers SERVERS = new EngineServers("[DEFAULT]", "password_length = 17");

    @RegisterExtension
    static final EngineServers NO_PASSWORDS = new EngineServers("[api]", "enable_instance_password = False");

    @EachEngine
    void rebuildAnswersWithTheServersViewOfEachMicroversion(String engine) throws Exception {
        JnovaTestServer jnova = SERVERS.get(engine);
        String id = boot(jnova, "rebuilt");

        JnovaTestServer.Reply v21 = rebuild(jnova, id, "2.1");
        assertThat(v21.header("Location")).isEqualTo(jnova.computeUrl() + "/servers/" + id);
        JsonNode s = v21.json().path("server");
        assertThat(s.path("id").asText()).isEqualTo(id);
        assertThat(s.path("adminPass").asText()).hasSize(17);
        assertThat(s.path("image").path("id").asText()).isEqualTo(SeedData.CIRROS_IMAGE_ID);
        assertThat(s.path("flavor").has("id")).isTrue();
        assertThat(s.path("addresses").path("private").path(0).has("OS-EXT-IPS:type")).isFalse();
        assertThat(s.has("OS-EXT-STS:vm_state")).isFalse();
        assertThat(s.has("OS-EXT-SRV-ATTR:host")).isFalse();
        assertThat(s.has("key_name")).isFalse();
        assertThat(s.has("locked")).isFalse();
        assertThat(s.has("user_data")).isFalse();

        JsonNode v226 = rebuild(jnova, id, "2.26").json().path("server");
        assertThat(v226.path("tags").isArray()).isTrue();
        assertThat(v226.path("locked").asBoolean(true)).isFalse();
        assertThat(v226.has("description")).isTrue();
        assertThat(v226.has("key_name")).isFalse();

        JsonNode v247 = rebuild(jnova, id, "2.47").json().path("server");
        assertThat(v247.path("flavor").path("original_name").asText()).isEqualTo("m1.tiny");
        assertThat(v247.path("flavor").has("extra_specs")).isTrue();
        assertThat(v247.has("OS-EXT-AZ:availability_zone")).isFalse();

        JsonNode v257 = rebuild(jnova, id, "2.57").json().path("server");
        assertThat(v257.has("key_name")).isTrue();
        assertThat(v257.has("user_data")).isTrue();
        assertThat(v257.has("OS-EXT-STS:task_state")).isFalse();
        assertThat(v257.has("security_groups")).isFalse();

        JsonNode v275 = rebuild(jnova, id, "2.75").json().path("server");
        assertThat(v275.path("OS-EXT-STS:vm_state").asText()).isEqualTo("active");
        assertThat(v275.path("OS-EXT-SRV-ATTR:host").asText()).isNotEmpty();
        assertThat(v275.has("OS-EXT-SRV-ATTR:user_data")).isFalse();
        assertThat(v275.has("user_data")).isTrue();
        assertThat(v275.path("security_groups").path(0).path("name").asText()).isEqualTo("default");
        assertThat(v275.path("addresses").path("private").path(0).path("OS-EXT-IPS:type").asText()).isEqualTo("fixed");
        assertThat(v275.path("server_groups").isArray()).isTrue();
        assertThat(v275.has("host_status")).isTrue();

        JsonNode v296 = rebuild(jnova, id, "2.96").json().path("server");
        assertThat(v296.has("pinned_availability_zone")).isTrue();
        assertThat(v296.has("OS-EXT-SRV-ATTR:hostname")).isTrue();
        assertThat(v296.path("adminPass").asText()).hasSize(17);
    }

    @EachEngine
    void chosenPasswordIsEchoedAndRescueUsesPasswordLength(String engine) throws Exception {
        JnovaTestServer jnova = SERVERS.get(engine);
        String id = boot(jnova, "chosen");
        JnovaTestServer.Reply chosen = jnova.call("POST", "/servers/" + id + "/action", "{\"rebuild\": {\"imageRef\": \""
                + SeedData.CIRROS_IMAGE_ID + "\", \"adminPass\": \"s3cret\"}}", "2.1");
        assertThat(chosen.status()).isEqualTo(202);
        JsonNode s = chosen.json().path("server");
        assertThat(s.path("adminPass").asText()).isEqualTo("s3cret");
        waitFor(jnova, id, "ACTIVE");
        JsonNode rescue = call(jnova, "POST", "/servers/" + id + "/action", "{\"rescue\": null}", "2.1", 200);
        assertThat(rescue.path("adminPass").asText()).hasSize(17).matches("[2-9A-HJ-NP-Za-km-z]+");
    }

    @EachEngine
    void withoutInstancePasswordsRebuildShowsNone(String engine) throws Exception {
        JnovaTestServer jnova = NO_PASSWORDS.get(engine);
        String id = boot(jnova, "nopass");
        for (String version : new String[] {"2.1", "2.75"}) {
            JsonNode s = rebuild(jnova, id, version).json().path("server");
            assertThat(s.path("id").asText()).isEqualTo(id);
            assertThat(s.has("adminPass")).isFalse();
        }
    }

    private static JnovaTestServer.Reply rebuild(JnovaTestServer jnova, String id, String version) throws Exception {
        JnovaTestServer.Reply reply = jnova.call("POST", "/servers/" + id + "/action", REBUILD, version);
        assertThat(reply.status()).as(reply.body()).isEqualTo(202);
        // the OpenAPI file lists every action's answer under 201
        org.jnova.testing.OpenApiConformance.get().assertConforms("POST", "/v2.1/servers/{id}/action", 201, version,
                reply.json());
        waitFor(jnova, id, "ACTIVE");
        return reply;
    }

    static String boot(JnovaTestServer jnova, String name) throws Exception {
        JsonNode created = call(jnova, "POST", "/servers", "{\"server\": {\"name\": \"" + name + "\", \"imageRef\": \""
                + SeedData.CIRROS_IMAGE_ID + "\", \"flavorRef\": \"1\"}}", "2.1", 202);
        String id = created.path("server").path("id").asText();
        waitFor(jnova, id, "ACTIVE");
        return id;
    }

    static void waitFor(JnovaTestServer jnova, String id, String status) throws Exception {
        Instant end = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(end)) {
            if (status.equals(jnova.call("GET", "/servers/" + id, null, "2.1").json().path("server").path("status")
                    .asText())) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("server " + id + " never became " + status);
    }
}
