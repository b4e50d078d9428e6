package org.jnova.api.openstack.compute.volumes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jnova.testing.EngineServers.message;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.jnova.testing.EachEngine;
import org.jnova.testing.EngineServers;
import org.jnova.testing.JnovaTestServer;
import org.junit.jupiter.api.extension.RegisterExtension;

/** os-volumes, the deprecated proxy: nova's shapes at 2.1 to 2.35, 404 from 2.36, cinder's refusals. */
class VolumesApiTest {
    @RegisterExtension
    static final EngineServers SERVERS = new EngineServers();

    @EachEngine
    void createShowListAndDelete(String engine) throws Exception {
        JnovaTestServer jnova = SERVERS.get(engine);
        VolumeFixtures f = new VolumeFixtures(jnova, "vols:vols-" + engine);
        JnovaTestServer.Reply created = jnova.call("POST", "/os-volumes", "{\"volume\": {\"size\": \"2\", "
                + "\"display_name\": \"data\", \"display_description\": \"d\", \"metadata\": {\"k\": \"v\"}}}", "2.1",
                "vols:vols-" + engine);
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        JsonNode v = created.json().path("volume");
        String id = v.path("id").asText();
        assertThat(created.header("Location")).endsWith("/os-volumes/" + id);
        List<String> keys = new ArrayList<>();
        v.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly("id", "status", "size", "availabilityZone", "createdAt", "attachments",
                "displayName", "displayDescription", "volumeType", "snapshotId", "metadata");
        assertThat(v.path("size").asInt()).isEqualTo(2);
        assertThat(v.path("status").asText()).isEqualTo("available");
        assertThat(v.path("availabilityZone").asText()).isEqualTo("nova");
        assertThat(v.path("createdAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}");
        assertThat(v.path("attachments").toString()).isEqualTo("[{}]");
        assertThat(v.path("metadata").path("k").asText()).isEqualTo("v");
        assertThat(v.path("volumeType").isNull()).isTrue();

        JsonNode shown = f.call("GET", "/os-volumes/" + id, null, "2.35", 200).path("volume");
        assertThat(shown.path("displayName").asText()).isEqualTo("data");
        String second = f.volume("other", 1);
        assertThat(ids(f.call("GET", "/os-volumes", null, "2.1", 200))).contains(id, second);
        assertThat(ids(f.call("GET", "/os-volumes/detail?limit=1", null, "2.1", 200))).hasSize(1);
        assertThat(ids(f.call("GET", "/os-volumes/detail?offset=1&limit=5", null, "2.1", 200))).hasSize(1);
        // another project sees neither
        assertThat(ids(EngineServers.call(jnova, "GET", "/os-volumes", null, "2.1", 200, "x:other-" + engine)))
                .doesNotContain(id, second);
        JsonNode hidden = EngineServers.call(jnova, "GET", "/os-volumes/" + id, null, "2.1", 404, "x:other-" + engine);
        assertThat(message(hidden)).isEqualTo("Volume " + id + " could not be found.");

        assertThat(jnova.call("DELETE", "/os-volumes/" + id, null, "2.1", "vols:vols-" + engine).status())
                .isEqualTo(202);
        assertThat(message(f.call("GET", "/os-volumes/" + id, null, "2.1", 404)))
                .isEqualTo("Volume " + id + " could not be found.");
        assertThat(message(f.call("DELETE", "/os-volumes/" + id, null, "2.1", 404)))
                .isEqualTo("Volume " + id + " could not be found.");
    }

    @EachEngine
    void goneFrom236AndNovasRefusals(String engine) throws Exception {
        JnovaTestServer jnova = SERVERS.get(engine);
        VolumeFixtures f = new VolumeFixtures(jnova, "vols:vols-" + engine);
        for (String path : List.of("/os-volumes", "/os-volumes/detail")) {
            JnovaTestServer.Reply gone = jnova.call("GET", path, null, "2.36");
            assertThat(gone.status()).isEqualTo(404);
            assertThat(message(gone.json())).isEqualTo("The resource could not be found.");
        }
        assertThat(jnova.call("POST", "/os-volumes", "{\"volume\": {\"size\": 1}}", "2.36").status()).isEqualTo(404);
        assertThat(message(f.call("POST", "/os-volumes", "{\"volume\": {\"size\": 0}}", "2.1", 400)))
                .isEqualTo("Invalid input for field/attribute size. Value: 0. 0 is less than the minimum of 1");
        // nova has no maximum and passes the volume service's refusal on
        assertThat(message(f.call("POST", "/os-volumes", "{\"volume\": {\"size\": 9223372036854775807}}", "2.1",
                400))).isEqualTo("Invalid input received: Invalid input for field/attribute size. Value: "
                        + "9223372036854775807. 9223372036854775807 is greater than the maximum of 2147483647 (HTTP 400)");
        String snap = "5d5f5c6c-1c3a-4d3e-9a9f-000000000001";
        assertThat(message(f.call("POST", "/os-volumes", "{\"volume\": {\"size\": 1, \"snapshot_id\": \"" + snap
                + "\"}}", "2.1", 404))).isEqualTo("Snapshot " + snap + " could not be found.");
        assertThat(message(f.call("POST", "/os-volumes", "{\"volume\": {\"size\": 1, \"availability_zone\": "
                + "\"elsewhere\"}}", "2.1", 400)))
                .isEqualTo("Invalid input received: Availability zone 'elsewhere' is invalid. (HTTP 400)");
    }

    private static List<String> ids(JsonNode list) {
        List<String> out = new ArrayList<>();
        list.path("volumes").forEach(v -> out.add(v.path("id").asText()));
        return out;
    }
}
