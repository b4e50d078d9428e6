package org.jnova.api.openstack.compute.volumes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jnova.testing.EngineServers.message;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jnova.compute.SeedData;
import org.jnova.objects.Image;
import org.jnova.testing.EachEngine;
import org.jnova.testing.EngineServers;
import org.jnova.testing.JnovaTestServer;
import org.jnova.utils.JsonMappers;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Booting from an image whose block_device_mapping property lists snapshots (createImage of a
 * volume-backed server): the image's mappings are merged with the request's, the root disk is
 * a new volume made from the snapshot, and the image itself is never a local disk.
 */
class ImageDefinedMappingsTest {
    @RegisterExtension
    static final EngineServers SERVERS = new EngineServers();

    @EachEngine
    void aServerBootedFromTheImageIsVolumeBackedOnNewVolumes(String engine) throws Exception {
        VolumeFixtures f = new VolumeFixtures(SERVERS.get(engine), "owner:idm-" + engine);
        Snapshotted source = snapshottedServer(f, "idm");

        // imageRef only, as the openstack CLI sends it
        JsonNode server = f.activeServerFrom(boot("from-image", source.image()));
        String id = server.path("id").asText();
        // nova keeps the image as the server's image; the root disk is the volume
        assertThat(server.path("image").path("id").asText()).isEqualTo(source.image());
        Map<String, JsonNode> byDevice = f.attachmentsByDevice(id);
        assertThat(byDevice.keySet()).containsExactlyInAnyOrder("/dev/vda", "/dev/vdb");
        String root = byDevice.get("/dev/vda").path("volumeId").asText();
        String data = byDevice.get("/dev/vdb").path("volumeId").asText();
        assertThat(List.of(root, data)).doesNotContain(source.rootVolume(), source.dataVolume());
        JsonNode rootVolume = f.volumeShow(root);
        assertThat(rootVolume.path("snapshotId").asText()).isEqualTo(source.rootSnapshot());
        assertThat(rootVolume.path("size").asInt()).isEqualTo(1);
        assertThat(rootVolume.path("status").asText()).isEqualTo("in-use");
        JsonNode dataVolume = f.volumeShow(data);
        assertThat(dataVolume.path("snapshotId").asText()).isEqualTo(source.dataSnapshot());
        assertThat(dataVolume.path("size").asInt()).isEqualTo(2);
        List<String> attached = new ArrayList<>();
        server.path("os-extended-volumes:volumes_attached").forEach(v -> attached.add(v.path("id").asText()));
        assertThat(attached).containsExactlyInAnyOrder(root, data);

        // volume-backed: a rebuild with an image other than the root volume's is refused before 2.93
        assertThat(message(f.call("POST", "/servers/" + id + "/action", "{\"rebuild\": {\"imageRef\": \""
                + source.image() + "\"}}", "2.1", 400))).isEqualTo("Image " + source.image() + " is unacceptable: "
                        + "Unable to rebuild with a different image for a volume-backed server.");

        // delete_on_termination comes from the image's mappings: the root volume goes, the data volume stays
        f.call("DELETE", "/servers/" + id, null, "2.1", 204);
        f.serverGone(id);
        f.volumeUntil(data, "available");
        f.volumeGone(root);
    }

