package org.jnova.api.openstack.compute.simpletenantusage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jnova.testing.EngineServers.call;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jnova.api.openstack.compute.services.StoredInstances;
import org.jnova.testing.EachEngine;
import org.jnova.testing.EngineServers;
import org.jnova.testing.JnovaTestServer;
import org.junit.jupiter.api.extension.RegisterExtension;

/** os-simple-tenant-usage selects the window and pages (2.40) in the database, by uuid after the marker. */
class SimpleTenantUsagePagingTest {
    @RegisterExtension
    static final EngineServers SERVERS = new EngineServers("[api]", "max_limit = 5");
    private static final String WINDOW = "start=2020-01-01T00:00:00&end=2020-01-02T00:00:00";

    @EachEngine
    void onlyInstancesOfTheWindowArePagedWithAMarkerInTheMiddle(String engine) throws Exception {
        JnovaTestServer jnova = SERVERS.get(engine);
        String project = "stu-page-" + engine;
        List<String> inside = new ArrayList<>();
        try (StoredInstances stored = new StoredInstances(jnova)) {
            for (int n = 0; n < 12; n++) {
                Instant launched = Instant.parse("2019-12-31T12:00:00Z").plusSeconds(n * 3600L);
                Instant terminated = n % 3 == 0 ? launched.plusSeconds(24 * 3600L) : null;
                inside.add(stored.create(project, "in" + n, "h", "n", launched, terminated).uuid());
                // outside the window: terminated before it starts, launched at or after its end
                stored.create(project, "before" + n, "h", "n", Instant.parse("2019-12-01T00:00:00Z"),
                        Instant.parse("2020-01-01T00:00:00Z"));
                stored.create(project, "after" + n, "h", "n", Instant.parse("2020-01-02T00:00:00Z"), null);
            }
        }
        inside.sort(null);
        String show = "/os-simple-tenant-usage/" + project + "?" + WINDOW;

        JsonNode first = call(jnova, "GET", show, null, "2.40", 200);
        assertThat(servers(first.get("tenant_usage"))).isEqualTo(inside.subList(0, 5));
        List<String> walked = new ArrayList<>(servers(first.get("tenant_usage")));
        String marker = inside.get(4);
        for (int page = 0; page < 3 && marker != null; page++) {
            JsonNode next = call(jnova, "GET", show + "&limit=100&marker=" + marker, null, "2.40", 200);
            List<String> got = next.get("tenant_usage").isEmpty() ? List.of() : servers(next.get("tenant_usage"));
            walked.addAll(got);
            marker = got.isEmpty() ? null : got.getLast();
        }
        assertThat(walked).isEqualTo(inside);
        assertThat(servers(call(jnova, "GET", show + "&limit=3&marker=" + inside.get(6), null, "2.40", 200)
                .get("tenant_usage"))).isEqualTo(inside.subList(7, 10));
        JsonNode index = call(jnova, "GET", "/os-simple-tenant-usage?detailed=1&limit=2&marker=" + inside.get(9) + "&"
                + WINDOW, null, "2.40", 200).get("tenant_usages");
        assertThat(index).hasSize(1);
        assertThat(servers(index.get(0))).isEqualTo(inside.subList(10, 12));
    }

    private static List<String> servers(JsonNode usage) {
        List<String> out = new ArrayList<>();
        usage.get("server_usages").forEach(s -> out.add(s.get("instance_id").asText()));
        return out;
    }
}
