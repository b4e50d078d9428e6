package org.jnova.api.openstack.compute.simpletenantusage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jnova.testing.EngineServers.call;
import static org.jnova.testing.EngineServers.message;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import org.jnova.api.openstack.compute.services.StoredInstances;
import org.jnova.objects.Flavor;
import org.jnova.objects.Instance;
import org.jnova.testing.EachEngine;
import org.jnova.testing.EngineServers;
import org.jnova.testing.JnovaTestServer;
import org.junit.jupiter.api.extension.RegisterExtension;

/** os-simple-tenant-usage: nova's hour computation over a window, detail, show, paging (2.40), bad dates. */
class SimpleTenantUsageApiTest {
    @RegisterExtension
    static final EngineServers SERVERS = new EngineServers();
    private static final String WINDOW = "start=2020-01-01T00:00:00&end=2020-01-02T00:00:00";

    @EachEngine
    void hoursAreClippedToThePeriodAndDeletedInstancesCount(String engine) throws Exception {
        JnovaTestServer jnova = SERVERS.get(engine);
        String project = "usage-" + engine;
        Instance a;
        Instance b;
        Flavor flavor;
        try (StoredInstances stored = new StoredInstances(jnova)) {
            flavor = stored.flavor("1");
            // 6 hours inside the window (launched 18:00 the day before, clipped at 00:00... to 06:00 terminated)
            a = stored.create(project, "a", "h", "n", Instant.parse("2019-12-31T18:00:00Z"),
                    Instant.parse("2020-01-01T06:00:00Z"));
            // launched at 12:00, still running: 12 hours to the period's end
            b = stored.create(project, "b", "h", "n", Instant.parse("2020-01-01T12:00:00Z"), null);
            // outside the window: terminated before it started
            stored.create(project, "c", "h", "n", Instant.parse("2019-12-01T00:00:00Z"),
                    Instant.parse("2019-12-02T00:00:00Z"));
        }
        for (String version : new String[] {"2.1", "2.40", "2.96"}) {
            JsonNode show = call(jnova, "GET", "/os-simple-tenant-usage/" + project + "?" + WINDOW, null, version, 200)
                    .get("tenant_usage");
            assertThat(show.get("tenant_id").asText()).isEqualTo(project);
            assertThat(show.get("total_hours").asDouble()).isEqualTo(18.0);
            assertThat(show.get("total_vcpus_usage").asDouble()).isEqualTo(18.0 * flavor.vcpus());
            assertThat(show.get("total_memory_mb_usage").asDouble()).isEqualTo(18.0 * flavor.memoryMb());
            assertThat(show.get("total_local_gb_usage").asDouble())
                    .isEqualTo(18.0 * (flavor.rootGb() + flavor.ephemeralGb()));
            assertThat(show.get("start").asText()).isEqualTo("2020-01-01T00:00:00.000000");
            assertThat(show.get("stop").asText()).isEqualTo("2020-01-02T00:00:00.000000");
            JsonNode servers = show.get("server_usages");
            assertThat(servers).hasSize(2);
            JsonNode first = servers.get(0).get("instance_id").asText().equals(a.uuid()) ? servers.get(0)
                    : servers.get(1);
            assertThat(first.get("hours").asDouble()).isEqualTo(6.0);
            assertThat(first.get("state").asText()).isEqualTo("terminated");
            assertThat(first.get("ended_at").asText()).isEqualTo("2020-01-01T06:00:00.000000");
            assertThat(first.get("started_at").asText()).isEqualTo("2019-12-31T18:00:00.000000");
            assertThat(first.get("uptime").asLong()).isEqualTo(12 * 3600);
            assertThat(first.get("flavor").asText()).isEqualTo(flavor.name());
        }
        JsonNode index = call(jnova, "GET", "/os-simple-tenant-usage?" + WINDOW, null, "2.1", 200);
        JsonNode mine = null;
        for (JsonNode t : index.get("tenant_usages")) {
            if (t.get("tenant_id").asText().equals(project)) {
                mine = t;
            }
        }
        assertThat(mine).isNotNull();
        assertThat(mine.has("server_usages")).isFalse();
        JsonNode detailed = call(jnova, "GET", "/os-simple-tenant-usage?detailed=1&" + WINDOW, null, "2.96", 200);
        assertThat(detailed.get("tenant_usages").get(0).has("server_usages")).isTrue();

        JsonNode page = call(jnova, "GET", "/os-simple-tenant-usage/" + project + "?limit=1&" + WINDOW, null, "2.40",
                200);
        assertThat(page.get("tenant_usage").get("server_usages")).hasSize(1);
        String last = page.get("tenant_usage").get("server_usages").get(0).get("instance_id").asText();
        assertThat(last).isEqualTo(a.uuid().compareTo(b.uuid()) < 0 ? a.uuid() : b.uuid());
        assertThat(page.get("tenant_usage_links").get(0).get("href").asText()).isEqualTo(jnova.computeUrl()
                + "/os-simple-tenant-usage/" + project + "?end=2020-01-02T00%3A00%3A00&limit=1&start=2020-01-01T00%3A00%3A00"
                + "&marker=" + last);
        JsonNode rest = call(jnova, "GET", "/os-simple-tenant-usage/" + project + "?limit=1&marker=" + last + "&"
                + WINDOW, null, "2.40", 200);
        assertThat(rest.get("tenant_usage").get("server_usages")).hasSize(1);
    }

    @EachEngine
    void badInputGetsNovaMessages(String engine) throws Exception {
        JnovaTestServer jnova = SERVERS.get(engine);
        assertThat(message(call(jnova, "GET", "/os-simple-tenant-usage?start=yesterday", null, "2.1", 400)))
                .isEqualTo("Invalid datetime string: Datetime is in invalid format");
        assertThat(message(call(jnova, "GET",
                "/os-simple-tenant-usage?start=2020-01-02T00:00:00&end=2020-01-01T00:00:00", null, "2.1", 400)))
                .isEqualTo("Invalid start time. The start time cannot occur after the end time.");
        assertThat(message(call(jnova, "GET", "/os-simple-tenant-usage?marker=nope", null, "2.40", 400)))
                .isEqualTo("Marker nope could not be found.");
        assertThat(message(call(jnova, "GET", "/os-simple-tenant-usage?foo=1", null, "2.75", 400)))
                .isEqualTo("Additional properties are not allowed ('foo' was unexpected)");
        assertThat(call(jnova, "GET", "/os-simple-tenant-usage/nobody?" + WINDOW, null, "2.1", 200).toString())
                .isEqualTo("{\"tenant_usage\":{}}");
        call(jnova, "GET", "/os-simple-tenant-usage?start=2020-01-01%2000:00:00.5&end=2020-01-01T01:00:00.123456",
                null, "2.1", 200);
    }
}
