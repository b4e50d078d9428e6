package org.jnova.api.openstack.compute.availabilityzone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jnova.testing.EngineServers.call;

import com.fasterxml.jackson.databind.JsonNode;
import org.jnova.testing.EachEngine;
import org.jnova.testing.EngineServers;
import org.jnova.testing.JnovaTestServer;
import org.junit.jupiter.api.extension.RegisterExtension;

/** os-availability-zone: the summary hides the internal zone, the detail lists hosts and services. */
class AvailabilityZoneApiTest {
    @RegisterExtension
    static final EngineServers SERVERS = new EngineServers();

    @EachEngine
    void summaryAndDetail(String engine) throws Exception {
        JnovaTestServer jnova = SERVERS.get(engine);
        for (String version : new String[] {"2.1", "2.50", "2.96"}) {
            JsonNode index = call(jnova, "GET", "/os-availability-zone", null, version, 200);
            assertThat(index.toString()).isEqualTo(
                    "{\"availabilityZoneInfo\":[{\"zoneName\":\"nova\",\"zoneState\":{\"available\":true},"
                            + "\"hosts\":null}]}");
            JsonNode detail = call(jnova, "GET", "/os-availability-zone/detail", null, version, 200)
                    .get("availabilityZoneInfo");
            assertThat(detail.get(0).get("zoneName").asText()).isEqualTo("internal");
            JsonNode nova = detail.get(1);
            assertThat(nova.get("zoneName").asText()).isEqualTo("nova");
            JsonNode host = nova.get("hosts").elements().next();
            JsonNode compute = host.get("nova-compute");
            assertThat(compute.get("available").asBoolean()).isTrue();
            assertThat(compute.get("active").asBoolean()).isTrue();
            assertThat(compute.get("updated_at").isTextual()).isTrue();
        }
    }

    @EachEngine
    void zoneWithOnlyDisabledServicesIsUnavailable(String engine) throws Exception {
        JnovaTestServer jnova = SERVERS.get(engine);
        JsonNode compute = call(jnova, "GET", "/os-services?binary=nova-compute", null, "2.53", 200)
                .get("services").get(0);
        String id = compute.get("id").asText();
        call(jnova, "PUT", "/os-services/" + id, "{\"status\": \"disabled\"}", "2.53", 200);
        try {
            assertThat(call(jnova, "GET", "/os-availability-zone", null, "2.1", 200).toString()).isEqualTo(
                    "{\"availabilityZoneInfo\":[{\"zoneName\":\"nova\",\"zoneState\":{\"available\":false},"
                            + "\"hosts\":null}]}");
            JsonNode detail = call(jnova, "GET", "/os-availability-zone/detail", null, "2.1", 200)
                    .get("availabilityZoneInfo");
            assertThat(detail.get(1).toString()).isEqualTo(
                    "{\"zoneName\":\"nova\",\"zoneState\":{\"available\":false},\"hosts\":null}");
        } finally {
            call(jnova, "PUT", "/os-services/" + id, "{\"status\": \"enabled\"}", "2.53", 200);
        }
    }
}
