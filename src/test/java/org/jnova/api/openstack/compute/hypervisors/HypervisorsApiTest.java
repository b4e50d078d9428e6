package org.jnova.api.openstack.compute.hypervisors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jnova.testing.EngineServers.call;
import static org.jnova.testing.EngineServers.message;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import org.jnova.api.openstack.compute.services.StoredInstances;
import org.jnova.objects.Instance;
import org.jnova.testing.EachEngine;
import org.jnova.testing.EngineServers;
import org.jnova.testing.JnovaTestServer;
import org.junit.jupiter.api.extension.RegisterExtension;

/** os-hypervisors across the microversions that changed it (2.28, 2.33, 2.53, 2.75, 2.88). */
class HypervisorsApiTest {
    @RegisterExtension
    static final EngineServers SERVERS = new EngineServers();

    @EachEngine
    void listAndDetailPerMicroversion(String engine) throws Exception {
        JnovaTestServer jnova = SERVERS.get(engine);
        JsonNode v21 = call(jnova, "GET", "/os-hypervisors", null, "2.1", 200).get("hypervisors").get(0);
        assertThat(v21.get("id").isInt()).isTrue();
        assertThat(v21.size()).isEqualTo(4);
        JsonNode d21 = call(jnova, "GET", "/os-hypervisors/detail", null, "2.1", 200).get("hypervisors").get(0);
        assertThat(d21.get("cpu_info").isTextual()).isTrue();
        assertThat(d21.get("service").get("id").isInt()).isTrue();
        assertThat(d21.get("free_ram_mb").asInt()).isEqualTo(d21.get("memory_mb").asInt()
                - d21.get("memory_mb_used").asInt());
        // nova counts [DEFAULT] reserved_host_memory_mb (512) as used
        assertThat(d21.get("memory_mb_used").asInt()).isGreaterThanOrEqualTo(512);
        JsonNode d228 = call(jnova, "GET", "/os-hypervisors/detail", null, "2.28", 200).get("hypervisors").get(0);
        assertThat(d228.get("cpu_info").isObject()).isTrue();
        JsonNode d253 = call(jnova, "GET", "/os-hypervisors/detail?with_servers=true", null, "2.53", 200)
                .get("hypervisors").get(0);
        assertThat(d253.get("id").asText()).matches("[0-9a-f-]{36}");
        assertThat(d253.has("servers")).isFalse();
        JsonNode d275 = call(jnova, "GET", "/os-hypervisors/detail?with_servers=1", null, "2.75", 200)
                .get("hypervisors").get(0);
        assertThat(d275.get("servers")).isEmpty();
        JsonNode d296 = call(jnova, "GET", "/os-hypervisors/detail", null, "2.96", 200).get("hypervisors").get(0);
        assertThat(d296.has("vcpus")).isFalse();
        assertThat(d296.has("uptime")).isTrue();

        String uuid = d253.get("id").asText();
        JsonNode show = call(jnova, "GET", "/os-hypervisors/" + uuid, null, "2.96", 200).get("hypervisor");
        assertThat(show.get("hypervisor_hostname").asText()).isEqualTo(d253.get("hypervisor_hostname").asText());
        call(jnova, "GET", "/os-hypervisors/" + v21.get("id").asInt(), null, "2.1", 200);
        assertThat(message(call(jnova, "GET", "/os-hypervisors/abc", null, "2.1", 404)))
                .isEqualTo("Hypervisor with ID 'abc' could not be found.");
        assertThat(message(call(jnova, "GET", "/os-hypervisors/1", null, "2.53", 400))).isEqualTo("Invalid uuid 1");
        assertThat(message(call(jnova, "GET", "/os-hypervisors/" + uuid + "?foo=1", null, "2.53", 400)))
                .isEqualTo("Additional properties are not allowed ('foo' was unexpected)");
    }