    @EachEngine
    void theRequestsMappingWinsForItsDevice(String engine) throws Exception {
        VolumeFixtures f = new VolumeFixtures(SERVERS.get(engine), "owner:idr-" + engine);
        Snapshotted source = snapshottedServer(f, "idr");

        // the image mapping a client adds for imageRef gives way to the image's root; /dev/vdb is the request's
        String id = f.activeServerFrom("{\"server\": {\"name\": \"override\", \"imageRef\": \""
                + source.image() + "\", \"flavorRef\": \"1\", \"block_device_mapping_v2\": [{\"source_type\": "
                + "\"image\", \"uuid\": \"" + source.image() + "\", \"destination_type\": \"local\", "
                + "\"boot_index\": 0, \"delete_on_termination\": true}, {\"source_type\": \"blank\", "
                + "\"destination_type\": \"volume\", \"volume_size\": 3, \"device_name\": \"/dev/vdb\", "
                + "\"delete_on_termination\": true}]}}").path("id").asText();
        Map<String, JsonNode> byDevice = f.attachmentsByDevice(id);
        assertThat(byDevice.keySet()).containsExactlyInAnyOrder("/dev/vda", "/dev/vdb");
        JsonNode root = f.volumeShow(byDevice.get("/dev/vda").path("volumeId").asText());
        assertThat(root.path("snapshotId").asText()).isEqualTo(source.rootSnapshot());
        JsonNode blank = f.volumeShow(byDevice.get("/dev/vdb").path("volumeId").asText());
        assertThat(blank.path("snapshotId").isNull() || blank.path("snapshotId").asText().isEmpty()).isTrue();
        assertThat(blank.path("size").asInt()).isEqualTo(3);

        // a legacy request mapping for the same device wins as well; it does not boot
        String legacy = f.activeServerFrom("{\"server\": {\"name\": \"legacy\", \"imageRef\": \""
                + source.image() + "\", \"flavorRef\": \"1\", \"block_device_mapping\": [{\"device_name\": "
                + "\"/dev/vdb\", \"volume_id\": \"" + f.volume("extra", 1) + "\"}]}}").path("id").asText();
        Map<String, JsonNode> legacyDevices = f.attachmentsByDevice(legacy);
        assertThat(legacyDevices.keySet()).containsExactlyInAnyOrder("/dev/vda", "/dev/vdb");
        assertThat(f.volumeShow(legacyDevices.get("/dev/vda").path("volumeId").asText()).path("snapshotId")
                .asText()).isEqualTo(source.rootSnapshot());
        assertThat(f.volumeShow(legacyDevices.get("/dev/vdb").path("volumeId").asText()).path("displayName")
                .asText()).isEqualTo("extra");
    }

    @EachEngine
    void aSnapshotTheCallerCannotGetIsRefused(String engine) throws Exception {
        VolumeFixtures f = new VolumeFixtures(SERVERS.get(engine), "owner:ids-" + engine);
        Snapshotted source = snapshottedServer(f, "ids");

        // another project sees a public image listing the owner's snapshots, but not the snapshots
        JnovaTestServer jnova = SERVERS.get(engine);
        Image own = jnova.cloud().images().get(source.image()).orElseThrow();
        String shared = UUID.randomUUID().toString();
        jnova.cloud().imagesApi().add(new Image(shared, "shared-bfv", "active", 0, 0, 0, own.properties(), null,
                null));
        VolumeFixtures stranger = new VolumeFixtures(jnova, "stranger:ids-other-" + engine);
        String failed = "Block Device Mapping is Invalid: failed to get snapshot ";
        assertThat(message(stranger.call("POST", "/servers", boot(shared), "2.1", 400)))
                .isIn(failed + source.rootSnapshot() + ".", failed + source.dataSnapshot() + ".");
        assertThat(stranger.call("GET", "/servers", null, "2.1", 200).path("servers")).isEmpty();

        // a deleted snapshot: the same answer for its owner
        f.call("DELETE", "/os-snapshots/" + source.dataSnapshot(), null, "2.1", 202);
        assertThat(message(f.call("POST", "/servers", boot(source.image()), "2.1", 400)))
                .isEqualTo(failed + source.dataSnapshot() + ".");

        // ... unless the request replaces that device
        String id = f.activeServerFrom("{\"server\": {\"name\": \"replaced\", \"imageRef\": \""
                + source.image() + "\", \"flavorRef\": \"1\", \"block_device_mapping\": [{\"device_name\": "
                + "\"/dev/vdb\", \"no_device\": true}]}}").path("id").asText();
        assertThat(f.attachmentsByDevice(id).keySet()).containsExactly("/dev/vda");
    }

