package org.jnova.api.openstack.compute.volumes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.jnova.compute.SeedData;
import org.jnova.testing.EachEngine;
import org.jnova.testing.EngineServers;
import org.jnova.testing.JnovaTestServer;
import org.jnova.utils.JsonMappers;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What nova does differently for a server whose root disk is a volume: createImage snapshots the volumes. */
class VolumeBackedServerTest {
    @RegisterExtension
    static final EngineServers SERVERS = new EngineServers();

    @EachEngine
    void createImageSnapshotsEachVolume(String engine) throws Exception {
        JnovaTestServer jnova = SERVERS.get(engine);
        VolumeFixtures f = new VolumeFixtures(jnova, "owner:vbs-" + engine);
        String id = f.call("POST", "/servers", "{\"server\": {\"name\": \"vb\", \"flavorRef\": \"1\", "
                + "\"block_device_mapping_v2\": [{\"source_type\": \"image\", \"uuid\": \"" + SeedData.CIRROS_IMAGE_ID
                + "\", \"destination_type\": \"volume\", \"volume_size\": 1, \"boot_index\": 0, "
                + "\"delete_on_termination\": true}, {\"source_type\": \"blank\", \"destination_type\": \"volume\", "
                + "\"volume_size\": 2, \"delete_on_termination\": true}]}}", "2.1", 202).path("server").path("id")
                .asText();
        JsonNode server = f.serverUntil(id, s -> "ACTIVE".equals(s.path("status").asText()));
        String root = server.path("os-extended-volumes:volumes_attached").get(0).path("id").asText();
        String data = server.path("os-extended-volumes:volumes_attached").get(1).path("id").asText();

        JnovaTestServer.Reply created = jnova.call("POST", "/servers/" + id + "/action", "{\"createImage\": "
                + "{\"name\": \"vb-snap\", \"metadata\": {\"k\": \"v\"}}}", "2.1", "owner:vbs-" + engine);
        assertThat(created.status()).as(created.body()).isEqualTo(202);
        String imageId = created.header("Location").replaceAll(".*/images/", "");
        JsonNode image = f.call("GET", "/images/" + imageId, null, "2.1", 200).path("image");
        assertThat(image.path("status").asText()).isEqualTo("ACTIVE");
        JsonNode meta = image.path("metadata");
        assertThat(meta.path("k").asText()).isEqualTo("v");
        assertThat(meta.path("bdm_v2").asText()).isEqualTo("True");
        assertThat(meta.path("root_device_name").asText()).isEqualTo("/dev/vda");
        JsonNode mapping = JsonMappers.standard().readTree(meta.path("block_device_mapping").asText());
        assertThat(mapping).hasSize(2);
        JsonNode snapshots = f.call("GET", "/os-snapshots/detail", null, "2.1", 200).path("snapshots");
        assertThat(snapshots).hasSize(2);
        for (JsonNode m : mapping) {
            assertThat(m.path("source_type").asText()).isEqualTo("snapshot");
            assertThat(m.path("destination_type").asText()).isEqualTo("volume");
            assertThat(m.path("volume_id").isNull()).isTrue();
            String snapshotId = m.path("snapshot_id").asText();
            JsonNode snapshot = f.call("GET", "/os-snapshots/" + snapshotId, null, "2.1", 200).path("snapshot");
            assertThat(snapshot.path("displayName").asText()).isEqualTo("snapshot for vb-snap");
            String volume = snapshot.path("volumeId").asText();
            assertThat(volume).isIn(root, data);
            assertThat(m.path("boot_index").isNull()).isEqualTo(volume.equals(data));
            assertThat(m.path("volume_size").asInt()).isEqualTo(volume.equals(root) ? 1 : 2);
        }
        // the server was not touched: no task, still active, and the action is recorded
        JsonNode after = f.call("GET", "/servers/" + id, null, "2.1", 200).path("server");
        assertThat(after.path("OS-EXT-STS:task_state").isNull()).isTrue();
        JsonNode actions = f.call("GET", "/servers/" + id + "/os-instance-actions", null, "2.1", 200)
                .path("instanceActions");
        assertThat(actions.toString()).contains("createImage");
    }
}