    @EachEngine
    void serversOnTheHypervisorAreListedByInstanceName(String engine) throws Exception {
        JnovaTestServer jnova = SERVERS.get(engine);
        JsonNode h = call(jnova, "GET", "/os-hypervisors/detail", null, "2.53", 200).get("hypervisors").get(0);
        String project = "hv-" + engine;
        try (StoredInstances stored = new StoredInstances(jnova)) {
            Instance vm = stored.create(project, "vm", h.get("service").get("host").asText(),
                    h.get("hypervisor_hostname").asText(), Instant.now(), null);
            try {
                JsonNode listed = call(jnova, "GET", "/os-hypervisors?with_servers=true", null, "2.53", 200)
                        .get("hypervisors").get(0).get("servers");
                assertThat(listed.toString()).contains("{\"name\":\"" + vm.name() + "\",\"uuid\":\"" + vm.uuid()
                        + "\"}");
                assertThat(vm.name()).startsWith("instance-");
                JsonNode old = call(jnova, "GET", "/os-hypervisors/" + h.get("hypervisor_hostname").asText()
                        + "/servers", null, "2.1", 200).get("hypervisors").get(0).get("servers");
                assertThat(old.toString()).contains(vm.uuid());
                JsonNode show = call(jnova, "GET", "/os-hypervisors/" + h.get("id").asText() + "?with_servers=1", null,
                        "2.96", 200).get("hypervisor");
                assertThat(show.get("servers").toString()).contains(vm.uuid());
            } finally {
                stored.deleteProject(project);
            }
        }
    }

    @EachEngine
    void pagingSearchStatisticsUptime(String engine) throws Exception {
        JnovaTestServer jnova = SERVERS.get(engine);
        JsonNode page = call(jnova, "GET", "/os-hypervisors?limit=1", null, "2.33", 200);
        assertThat(page.get("hypervisors")).hasSize(1);
        int id = page.get("hypervisors").get(0).get("id").asInt();
        assertThat(page.get("hypervisors_links").get(0).get("href").asText())
                .isEqualTo(jnova.computeUrl() + "/os-hypervisors?limit=1&marker=" + id);
        JsonNode next = call(jnova, "GET", "/os-hypervisors?limit=1&marker=" + id, null, "2.33", 200);
        assertThat(next.get("hypervisors")).isEmpty();
        assertThat(next.has("hypervisors_links")).isFalse();
        assertThat(message(call(jnova, "GET", "/os-hypervisors?marker=999", null, "2.33", 400)))
                .isEqualTo("marker [999] not found");

        String hostname = page.get("hypervisors").get(0).get("hypervisor_hostname").asText();
        String part = hostname.substring(0, Math.min(3, hostname.length()));
        assertThat(call(jnova, "GET", "/os-hypervisors?hypervisor_hostname_pattern=" + part, null, "2.53", 200)
                .get("hypervisors")).hasSize(1);
        assertThat(message(call(jnova, "GET", "/os-hypervisors?hypervisor_hostname_pattern=zzz", null, "2.53", 404)))
                .isEqualTo("No hypervisor matching 'zzz' could be found.");
        assertThat(message(call(jnova, "GET", "/os-hypervisors?hypervisor_hostname_pattern=" + part + "&limit=1",
                null, "2.53", 400))).isEqualTo("The server could not comply with the request since it is either malformed "
                        + "or otherwise incorrect.");
        assertThat(call(jnova, "GET", "/os-hypervisors/" + part + "/search", null, "2.1", 200).get("hypervisors"))
                .hasSize(1);
        JsonNode servers = call(jnova, "GET", "/os-hypervisors/" + part + "/servers", null, "2.52", 200);
        assertThat(servers.get("hypervisors").get(0).has("servers")).isFalse();
        assertThat(jnova.call("GET", "/os-hypervisors/" + part + "/search", null, "2.53").status()).isEqualTo(404);

        JsonNode stats = call(jnova, "GET", "/os-hypervisors/statistics", null, "2.1", 200)
                .get("hypervisor_statistics");
        assertThat(stats.get("count").asInt()).isEqualTo(1);
        assertThat(jnova.call("GET", "/os-hypervisors/statistics", null, "2.88").status()).isEqualTo(404);
        JsonNode uptime = call(jnova, "GET", "/os-hypervisors/" + id + "/uptime", null, "2.1", 200).get("hypervisor");
        assertThat(uptime.get("uptime").asText()).matches(UPTIME_LINE);
        assertThat(uptime.get("id").isInt()).isTrue();
        assertThat(uptime.has("vcpus")).isFalse();
    }