    @EachEngine
    void legacyMappingsBootTheImagesRootDevice(String engine) throws Exception {
        VolumeFixtures f = new VolumeFixtures(SERVERS.get(engine), "owner:idl-" + engine);
        Snapshotted source = snapshottedServer(f, "idl");

        // nova's legacy form (no bdm_v2): the mapping named like root_device_name boots
        JnovaTestServer jnova = SERVERS.get(engine);
        String legacy = UUID.randomUUID().toString();
        jnova.cloud().imagesApi().add(new Image(legacy, "legacy-bfv", "active", 0, 0, 0, Map.of(
                "root_device_name", "/dev/vda", "block_device_mapping", "[{\"device_name\": \"vda\", "
                        + "\"snapshot_id\": \"" + source.rootSnapshot() + "\", \"delete_on_termination\": true}]"),
                null, null));
        String id = f.activeServerFrom(boot(legacy)).path("id").asText();
        Map<String, JsonNode> byDevice = f.attachmentsByDevice(id);
        assertThat(byDevice.keySet()).containsExactly("/dev/vda");
        assertThat(f.volumeShow(byDevice.get("/dev/vda").path("volumeId").asText()).path("snapshotId").asText())
                .isEqualTo(source.rootSnapshot());

        // a property that is no list of mappings
        String broken = UUID.randomUUID().toString();
        jnova.cloud().imagesApi().add(new Image(broken, "broken-bfv", "active", 0, 0, 0, Map.of(
                "bdm_v2", "True", "block_device_mapping", "{not json"), null, null));
        assertThat(message(f.call("POST", "/servers", boot(broken), "2.1", 400)))
                .isEqualTo("Block Device Mapping is Invalid: Unrecognized legacy format.");
    }

    /** A volume-backed server (root from the image, 1 GB, deleted with it; a 2 GB data volume kept) and its image. */
    private static Snapshotted snapshottedServer(VolumeFixtures f, String name) throws Exception {
        String id = f.activeServerFrom("{\"server\": {\"name\": \"" + name + "\", \"flavorRef\": \"1\", "
                + "\"block_device_mapping_v2\": [{\"source_type\": \"image\", \"uuid\": \"" + SeedData.CIRROS_IMAGE_ID
                + "\", \"destination_type\": \"volume\", \"volume_size\": 1, \"boot_index\": 0, "
                + "\"delete_on_termination\": true}, {\"source_type\": \"blank\", \"destination_type\": \"volume\", "
                + "\"volume_size\": 2, \"delete_on_termination\": false}]}}").path("id").asText();
        Map<String, JsonNode> byDevice = f.attachmentsByDevice(id);
        JnovaTestServer.Reply created = f.reply("POST", "/servers/" + id + "/action", "{\"createImage\": "
                + "{\"name\": \"" + name + "-snap\"}}", "2.1");
        assertThat(created.status()).as(created.body()).isEqualTo(202);
        String image = created.header("Location").replaceAll(".*/images/", "");
        JsonNode meta = f.call("GET", "/images/" + image, null, "2.1", 200).path("image").path("metadata");
        assertThat(meta.path("bdm_v2").asText()).isEqualTo("True");
        assertThat(meta.path("root_device_name").asText()).isEqualTo("/dev/vda");
        Map<String, String> snapshots = new HashMap<>();
        for (JsonNode m : JsonMappers.standard().readTree(meta.path("block_device_mapping").asText())) {
            assertThat(m.path("source_type").asText()).isEqualTo("snapshot");
            snapshots.put(m.path("device_name").asText(), m.path("snapshot_id").asText());
        }
        return new Snapshotted(image, byDevice.get("/dev/vda").path("volumeId").asText(),
                byDevice.get("/dev/vdb").path("volumeId").asText(), snapshots.get("/dev/vda"),
                snapshots.get("/dev/vdb"));
    }

    private record Snapshotted(String image, String rootVolume, String dataVolume, String rootSnapshot,
            String dataSnapshot) {
    }

    private static String boot(String image) {
        return boot("b", image);
    }

    private static String boot(String name, String image) {
        return "{\"server\": {\"name\": \"" + name + "\", \"imageRef\": \"" + image + "\", \"flavorRef\": \"1\"}}";
    }
}
