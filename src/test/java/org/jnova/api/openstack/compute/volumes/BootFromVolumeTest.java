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
 * Server create with block_device_mapping_v2 / block_device_mapping that uses volumes: image to
 * volume, boot from an existing volume, blank extra volumes, nova's refusals, and what server
 * delete does to the volumes.
 */
class BootFromVolumeTest {
    @RegisterExtension
    static final EngineServers SERVERS = new EngineServers();
    private static final String IMAGE = SeedData.CIRROS_IMAGE_ID;

    @EachEngine
    void imageToVolumeThenBootFromTheVolume(String engine) throws Exception {
        JnovaTestServer jnova = SERVERS.get(engine);
        VolumeFixtures f = new VolumeFixtures(jnova, "owner:bfv-" + engine);
        String first = f.call("POST", "/servers", server("bfv1", null, "\"block_device_mapping_v2\": [{"
                + "\"source_type\": \"image\", \"uuid\": \"" + IMAGE + "\", \"destination_type\": \"volume\", "
                + "\"volume_size\": 1, \"boot_index\": 0}]"), "2.1", 202).path("server").path("id").asText();
        JsonNode active = f.serverUntil(first, s -> "ACTIVE".equals(s.path("status").asText()));
        // nova shows an empty image for a server booted from a volume
        assertThat(active.path("image").asText()).isEmpty();
        assertThat(active.path("os-extended-volumes:volumes_attached")).hasSize(1);
        JsonNode attached = active.path("os-extended-volumes:volumes_attached").get(0);
        assertThat(attached.path("delete_on_termination").asBoolean()).isFalse();
        String root = attached.path("id").asText();
        JsonNode volume = f.volumeUntil(root, "in-use");
        assertThat(volume.path("size").asInt()).isEqualTo(1);
        assertThat(volume.path("attachments").get(0).path("serverId").asText()).isEqualTo(first);
        assertThat(volume.path("attachments").get(0).path("device").asText()).isEqualTo("/dev/vda");
        JsonNode at21 = f.call("GET", "/servers/" + first, null, "2.1", 200).path("server");
        assertThat(at21.path("image").asText()).isEmpty();

        // without delete_on_termination the volume outlives the server, detached
        f.call("DELETE", "/servers/" + first, null, "2.1", 204);
        f.serverGone(first);
        f.volumeUntil(root, "available");

        String second = f.call("POST", "/servers", server("bfv2", "", "\"block_device_mapping_v2\": [{"
                + "\"source_type\": \"volume\", \"uuid\": \"" + root + "\", \"destination_type\": \"volume\", "
                + "\"boot_index\": \"0\"}, {\"source_type\": \"blank\", \"destination_type\": \"volume\", "
                + "\"volume_size\": 1, \"delete_on_termination\": true}]"), "2.1", 202).path("server").path("id")
                .asText();
        JsonNode booted = f.serverUntil(second, s -> "ACTIVE".equals(s.path("status").asText()));
        JsonNode volumes = booted.path("os-extended-volumes:volumes_attached");
        assertThat(volumes).hasSize(2);
        assertThat(volumes.get(0).path("id").asText()).isEqualTo(root);
        String blank = volumes.get(1).path("id").asText();
        assertThat(volumes.get(1).path("delete_on_termination").asBoolean()).isTrue();
        assertThat(f.volumeUntil(root, "in-use").path("attachments").get(0).path("device").asText())
                .isEqualTo("/dev/vda");
        assertThat(f.volumeUntil(blank, "in-use").path("attachments").get(0).path("device").asText())
                .isEqualTo("/dev/vdb");
        JsonNode attachments = f.call("GET", "/servers/" + second + "/os-volume_attachments", null, "2.1", 200)
                .path("volumeAttachments");
        assertThat(attachments).hasSize(2);
        assertThat(message(f.call("DELETE", "/servers/" + second + "/os-volume_attachments/" + root, null, "2.1",
                400))).isEqualTo("Cannot detach a root device volume");
        assertThat(message(f.call("POST", "/servers/" + second + "/action", "{\"rescue\": {}}", "2.1", 400)))
                .isEqualTo("Instance " + second + " cannot be rescued: Cannot rescue a volume-backed instance");

        // a volume in use is refused by the volume service's reservation
        JsonNode busy = f.call("POST", "/servers", server("bfv3", null, "\"block_device_mapping_v2\": [{"
                + "\"source_type\": \"volume\", \"uuid\": \"" + root + "\", \"destination_type\": \"volume\", "
                + "\"boot_index\": 0}]"), "2.1", 400);
        assertThat(message(busy)).startsWith("Invalid volume: ");

        f.call("DELETE", "/servers/" + second, null, "2.1", 204);
        f.serverGone(second);
        f.volumeUntil(root, "available");
        f.call("GET", "/os-volumes/" + blank, null, "2.1", 404);
        f.call("DELETE", "/os-volumes/" + root, null, "2.1", 202);
    }