    @EachEngine
    void aHostThatIsDownCannotTellItsUptime(String engine) throws Exception {
        JnovaTestServer jnova = SERVERS.get(engine);
        JsonNode h = call(jnova, "GET", "/os-hypervisors/detail", null, "2.53", 200).get("hypervisors").get(0);
        String uuid = h.get("id").asText();
        String host = h.get("service").get("host").asText();
        String service = "/os-services/" + h.get("service").get("id").asText();
        call(jnova, "PUT", service, "{\"forced_down\": true}", "2.53", 200);
        try {
            assertThat(message(call(jnova, "GET", "/os-hypervisors/" + uuid + "/uptime", null, "2.53", 400)))
                    .isEqualTo("Compute service of " + host + " is unavailable at this time.");
            JsonNode show = call(jnova, "GET", "/os-hypervisors/" + uuid, null, "2.88", 200).get("hypervisor");
            assertThat(show.get("state").asText()).isEqualTo("down");
            assertThat(show.get("uptime").isNull()).isTrue();
        } finally {
            call(jnova, "PUT", service, "{\"forced_down\": false}", "2.53", 200);
        }
    }

    /** What {@code uptime} prints: " 10:02:11 up 3 days,  4:05,  0 users,  load average: 0.52, 0.58, 0.59". */
    private static final String UPTIME_LINE = " \\d\\d:\\d\\d:\\d\\d up (\\d+ days?, )?( ?\\d+:\\d\\d|\\d+ min),  0 users,  "
            + "load average: \\d+\\.\\d\\d, \\d+\\.\\d\\d, \\d+\\.\\d\\d";

    @EachEngine
    void uptimeAsksTheHostByIdThenUuidAndMovesIntoTheDetailViewAt288(String engine) throws Exception {
        JnovaTestServer jnova = SERVERS.get(engine);
        JsonNode h = call(jnova, "GET", "/os-hypervisors", null, "2.53", 200).get("hypervisors").get(0);
        String uuid = h.get("id").asText();
        JsonNode byUuid = call(jnova, "GET", "/os-hypervisors/" + uuid + "/uptime", null, "2.87", 200)
                .get("hypervisor");
        assertThat(byUuid.get("id").asText()).isEqualTo(uuid);
        assertThat(byUuid.get("state").asText()).isEqualTo("up");
        assertThat(byUuid.get("uptime").asText()).matches(UPTIME_LINE);
        assertThat(message(call(jnova, "GET", "/os-hypervisors/1/uptime", null, "2.53", 400)))
                .isEqualTo("Invalid uuid 1");
        assertThat(message(call(jnova, "GET", "/os-hypervisors/99999/uptime", null, "2.1", 404)))
                .isEqualTo("Hypervisor with ID '99999' could not be found.");
        assertThat(jnova.call("GET", "/os-hypervisors/" + uuid + "/uptime", null, "2.88").status()).isEqualTo(404);
        assertThat(message(call(jnova, "GET", "/os-hypervisors/" + uuid + "/uptime", null, "2.87", 403, "member:p1")))
                .isEqualTo("Policy doesn't allow os_compute_api:os-hypervisors:uptime to be performed.");

        JsonNode show = call(jnova, "GET", "/os-hypervisors/" + uuid, null, "2.88", 200).get("hypervisor");
        assertThat(show.get("uptime").asText()).matches(UPTIME_LINE);
        JsonNode detail = call(jnova, "GET", "/os-hypervisors/detail", null, "2.88", 200).get("hypervisors").get(0);
        assertThat(detail.get("uptime").asText()).matches(UPTIME_LINE);
        JsonNode list = call(jnova, "GET", "/os-hypervisors", null, "2.88", 200).get("hypervisors").get(0);
        assertThat(list.has("uptime")).isFalse();
    }
}
