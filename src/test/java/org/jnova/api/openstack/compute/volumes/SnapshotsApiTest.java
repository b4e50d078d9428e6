package org.jnova.api.openstack.compute.volumes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jnova.testing.EngineServers.assertFault;
import static org.jnova.testing.EngineServers.message;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.jnova.testing.EachEngine;
import org.jnova.testing.EngineServers;
import org.jnova.testing.JnovaTestServer;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * os-snapshots, the deprecated proxy to the volume service's snapshots: nova's shapes at 2.1
 * to 2.35, 404 from 2.36, cinder's refusals and quota, one project's snapshots hidden from
 * another's, volumes made from snapshots.
 */
class SnapshotsApiTest {
    @RegisterExtension
    static final EngineServers SERVERS = new EngineServers("[jnova_quota]", "snapshots = 2");

    @EachEngine
    void createShowListAndDelete(String engine) throws Exception {
        JnovaTestServer jnova = SERVERS.get(engine);
        String token = "snaps:snaps-" + engine;
        VolumeFixtures f = new VolumeFixtures(jnova, token);
        String volume = f.volume("data", 3);
        JsonNode s = f.call("POST", "/os-snapshots", "{\"snapshot\": {\"volume_id\": \"" + volume + "\", "
                + "\"display_name\": \"snap-001\", \"display_description\": \"Daily backup\", \"force\": false}}",
                "2.1", 200).path("snapshot");
        List<String> keys = new ArrayList<>();
        s.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactlyInAnyOrder("id", "volumeId", "status", "size", "createdAt", "displayName",
                "displayDescription");
        assertThat(s.path("volumeId").asText()).isEqualTo(volume);
        assertThat(s.path("size").asInt()).isEqualTo(3);
        assertThat(s.path("status").asText()).isEqualTo("available");
        assertThat(s.path("displayName").asText()).isEqualTo("snap-001");
        assertThat(s.path("createdAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}");
        String id = s.path("id").asText();

        JsonNode unnamed = f.call("POST", "/os-snapshots", "{\"snapshot\": {\"volume_id\": \"" + volume + "\"}}",
                "2.35", 200).path("snapshot");
        assertThat(unnamed.path("displayName").isNull()).isTrue();
        assertThat(unnamed.path("displayDescription").isNull()).isTrue();

        JsonNode shown = f.call("GET", "/os-snapshots/" + id, null, "2.35", 200).path("snapshot");
        assertThat(shown).isEqualTo(s);
        assertThat(ids(f.call("GET", "/os-snapshots", null, "2.1", 200))).containsExactlyInAnyOrder(id,
                unnamed.path("id").asText());
        assertThat(ids(f.call("GET", "/os-snapshots/detail?limit=1", null, "2.1", 200))).hasSize(1);
        assertThat(ids(f.call("GET", "/os-snapshots/detail?offset=1", null, "2.1", 200))).hasSize(1);

        // another project sees nothing and cannot touch them
        String other = "x:other-" + engine;
        assertThat(ids(EngineServers.call(jnova, "GET", "/os-snapshots/detail", null, "2.1", 200, other))).isEmpty();
        assertThat(message(EngineServers.call(jnova, "GET", "/os-snapshots/" + id, null, "2.1", 404, other)))
                .isEqualTo("Snapshot " + id + " could not be found.");
        assertThat(message(EngineServers.call(jnova, "DELETE", "/os-snapshots/" + id, null, "2.1", 404, other)))
                .isEqualTo("Snapshot " + id + " could not be found.");
        assertThat(message(EngineServers.call(jnova, "POST", "/os-snapshots", "{\"snapshot\": {\"volume_id\": \""
                + volume + "\"}}", "2.1", 404, other))).isEqualTo("Volume " + volume + " could not be found.");
        assertThat(message(EngineServers.call(jnova, "POST", "/os-volumes", "{\"volume\": {\"size\": 3, "
                + "\"snapshot_id\": \"" + id + "\"}}", "2.1", 404, other)))
                .isEqualTo("Snapshot " + id + " could not be found.");

        // a volume with snapshots stays
        assertThat(message(f.call("DELETE", "/os-volumes/" + volume, null, "2.1", 400))).startsWith(
                "Invalid input received: Invalid volume: Volume status must be available");

        assertThat(jnova.call("DELETE", "/os-snapshots/" + id, null, "2.1", token).status()).isEqualTo(202);
        assertThat(message(f.call("GET", "/os-snapshots/" + id, null, "2.1", 404)))
                .isEqualTo("Snapshot " + id + " could not be found.");
        assertThat(message(f.call("DELETE", "/os-snapshots/" + id, null, "2.1", 404)))
                .isEqualTo("Snapshot " + id + " could not be found.");
        assertThat(jnova.call("DELETE", "/os-snapshots/" + unnamed.path("id").asText(), null, "2.1", token)
                .status()).isEqualTo(202);
        assertThat(jnova.call("DELETE", "/os-volumes/" + volume, null, "2.1", token).status()).isEqualTo(202);
    }

    @EachEngine
    void volumeFromSnapshot(String engine) throws Exception {
        JnovaTestServer jnova = SERVERS.get(engine);
        VolumeFixtures f = new VolumeFixtures(jnova, "snaps:from-" + engine);
        String volume = f.volume("{\"volume\": {\"size\": 2, \"volume_type\": \"multiattach\"}}");
        String snap = f.call("POST", "/os-snapshots", "{\"snapshot\": {\"volume_id\": \"" + volume + "\"}}", "2.1",
                200).path("snapshot").path("id").asText();
        assertThat(message(f.call("POST", "/os-volumes", "{\"volume\": {\"size\": 1, \"snapshot_id\": \"" + snap
                + "\"}}", "2.1", 400))).isEqualTo("Invalid input received: Invalid input received: Volume size '1'GB "
                        + "cannot be smaller than the snapshot size 2GB. They must be >= original snapshot size. "
                        + "(HTTP 400)");
        JsonNode made = f.call("POST", "/os-volumes", "{\"volume\": {\"size\": 4, \"snapshot_id\": \"" + snap
                + "\"}}", "2.1", 200).path("volume");
        assertThat(made.path("snapshotId").asText()).isEqualTo(snap);
        assertThat(made.path("size").asInt()).isEqualTo(4);
        assertThat(made.path("volumeType").asText()).isEqualTo("multiattach");
    }

    @EachEngine
    void inUseNeedsForceAndQuota(String engine) throws Exception {
        JnovaTestServer jnova = SERVERS.get(engine);
        VolumeFixtures f = new VolumeFixtures(jnova, "snaps:use-" + engine);
        String server = f.activeServer("snapper");
        String volume = f.volume("attached", 1);
        f.call("POST", "/servers/" + server + "/os-volume_attachments", "{\"volumeAttachment\": {\"volumeId\": \""
                + volume + "\"}}", "2.1", 200);
        f.volumeUntil(volume, "in-use");
        assertThat(message(f.call("POST", "/os-snapshots", "{\"snapshot\": {\"volume_id\": \"" + volume + "\"}}",
                "2.1", 400))).isEqualTo("Invalid input received: Invalid volume: Volume " + volume + " status must be "
                        + "available, but current status is: in-use. (HTTP 400)");
        assertThat(message(f.call("POST", "/os-snapshots", "{\"snapshot\": {\"volume_id\": \"" + volume + "\", "
                + "\"force\": \"no\"}}", "2.1", 400))).contains("status must be available, but");
        assertThat(f.call("POST", "/os-snapshots", "{\"snapshot\": {\"volume_id\": \"" + volume + "\", "
                + "\"force\": \"True\"}}", "2.1", 200).path("snapshot").path("status").asText()).isEqualTo("available");
        f.call("POST", "/os-snapshots", "{\"snapshot\": {\"volume_id\": \"" + volume + "\", \"force\": true}}",
                "2.1", 200);
        assertFault(SERVERS.callAs(engine, "snaps:use-" + engine, "POST", "/os-snapshots", "{\"snapshot\": "
                + "{\"volume_id\": \"" + volume + "\", \"force\": true}}", "2.1"), 403,
                "Maximum number of snapshots allowed (2) exceeded");
    }

    @EachEngine
    void goneFrom236AndBadBodies(String engine) throws Exception {
        JnovaTestServer jnova = SERVERS.get(engine);
        VolumeFixtures f = new VolumeFixtures(jnova, "snaps:bad-" + engine);
        for (String path : List.of("/os-snapshots", "/os-snapshots/detail",
                "/os-snapshots/5d5f5c6c-1c3a-4d3e-9a9f-000000000001")) {
            JnovaTestServer.Reply gone = jnova.call("GET", path, null, "2.36", "snaps:bad-" + engine);
            assertThat(gone.status()).isEqualTo(404);
            assertThat(message(gone.json())).isEqualTo("The resource could not be found.");
        }
        assertThat(jnova.call("POST", "/os-snapshots", "{\"snapshot\": {\"volume_id\": \"x\"}}", "2.36",
                "snaps:bad-" + engine).status()).isEqualTo(404);
        assertThat(message(f.call("POST", "/os-snapshots", "{\"snapshot\": {}}", "2.1", 400)))
                .isEqualTo("Invalid input for field/attribute snapshot. Value: {}. 'volume_id' is a required property");
        assertThat(message(f.call("POST", "/os-snapshots", "{\"snapshot\": {\"volume_id\": \"x\", \"force\": "
                + "\"maybe\"}}", "2.1", 400))).startsWith("Invalid input for field/attribute force.");
        assertThat(message(f.call("POST", "/os-snapshots", "{\"snapshot\": {\"volume_id\": \"x\", \"size\": 1}}",
                "2.1", 400))).endsWith("Additional properties are not allowed ('size' was unexpected)");
        assertThat(message(f.call("POST", "/os-snapshots", "{\"snapshot\": {\"volume_id\": \"nope\"}}", "2.1",
                404))).isEqualTo("Volume nope could not be found.");
        assertThat(f.call("GET", "/os-snapshots?limit=-1", null, "2.1", 400)).isNotNull();
    }

    /** nova checks the snapshots quota before createImage of a volume-backed server takes any. */
    @EachEngine
    void createImageOfAVolumeBackedServerOverTheSnapshotsQuota(String engine) throws Exception {
        JnovaTestServer jnova = SERVERS.get(engine);
        String token = "snaps:vbq-" + engine;
        VolumeFixtures f = new VolumeFixtures(jnova, token);
        String id = f.call("POST", "/servers", "{\"server\": {\"name\": \"vbq\", \"flavorRef\": \"1\", "
                + "\"block_device_mapping_v2\": [{\"source_type\": \"image\", \"uuid\": \""
                + org.jnova.compute.SeedData.CIRROS_IMAGE_ID + "\", \"destination_type\": \"volume\", "
                + "\"volume_size\": 1, \"boot_index\": 0}, {\"source_type\": \"blank\", \"destination_type\": "
                + "\"volume\", \"volume_size\": 1}, {\"source_type\": \"blank\", \"destination_type\": \"volume\", "
                + "\"volume_size\": 1}]}}", "2.1", 202).path("server").path("id").asText();
        f.serverUntil(id, s -> "ACTIVE".equals(s.path("status").asText()));
        assertFault(SERVERS.callAs(engine, token, "POST", "/servers/" + id + "/action", "{\"createImage\": "
                + "{\"name\": \"too-many\"}}", "2.1"), 403, "Quota exceeded for resources: snapshots");
        assertThat(ids(f.call("GET", "/os-snapshots", null, "2.1", 200))).isEmpty();
    }

    private static List<String> ids(JsonNode list) {
        List<String> out = new ArrayList<>();
        list.path("snapshots").forEach(s -> out.add(s.path("id").asText()));
        return out;
    }
}
