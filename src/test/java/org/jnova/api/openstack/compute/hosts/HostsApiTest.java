package org.jnova.api.openstack.compute.hosts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jnova.testing.EngineServers.call;
import static org.jnova.testing.EngineServers.message;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import org.jnova.api.openstack.compute.services.StoredInstances;
import org.jnova.testing.EachEngine;
import org.jnova.testing.EngineServers;
import org.jnova.testing.JnovaTestServer;
import org.junit.jupiter.api.extension.RegisterExtension;

/** os-hosts up to 2.42: list with zone filter, a compute host's resources, the host calls. */
class HostsApiTest {
    @RegisterExtension
    static final EngineServers SERVERS = new EngineServers();

    @EachEngine
    void listShowAndHostCalls(String engine) throws Exception {
        JnovaTestServer jnova = SERVERS.get(engine);
        JsonNode hosts = call(jnova, "GET", "/os-hosts", null, "2.1", 200).get("hosts");
        JsonNode compute = null;
        for (JsonNode h : hosts) {
            if (h.get("service").asText().equals("compute")) {
                compute = h;
            }
        }
        assertThat(compute).isNotNull();
        assertThat(compute.get("zone").asText()).isEqualTo("nova");
        String host = compute.get("host_name").asText();
        assertThat(call(jnova, "GET", "/os-hosts?zone=nova", null, "2.42", 200).get("hosts")).hasSize(1);
        assertThat(jnova.call("GET", "/os-hosts", null, "2.43").status()).isEqualTo(404);

        try (StoredInstances stored = new StoredInstances(jnova)) {
            JsonNode hv = call(jnova, "GET", "/os-hypervisors/detail", null, "2.1", 200).get("hypervisors").get(0);
            stored.create("hosts-" + engine, "vm", host, hv.get("hypervisor_hostname").asText(), Instant.now(), null);
            try {
                JsonNode show = call(jnova, "GET", "/os-hosts/" + host, null, "2.1", 200).get("host");
                assertThat(show.get(0).get("resource").get("project").asText()).isEqualTo("(total)");
                assertThat(show.get(1).get("resource").get("project").asText()).isEqualTo("(used_now)");
                JsonNode max = show.get(2).get("resource");
                assertThat(max.get("project").asText()).isEqualTo("(used_max)");
                assertThat(max.get("memory_mb").asInt()).isEqualTo(stored.flavor("1").memoryMb());
                assertThat(show.get(3).get("resource").get("project").asText()).isEqualTo("hosts-" + engine);
            } finally {
                stored.deleteProject("hosts-" + engine);
            }
        }
        assertThat(message(call(jnova, "GET", "/os-hosts/nohost", null, "2.1", 404)))
                .isEqualTo("Host 'nohost' is not mapped to any cell");
        assertThat(call(jnova, "GET", "/os-hosts/" + host + "/startup", null, "2.1", 200).toString())
                .isEqualTo("{\"host\":\"" + host + "\",\"power_action\":\"startup\"}");
        call(jnova, "GET", "/os-hosts/" + host + "/reboot", null, "2.1", 200);
        call(jnova, "GET", "/os-hosts/" + host + "/shutdown", null, "2.1", 200);
        assertThat(message(call(jnova, "GET", "/os-hosts/nohost/startup", null, "2.1", 404)))
                .isEqualTo("Host 'nohost' is not mapped to any cell");
        assertThat(call(jnova, "PUT", "/os-hosts/" + host, "{\"maintenance_mode\": \"disable\", \"status\": \"Enable\"}",
                "2.1", 200).toString()).isEqualTo("{\"host\":\"" + host + "\",\"status\":\"enabled\","
                        + "\"maintenance_mode\":\"off_maintenance\"}");
        assertThat(message(call(jnova, "PUT", "/os-hosts/" + host, "{\"status\": \"bogus\"}", "2.1", 400)))
                .isEqualTo("Invalid input for field/attribute status. Value: bogus. 'bogus' is not one of ['enable', "
                        + "'disable', 'Enable', 'Disable', 'ENABLE', 'DISABLE']");
        assertThat(message(call(jnova, "PUT", "/os-hosts/nohost", "{\"status\": \"enable\"}", "2.1", 404)))
                .isEqualTo("Host 'nohost' is not mapped to any cell");
    }
}
