package org.jnova.api.openstack.compute.servers.actions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jnova.testing.EngineServers.call;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jnova.testing.EachEngine;
import org.jnova.testing.EngineServers;
import org.jnova.testing.JnovaTestServer;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * [DEFAULT] shelved_offload_time: 0 offloads at once, a positive time lets the compute
 * host's periodic task (every shelved_poll_interval) offload the server once it has been
 * shelved that long, -1 never offloads.
 */
class ShelveOffloadTimeTest {
    @RegisterExtension
    static final EngineServers AT_ONCE = new EngineServers();

    @RegisterExtension
    static final EngineServers AFTER_TWO_SECONDS = new EngineServers("[DEFAULT]", "shelved_offload_time = 2",
            "shelved_poll_interval = 1");

    @RegisterExtension
    static final EngineServers NEVER = new EngineServers("[DEFAULT]", "shelved_offload_time = -1",
            "shelved_poll_interval = 1");

    @EachEngine
    void zeroOffloadsAtOnce(String engine) throws Exception {
        JnovaTestServer jnova = AT_ONCE.get(engine);
        String id = RebuildResponseTest.boot(jnova, "at-once");
        shelve(jnova, id);
        RebuildResponseTest.waitFor(jnova, id, "SHELVED_OFFLOADED");
        assertThat(server(jnova, id).path("OS-EXT-SRV-ATTR:host").isNull()).isTrue();
    }

    @EachEngine
    void positiveTimeOffloadsFromThePeriodicTask(String engine) throws Exception {
        JnovaTestServer jnova = AFTER_TWO_SECONDS.get(engine);
        String id = RebuildResponseTest.boot(jnova, "later");
        String requestId = shelve(jnova, id);
        RebuildResponseTest.waitFor(jnova, id, "SHELVED");
        Instant shelved = Instant.now();
        assertThat(server(jnova, id).path("OS-EXT-SRV-ATTR:host").asText()).isNotEmpty();
        RebuildResponseTest.waitFor(jnova, id, "SHELVED_OFFLOADED");
        assertThat(Duration.between(shelved, Instant.now())).isGreaterThan(Duration.ofMillis(1500));
        JsonNode offloaded = server(jnova, id);
        assertThat(offloaded.path("OS-EXT-SRV-ATTR:host").isNull()).isTrue();
        assertThat(offloaded.path("OS-EXT-STS:task_state").isNull()).isTrue();
        JsonNode action = call(jnova, "GET", "/servers/" + id + "/os-instance-actions/" + requestId, null, "2.51", 200)
                .path("instanceAction");
        List<String> events = new ArrayList<>();
        action.path("events").forEach(e -> events.add(e.path("event").asText() + ":" + e.path("result").asText()));
        assertThat(events).contains("compute_shelve_instance:Success", "compute_shelve_offload_instance:Success");
    }

    @EachEngine
    void minusOneNeverOffloads(String engine) throws Exception {
        JnovaTestServer jnova = NEVER.get(engine);
        String id = RebuildResponseTest.boot(jnova, "never");
        shelve(jnova, id);
        RebuildResponseTest.waitFor(jnova, id, "SHELVED");
        Thread.sleep(2500);
        JsonNode server = server(jnova, id);
        assertThat(server.path("status").asText()).isEqualTo("SHELVED");
        assertThat(server.path("OS-EXT-SRV-ATTR:host").asText()).isNotEmpty();
    }

    private static String shelve(JnovaTestServer jnova, String id) throws Exception {
        JnovaTestServer.Reply reply = jnova.call("POST", "/servers/" + id + "/action", "{\"shelve\": null}", "2.1");
        assertThat(reply.status()).as(reply.body()).isEqualTo(202);
        return reply.header("x-openstack-request-id");
    }

    private static JsonNode server(JnovaTestServer jnova, String id) throws Exception {
        return call(jnova, "GET", "/servers/" + id, null, "2.1", 200).path("server");
    }
}