    @EachEngine
    void imageServerWithExtraVolumesAndLegacyMapping(String engine) throws Exception {
        JnovaTestServer jnova = SERVERS.get(engine);
        VolumeFixtures f = new VolumeFixtures(jnova, "owner:bfv-extra-" + engine);
        String data = f.volume("data", 1);
        String id = f.call("POST", "/servers", server("extra", IMAGE, "\"block_device_mapping_v2\": [{"
                + "\"source_type\": \"image\", \"uuid\": \"" + IMAGE + "\", \"destination_type\": \"local\", "
                + "\"boot_index\": 0, \"delete_on_termination\": true}, {\"source_type\": \"volume\", \"uuid\": \""
                + data + "\", \"destination_type\": \"volume\", \"boot_index\": -1}]"), "2.1", 202).path("server")
                .path("id").asText();
        JsonNode s = f.serverUntil(id, x -> "ACTIVE".equals(x.path("status").asText()));
        assertThat(s.path("image").path("id").asText()).isEqualTo(IMAGE);
        assertThat(s.path("os-extended-volumes:volumes_attached").get(0).path("id").asText()).isEqualTo(data);
        assertThat(f.volumeUntil(data, "in-use").path("attachments").get(0).path("device").asText())
                .isEqualTo("/dev/vdb");
        f.call("DELETE", "/servers/" + id, null, "2.1", 204);
        f.serverGone(id);
        f.volumeUntil(data, "available");

        // legacy syntax: with an image, a volume named like another device is an extra disk
        String legacy = f.call("POST", "/servers", server("legacy", IMAGE, "\"block_device_mapping\": [{"
                + "\"volume_id\": \"" + data + "\", \"device_name\": \"vdc\", \"delete_on_termination\": \"1\"}]"),
                "2.1", 202).path("server").path("id").asText();
        JsonNode l = f.serverUntil(legacy, x -> "ACTIVE".equals(x.path("status").asText()));
        assertThat(l.path("image").path("id").asText()).isEqualTo(IMAGE);
        assertThat(l.path("os-extended-volumes:volumes_attached").get(0).path("delete_on_termination").asBoolean())
                .isTrue();
        assertThat(f.volumeUntil(data, "in-use").path("attachments").get(0).path("device").asText())
                .isEqualTo("/dev/vdc");
        f.call("DELETE", "/servers/" + legacy, null, "2.1", 204);
        f.serverGone(legacy);
        f.call("GET", "/os-volumes/" + data, null, "2.1", 404);
    }

