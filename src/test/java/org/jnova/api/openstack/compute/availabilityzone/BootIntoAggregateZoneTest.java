package org.jnova.api.openstack.compute.availabilityzone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jnova.testing.EngineServers.call;
import static org.jnova.testing.EngineServers.message;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import org.jnova.compute.SeedData;
import org.jnova.testing.EachEngine;
import org.jnova.testing.EngineServers;
import org.jnova.testing.JnovaTestServer;
import org.jnova.testing.TestServers;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A zone made by an aggregate can be booted into as soon as a host is in it, and not once it is empty. */
class BootIntoAggregateZoneTest {
    @RegisterExtension
    static final EngineServers SERVERS = new EngineServers();

    @EachEngine
    void bootFollowsAggregateChangesAtOnce(String engine) throws Exception {
        JnovaTestServer jnova = SERVERS.get(engine);
        String host = call(jnova, "GET", "/os-services?binary=nova-compute", null, "2.1", 200).get("services").get(0)
                .get("host").asText();
        int id = call(jnova, "POST", "/os-aggregates",
                "{\"aggregate\": {\"name\": \"zone-b-agg\", \"availability_zone\": \"zone-b\"}}", "2.1", 200)
                .get("aggregate").get("id").asInt();
        String action = "/os-aggregates/" + id + "/action";
        // an aggregate without hosts makes no zone
        assertThat(message(boot(jnova, "zone-b", 400))).isEqualTo("The requested availability zone is not available");

        call(jnova, "POST", action, "{\"add_host\": {\"host\": \"" + host + "\"}}", "2.1", 200);
        String server = boot(jnova, "zone-b", 202).path("server").path("id").asText();
        JsonNode active = TestServers.settled(jnova, server, "ACTIVE");
        assertThat(active.path("OS-EXT-AZ:availability_zone").asText()).isEqualTo("zone-b");
        assertThat(message(boot(jnova, "nova", 400))).isEqualTo("The requested availability zone is not available");
        assertThat(message(boot(jnova, "elsewhere", 400)))
                .isEqualTo("The requested availability zone is not available");

        call(jnova, "DELETE", "/servers/" + server, null, "2.1", 204);
        awaitGone(jnova, server);
        call(jnova, "POST", action, "{\"remove_host\": {\"host\": \"" + host + "\"}}", "2.1", 200);
        assertThat(message(boot(jnova, "zone-b", 400))).isEqualTo("The requested availability zone is not available");
        String back = boot(jnova, "nova", 202).path("server").path("id").asText();
        assertThat(TestServers.settled(jnova, back, "ACTIVE").path("OS-EXT-AZ:availability_zone").asText())
                .isEqualTo("nova");
        call(jnova, "DELETE", "/servers/" + back, null, "2.1", 204);
        awaitGone(jnova, back);
        call(jnova, "DELETE", "/os-aggregates/" + id, null, "2.1", 200);
    }

    @EachEngine
    void unshelveIntoAZonePinsTheServerThere(String engine) throws Exception {
        JnovaTestServer jnova = SERVERS.get(engine);
        String host = call(jnova, "GET", "/os-services?binary=nova-compute", null, "2.1", 200).get("services").get(0)
                .get("host").asText();
        int id = call(jnova, "POST", "/os-aggregates",
                "{\"aggregate\": {\"name\": \"zone-c-agg\", \"availability_zone\": \"zone-c\"}}", "2.1", 200)
                .get("aggregate").get("id").asInt();
        String action = "/os-aggregates/" + id + "/action";
        call(jnova, "POST", action, "{\"add_host\": {\"host\": \"" + host + "\"}}", "2.1", 200);
        String server = call(jnova, "POST", "/servers", "{\"server\": {\"name\": \"unpinned\", \"imageRef\": \""
                + SeedData.CIRROS_IMAGE_ID + "\", \"flavorRef\": \"1\"}}", "2.1", 202).path("server").path("id").asText();
        JsonNode active = TestServers.settled(jnova, server, "ACTIVE");
        assertThat(active.path("OS-EXT-AZ:availability_zone").asText()).isEqualTo("zone-c");
        assertThat(call(jnova, "GET", "/servers/" + server, null, "2.96", 200).path("server")
                .path("pinned_availability_zone").isNull()).isTrue();

        call(jnova, "POST", "/servers/" + server + "/action", "{\"shelve\": null}", "2.1", 202);
        TestServers.settled(jnova, server, "SHELVED_OFFLOADED");
        assertThat(message(call(jnova, "POST", "/servers/" + server + "/action",
                "{\"unshelve\": {\"availability_zone\": \"nowhere\"}}", "2.77", 400)))
                .isEqualTo("The requested availability zone is not available");
        call(jnova, "POST", "/servers/" + server + "/action", "{\"unshelve\": {\"availability_zone\": \"zone-c\"}}",
                "2.77", 202);
        TestServers.settled(jnova, server, "ACTIVE");
        JsonNode pinned = call(jnova, "GET", "/servers/" + server, null, "2.96", 200).path("server");
        assertThat(pinned.path("pinned_availability_zone").asText()).isEqualTo("zone-c");
        assertThat(pinned.path("OS-EXT-AZ:availability_zone").asText()).isEqualTo("zone-c");

        call(jnova, "DELETE", "/servers/" + server, null, "2.1", 204);
        awaitGone(jnova, server);
        call(jnova, "POST", action, "{\"remove_host\": {\"host\": \"" + host + "\"}}", "2.1", 200);
        call(jnova, "DELETE", "/os-aggregates/" + id, null, "2.1", 200);
    }

    private static JsonNode boot(JnovaTestServer jnova, String zone, int status) throws Exception {
        return call(jnova, "POST", "/servers", "{\"server\": {\"name\": \"az\", \"imageRef\": \""
                + SeedData.CIRROS_IMAGE_ID + "\", \"flavorRef\": \"1\", \"availability_zone\": \"" + zone + "\"}}",
                "2.1", status);
    }

    private static void awaitGone(JnovaTestServer jnova, String id) throws Exception {
        Instant end = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(end)) {
            if (jnova.call("GET", "/servers/" + id, null, "2.1").status() == 404) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("server " + id + " was never deleted");
    }
}
