package org.jnova.api.openstack.compute.volumes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jnova.testing.EngineServers.message;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.jnova.testing.EachEngine;
import org.jnova.testing.EngineServers;
import org.jnova.testing.JnovaTestServer;
import org.junit.jupiter.api.extension.RegisterExtension;

/** os-assisted-volume-snapshots: admin only, the volume's one mapping names the server, nova's 400s. */
class AssistedVolumeSnapshotsTest {
    @RegisterExtension
    static final EngineServers SERVERS = new EngineServers();

    private static String createBody(String volume, String extra) {
        return "{\"snapshot\": {\"volume_id\": \"" + volume + "\", \"create_info\": {\"snapshot_id\": \"s-1\", "
                + "\"type\": \"qcow2\", \"new_file\": \"new.qcow2\"" + extra + "}}}";
    }

    private static String deletePath(String snapshot, String info) {
        return "/os-assisted-volume-snapshots/" + snapshot + "?delete_info="
                + URLEncoder.encode(info, StandardCharsets.UTF_8);
    }

    @EachEngine
    void createAndDeleteForAnAttachedVolume(String engine) throws Exception {
        JnovaTestServer jnova = SERVERS.get(engine);
        String token = "owner:avs-" + engine;
        VolumeFixtures f = new VolumeFixtures(jnova, token);
        VolumeFixtures admin = new VolumeFixtures(jnova, "admin:admin");
        String server = f.activeServer("avs");
        String volume = f.volume("attached", 1);
        String loose = f.volume("loose", 1);
        f.call("POST", "/servers/" + server + "/os-volume_attachments", "{\"volumeAttachment\": {\"volumeId\": \""
                + volume + "\"}}", "2.1", 200);
        f.volumeUntil(volume, "in-use");

        JsonNode made = admin.call("POST", "/os-assisted-volume-snapshots", createBody(volume,
                ", \"id\": \"421752a6-acf6-4b2d-bc7a-119f9148cd8c\""), "2.1", 200).path("snapshot");
        assertThat(made.path("id").asText()).isEqualTo("421752a6-acf6-4b2d-bc7a-119f9148cd8c");
        assertThat(made.path("volumeId").asText()).isEqualTo(volume);
        JsonNode unnamed = admin.call("POST", "/os-assisted-volume-snapshots", createBody(volume, ""), "2.96", 200)
                .path("snapshot");
        assertThat(unnamed.path("id").isNull()).isTrue();

        assertThat(message(f.call("POST", "/os-assisted-volume-snapshots", createBody(volume, ""), "2.1", 403)))
                .isEqualTo("Policy doesn't allow os_compute_api:os-assisted-volume-snapshots:create to be performed.");
        assertThat(message(admin.call("POST", "/os-assisted-volume-snapshots", createBody(loose, ""), "2.1", 400)))
                .isEqualTo("No volume Block Device Mapping with id " + loose + ".");
        assertThat(message(admin.call("POST", "/os-assisted-volume-snapshots", createBody(volume, "")
                .replace("qcow2", "raw"), "2.1", 400))).startsWith("Invalid input for field/attribute type.");

        String info = "{\"volume_id\": \"" + volume + "\", \"type\": \"qcow2\", \"file_to_merge\": \"snap.img\"}";
        JnovaTestServer.Reply deleted = jnova.call("DELETE", deletePath("s-1", info), null, "2.1", "admin:admin");
        assertThat(deleted.status()).isEqualTo(204);
        assertThat(deleted.body()).isEmpty();
        assertThat(message(f.call("DELETE", deletePath("s-1", info), null, "2.1", 403))).isEqualTo(
                "Policy doesn't allow os_compute_api:os-assisted-volume-snapshots:delete to be performed.");
        assertThat(message(admin.call("DELETE", "/os-assisted-volume-snapshots/s-1", null, "2.1", 400)))
                .isEqualTo("'delete_info'");
        assertThat(message(admin.call("DELETE", deletePath("s-1", "{}"), null, "2.1", 400))).isEqualTo("'volume_id'");
        assertThat(message(admin.call("DELETE", deletePath("s-1", "not json"), null, "2.1", 400)))
                .isEqualTo("Expecting value: line 1 column 1 (char 0)");
        assertThat(message(admin.call("DELETE", deletePath("s-1", "{\"volume_id\": \"" + loose + "\"}"), null,
                "2.1", 400))).isEqualTo("No volume Block Device Mapping with id " + loose + ".");
        // extra query parameters: ignored before 2.75, refused from it
        assertThat(jnova.call("DELETE", deletePath("s-1", info) + "&x=1", null, "2.74", "admin:admin").status())
                .isEqualTo(204);
        assertThat(admin.call("DELETE", deletePath("s-1", info) + "&x=1", null, "2.75", 400)).isNotNull();

        // an intermediary snapshot is not merged while the server is off
        f.call("POST", "/servers/" + server + "/action", "{\"os-stop\": null}", "2.1", 202);
        f.serverUntil(server, s -> "SHUTOFF".equals(s.path("status").asText())
                && s.path("OS-EXT-STS:task_state").isNull());
        String merge = "{\"volume_id\": \"" + volume + "\", \"merge_target_file\": \"base.img\"}";
        assertThat(message(admin.call("DELETE", deletePath("s-1", merge), null, "2.1", 400))).isEqualTo("Instance "
                + server + " in vm_state stopped. Cannot volume_snapshot_delete while the instance is in this state.");
        assertThat(jnova.call("DELETE", deletePath("s-1", info), null, "2.1", "admin:admin").status()).isEqualTo(204);
        assertThat(admin.call("POST", "/os-assisted-volume-snapshots", createBody(volume, ""), "2.1", 200)).isNotNull();
    }
}
