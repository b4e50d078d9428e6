package org.jnova.api.openstack.compute.volumes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jnova.testing.EngineServers.message;

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

    @EachEngine
    void rebuildResizeAndShelve(String engine) throws Exception {
        JnovaTestServer jnova = SERVERS.get(engine);
        String token = "owner:vbr-" + engine;
        VolumeFixtures f = new VolumeFixtures(jnova, token);
        String id = f.call("POST", "/servers", "{\"server\": {\"name\": \"vbr\", \"flavorRef\": \"1\", "
                + "\"block_device_mapping_v2\": [{\"source_type\": \"image\", \"uuid\": \"" + SeedData.CIRROS_IMAGE_ID
                + "\", \"destination_type\": \"volume\", \"volume_size\": 1, \"boot_index\": 0, "
                + "\"delete_on_termination\": true}]}}", "2.1", 202).path("server").path("id").asText();
        JsonNode server = f.serverUntil(id, s -> "ACTIVE".equals(s.path("status").asText()));
        String root = server.path("os-extended-volumes:volumes_attached").get(0).path("id").asText();

        // rebuild: the same image is fine; another one only from 2.93, which reimages the root volume
        String rebuildSame = "{\"rebuild\": {\"imageRef\": \"" + SeedData.CIRROS_IMAGE_ID + "\"}}";
        JsonNode rebuilt = rebuild(jnova, token, id, rebuildSame, "2.1").path("server");
        assertThat(rebuilt.path("image").asText()).isEmpty();
        f.serverUntil(id, s -> "ACTIVE".equals(s.path("status").asText()) && s.path("OS-EXT-STS:task_state").isNull());
        JnovaTestServer.Reply snap = jnova.call("POST", "/servers/" + id + "/action", "{\"createImage\": "
                + "{\"name\": \"other\"}}", "2.1", token);
        String other = snap.header("Location").replaceAll(".*/images/", "");
        String rebuildOther = "{\"rebuild\": {\"imageRef\": \"" + other + "\"}}";
        assertThat(message(f.call("POST", "/servers/" + id + "/action", rebuildOther, "2.92", 400))).isEqualTo(
                "Image " + other + " is unacceptable: Unable to rebuild with a different image for a volume-backed "
                        + "server.");
        rebuild(jnova, token, id, rebuildOther, "2.93");
        JsonNode after = f.serverUntil(id, s -> "ACTIVE".equals(s.path("status").asText())
                && s.path("OS-EXT-STS:task_state").isNull());
        assertThat(after.path("image").asText()).isEmpty();
        // the root volume now holds the other image: rebuilding with it again needs no reimage
        rebuild(jnova, token, id, rebuildOther, "2.1");
        f.serverUntil(id, s -> "ACTIVE".equals(s.path("status").asText()) && s.path("OS-EXT-STS:task_state").isNull());

        // resize to a flavor without a root disk is allowed for a volume-backed server
        String zero = EngineServers.call(jnova, "POST", "/flavors", "{\"flavor\": {\"name\": \"zero-" + engine
                + "\", \"ram\": 512, \"vcpus\": 1, \"disk\": 0}}", "2.1", 200).path("flavor").path("id").asText();
        f.call("POST", "/servers/" + id + "/action", "{\"resize\": {\"flavorRef\": \"" + zero + "\"}}", "2.1",
                202);
        f.serverUntil(id, s -> "VERIFY_RESIZE".equals(s.path("status").asText()));
        f.call("POST", "/servers/" + id + "/action", "{\"confirmResize\": null}", "2.1", 204);
        f.serverUntil(id, s -> "ACTIVE".equals(s.path("status").asText()) && s.path("OS-EXT-STS:task_state").isNull());

        // shelve offloads at once and makes no image
        f.call("POST", "/servers/" + id + "/action", "{\"shelve\": null}", "2.1", 202);
        f.serverUntil(id, s -> "SHELVED_OFFLOADED".equals(s.path("status").asText())
                && s.path("OS-EXT-STS:task_state").isNull());
        JsonNode images = f.call("GET", "/images", null, "2.1", 200).path("images");
        assertThat(images.toString()).doesNotContain("vbr-shelved");
        f.call("POST", "/servers/" + id + "/action", "{\"unshelve\": null}", "2.1", 202);
        f.serverUntil(id, s -> "ACTIVE".equals(s.path("status").asText()) && s.path("OS-EXT-STS:task_state").isNull());
        assertThat(f.volumeShow(root).path("status").asText()).isEqualTo("in-use");
    }

    /** A rebuild accepted; the OpenAPI file lists every action's answer under 201. */
    private static JsonNode rebuild(JnovaTestServer jnova, String token, String id, String body, String version)
            throws Exception {
        JnovaTestServer.Reply reply = jnova.call("POST", "/servers/" + id + "/action", body, version, token);
        assertThat(reply.status()).as(reply.body()).isEqualTo(202);
        org.jnova.testing.OpenApiConformance.get().assertConforms("POST", "/v2.1/servers/{id}/action", 201, version,
                reply.json());
        return reply.json();
    }
}