    @EachEngine
    void novasRefusals(String engine) throws Exception {
        JnovaTestServer jnova = SERVERS.get(engine);
        VolumeFixtures f = new VolumeFixtures(jnova, "owner:bfv-bad-" + engine);
        String blankVolume = f.volume("plain", 1);
        String missing = "9a5c0d2e-5d36-4c6e-9e3b-7d1d0f4f6a11";
        String volumeRoot = "{\"source_type\": \"volume\", \"uuid\": \"%s\", \"destination_type\": \"volume\", "
                + "\"boot_index\": 0}";
        assertThat(refusal(f, server("b", null, v2(volumeRoot.formatted(missing)))))
                .isEqualTo("Block Device Mapping is Invalid: failed to get volume " + missing + ".");
        assertThat(refusal(f, server("b", IMAGE, v2("{\"source_type\": \"image\", \"uuid\": \"" + IMAGE
                + "\", \"destination_type\": \"local\", \"boot_index\": 0}, " + volumeRoot.formatted(missing)
                        .replace("\"boot_index\": 0", "\"boot_index\": 1")))))
                .isEqualTo("Volume " + missing + " could not be found.");
        // a volume not made from an image is not bootable
        assertThat(refusal(f, server("b", null, v2(volumeRoot.formatted(blankVolume)))))
                .isEqualTo("Block Device " + blankVolume + " is not bootable.");
        assertThat(refusal(f, server("b", null, v2("{\"source_type\": \"image\", \"uuid\": \"" + IMAGE
                + "\", \"destination_type\": \"volume\", \"boot_index\": 0}"))))
                .isEqualTo("Images with destination_type 'volume' need to have a non-zero size specified");
        assertThat(refusal(f, server("b", null, v2("{\"source_type\": \"image\", \"uuid\": \"" + IMAGE
                + "\", \"destination_type\": \"local\", \"boot_index\": 0}"))))
                .isEqualTo("Block Device Mapping is Invalid: Mapping image to local is not supported.");
        assertThat(refusal(f, server("b", null, v2("{\"source_type\": \"volume\", \"destination_type\": "
                + "\"volume\", \"boot_index\": 0}"))))
                .isEqualTo("Block Device Mapping is Invalid: Missing device UUID.");
        assertThat(refusal(f, server("b", IMAGE, v2("{\"source_type\": \"blank\", \"destination_type\": "
                + "\"volume\", \"volume_size\": 1}"))))
                .isEqualTo("Block Device Mapping is Invalid: Boot sequence for the instance and image/block device "
                        + "mapping combination is not valid.");
        assertThat(refusal(f, server("b", null, v2("{\"source_type\": \"image\", \"uuid\": \"" + IMAGE
                + "\", \"destination_type\": \"volume\", \"volume_size\": 1, \"boot_index\": 0}, {\"source_type\": "
                + "\"blank\", \"destination_type\": \"volume\", \"boot_index\": 1}"))))
                .isEqualTo("Blank volumes (source: 'blank', dest: 'volume') need to have non-zero size");
        assertThat(refusal(f, server("b", IMAGE, v2("{\"source_type\": \"image\", \"uuid\": \"" + IMAGE
                + "\", \"destination_type\": \"local\", \"boot_index\": 0}, {\"source_type\": \"volume\", "
                + "\"uuid\": \"" + missing + "\", \"destination_type\": \"volume\", \"device_name\": \"/dev/vda\"}"))))
                .isEqualTo("The volume cannot be assigned the same device name as the root device vda");
        assertThat(refusal(f, server("b", IMAGE, "\"max_count\": 2, \"block_device_mapping\": [{\"volume_id\": \""
                + blankVolume + "\", \"device_name\": \"/dev/vdb\"}]")))
                .isEqualTo("Cannot attach one or more volumes to multiple instances");
        assertThat(refusal(f, server("b", IMAGE, "\"block_device_mapping\": [{\"volume_id\": \"" + blankVolume
                + "\"}], " + v2(volumeRoot.formatted(blankVolume)))))
                .isEqualTo("Using different block_device_mapping syntaxes is not allowed in the same request.");
        assertThat(refusal(f, server("b", null, "\"imageRef\": \"\"")))
                .isEqualTo("Missing imageRef attribute");
        // nothing was left reserved
        assertThat(f.volumeShow(blankVolume).path("status").asText()).isEqualTo("available");
    }

    private static String refusal(VolumeFixtures f, String body) throws Exception {
        return message(f.call("POST", "/servers", body, "2.1", 400));
    }

    private static String v2(String mappings) {
        return "\"block_device_mapping_v2\": [" + mappings + "]";
    }

    /** A create body; imageRef omitted when null. */
    private static String server(String name, String imageRef, String more) {
        return "{\"server\": {\"name\": \"" + name + "\", \"flavorRef\": \"1\""
                + (imageRef == null ? "" : ", \"imageRef\": \"" + imageRef + "\"") + ", " + more + "}}";
    }
}
