package org.jnova.api.openstack.compute.volumes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jnova.testing.EngineServers.message;

import com.fasterxml.jackson.databind.JsonNode;
import org.jnova.compute.SeedData;
import org.jnova.testing.EachEngine;
import org.jnova.testing.EngineServers;
import org.jnova.testing.JnovaTestServer;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * block_device_mapping_v2 with source_type snapshot: the build makes a volume from the snapshot
 * (the snapshot's size unless one is given) in the server's project and boots from it.
 */
class BootFromSnapshotTest {
    @RegisterExtension
    static final EngineServers SERVERS = new EngineServers();

    @EachEngine
    void bootsFromAVolumeMadeFromTheSnapshot(String engine) throws Exception {
        JnovaTestServer jnova = SERVERS.get(engine);
        String token = "owner:bfs-" + engine;
        VolumeFixtures f = new VolumeFixtures(jnova, token);
        // a bootable volume: made from an image by a boot, kept after the server is gone
        String builder = f.call("POST", "/servers", server("builder", "{\"source_type\": \"image\", \"uuid\": \""
                + SeedData.CIRROS_IMAGE_ID + "\", \"destination_type\": \"volume\", \"volume_size\": 2, "
                + "\"boot_index\": 0}"), "2.1", 202).path("server").path("id").asText();
        String root = f.serverUntil(builder, s -> "ACTIVE".equals(s.path("status").asText()))
                .path("os-extended-volumes:volumes_attached").get(0).path("id").asText();
        f.call("DELETE", "/servers/" + builder, null, "2.1", 204);
        f.serverGone(builder);
        f.volumeUntil(root, "available");
        String snapshot = f.call("POST", "/os-snapshots", "{\"snapshot\": {\"volume_id\": \"" + root + "\"}}",
                "2.1", 200).path("snapshot").path("id").asText();

        String id = f.call("POST", "/servers", server("from-snap", "{\"source_type\": \"snapshot\", \"uuid\": \""
                + snapshot + "\", \"destination_type\": \"volume\", \"boot_index\": 0, "
                + "\"delete_on_termination\": true}"), "2.1", 202).path("server").path("id").asText();
        JsonNode active = f.serverUntil(id, s -> "ACTIVE".equals(s.path("status").asText()));
        assertThat(active.path("image").asText()).isEmpty();
        String made = active.path("os-extended-volumes:volumes_attached").get(0).path("id").asText();
        assertThat(made).isNotEqualTo(root);
        JsonNode volume = f.volumeUntil(made, "in-use");
        assertThat(volume.path("snapshotId").asText()).isEqualTo(snapshot);
        assertThat(volume.path("size").asInt()).isEqualTo(2);
        assertThat(volume.path("attachments").get(0).path("device").asText()).isEqualTo("/dev/vda");

        // a larger size is kept; the volume goes with the server (delete_on_termination)
        String bigger = f.call("POST", "/servers", server("bigger", "{\"source_type\": \"snapshot\", \"uuid\": \""
                + snapshot + "\", \"destination_type\": \"volume\", \"boot_index\": 0, \"volume_size\": 3}"),
                "2.1", 202).path("server").path("id").asText();
        String third = f.serverUntil(bigger, s -> "ACTIVE".equals(s.path("status").asText()))
                .path("os-extended-volumes:volumes_attached").get(0).path("id").asText();
        assertThat(f.volumeUntil(third, "in-use").path("size").asInt()).isEqualTo(3);
        f.call("DELETE", "/servers/" + id, null, "2.1", 204);
        f.serverGone(id);
        assertThat(message(f.call("GET", "/os-volumes/" + made, null, "2.1", 404)))
                .isEqualTo("Volume " + made + " could not be found.");
    }

    @EachEngine
    void novasRefusals(String engine) throws Exception {
        JnovaTestServer jnova = SERVERS.get(engine);
        VolumeFixtures f = new VolumeFixtures(jnova, "owner:bfs-no-" + engine);
        String missing = "5d5f5c6c-1c3a-4d3e-9a9f-000000000009";
        assertThat(message(f.call("POST", "/servers", server("x", "{\"source_type\": \"snapshot\", \"uuid\": \""
                + missing + "\", \"destination_type\": \"volume\", \"boot_index\": 0}"), "2.1", 400)))
                .isEqualTo("Snapshot " + missing + " could not be found.");
        // a blank volume is not bootable, nor is its snapshot
        String blank = f.volume("blank", 1);
        String snapshot = f.call("POST", "/os-snapshots", "{\"snapshot\": {\"volume_id\": \"" + blank + "\"}}",
                "2.1", 200).path("snapshot").path("id").asText();
        assertThat(message(f.call("POST", "/servers", server("x", "{\"source_type\": \"snapshot\", \"uuid\": \""
                + snapshot + "\", \"destination_type\": \"volume\", \"boot_index\": 0}"), "2.1", 400)))
                .isEqualTo("Block Device " + blank + " is not bootable.");
        // as a second disk it needs no boot flag; another project's snapshot is not there
        String other = message(EngineServers.call(jnova, "POST", "/servers", "{\"server\": {\"name\": \"x\", "
                + "\"flavorRef\": \"1\", \"imageRef\": \"" + SeedData.CIRROS_IMAGE_ID + "\", "
                + "\"block_device_mapping_v2\": [{\"source_type\": \"image\", \"uuid\": \"" + SeedData.CIRROS_IMAGE_ID
                + "\", \"destination_type\": \"local\", \"boot_index\": 0}, {\"source_type\": \"snapshot\", "
                + "\"uuid\": \"" + snapshot + "\", \"destination_type\": \"volume\"}]}}", "2.1", 400,
                "x:bfs-other-" + engine));
        assertThat(other).isEqualTo("Block Device Mapping is Invalid: failed to get snapshot " + snapshot + ".");
        String withData = f.call("POST", "/servers", "{\"server\": {\"name\": \"data\", \"flavorRef\": \"1\", "
                + "\"imageRef\": \"" + SeedData.CIRROS_IMAGE_ID + "\", \"block_device_mapping_v2\": [{\"source_type\": "
                + "\"image\", \"uuid\": \"" + SeedData.CIRROS_IMAGE_ID + "\", \"destination_type\": \"local\", "
                + "\"boot_index\": 0}, {\"source_type\": \"snapshot\", \"uuid\": \"" + snapshot + "\", "
                + "\"destination_type\": \"volume\"}]}}", "2.1", 202).path("server").path("id").asText();
        JsonNode active = f.serverUntil(withData, s -> "ACTIVE".equals(s.path("status").asText()));
        assertThat(active.path("os-extended-volumes:volumes_attached")).hasSize(1);
    }

    private static String server(String name, String mapping) {
        return "{\"server\": {\"name\": \"" + name + "\", \"flavorRef\": \"1\", \"block_device_mapping_v2\": ["
                + mapping + "]}}";
    }
}
