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

/**
 * /servers/{id}/os-volume_attachments over the compute host: device names, shapes per
 * microversion, volume states, swap, detach, server delete, and nova's refusals.
 */
class VolumeAttachmentsApiTest {
    @RegisterExtension
    static final EngineServers SERVERS = new EngineServers();

    // set by startServer: the test's project (token, fixtures), the admin's fixtures, the project's server
    private JnovaTestServer jnova;
    private String owner;
    private VolumeFixtures f;
    private VolumeFixtures admin;
    private String server;
    private String base;

    /** Boots the test's server in a project of its own named after {@code name}. */
    private void startServer(String engine, String name) throws Exception {
        jnova = SERVERS.get(engine);
        owner = "owner:" + name + "-" + engine;
        f = new VolumeFixtures(jnova, owner);
        admin = new VolumeFixtures(jnova, "admin:admin");
        server = f.activeServer(name);
        base = "/servers/" + server + "/os-volume_attachments";
    }

    @EachEngine
    void attachListShowAndServerViewsPerMicroversion(String engine) throws Exception {
        startServer(engine, "att");
        String v1 = f.volume("v1", 1);
        String v2 = f.volume("v2", 1);
        String v3 = f.volume("v3", 1);
        String v4 = f.volume("v4", 1);

        JsonNode a1 = f.call("POST", base, attach(v1, ""), "2.1", 200).path("volumeAttachment");
        assertThat(fields(a1)).containsExactly("id", "serverId", "volumeId", "device");
        assertThat(a1.path("id").asText()).isEqualTo(v1);
        assertThat(a1.path("device").asText()).isEqualTo("/dev/vdb");
        // the requested letter with the root disk's bus prefix, as nova's get_next_device_name
        JsonNode a2 = f.call("POST", base, attach(v2, ", \"device\": \"/dev/sdf\", \"tag\": \"data\""), "2.49", 200)
                .path("volumeAttachment");
        assertThat(fields(a2)).containsExactly("id", "serverId", "volumeId", "device");
        assertThat(a2.path("device").asText()).isEqualTo("/dev/vdf");
        JsonNode a3 = f.call("POST", base, attach(v3, ", \"delete_on_termination\": true"), "2.79", 200)
                .path("volumeAttachment");
        assertThat(fields(a3)).containsExactly("id", "serverId", "volumeId", "device", "tag",
                "delete_on_termination");
        assertThat(a3.path("device").asText()).isEqualTo("/dev/vdc");
        assertThat(a3.path("tag").isNull()).isTrue();
        assertThat(a3.path("delete_on_termination").asBoolean()).isTrue();
        JsonNode a4 = f.call("POST", base, attach(v4, ", \"tag\": \"t4\", \"delete_on_termination\": \"yes\""),
                "2.96", 200).path("volumeAttachment");
        assertThat(fields(a4)).containsExactly("id", "serverId", "volumeId", "device", "tag",
                "delete_on_termination");
        assertThat(a4.path("device").asText()).isEqualTo("/dev/vdd");
        assertThat(a4.path("tag").asText()).isEqualTo("t4");
        assertThat(a4.path("delete_on_termination").asBoolean()).isTrue();
        for (String v : List.of(v1, v2, v3, v4)) {
            f.volumeUntil(v, "in-use");
        }
        JsonNode inUse = f.volumeShow(v1);
        assertThat(inUse.path("attachments").get(0).path("serverId").asText()).isEqualTo(server);
        assertThat(inUse.path("attachments").get(0).path("device").asText()).isEqualTo("/dev/vdb");

        JsonNode at21 = f.call("GET", base, null, "2.1", 200).path("volumeAttachments");
        assertThat(at21).hasSize(4);
        assertThat(fields(at21.get(0))).containsExactly("id", "volumeId", "serverId", "device");
        assertThat(fields(f.call("GET", base, null, "2.70", 200).path("volumeAttachments").get(1)))
                .containsExactly("id", "volumeId", "serverId", "device", "tag");
        assertThat(fields(f.call("GET", base, null, "2.79", 200).path("volumeAttachments").get(2)))
                .containsExactly("id", "volumeId", "serverId", "device", "tag", "delete_on_termination");
        JsonNode at289 = f.call("GET", base, null, "2.89", 200).path("volumeAttachments");
        assertThat(fields(at289.get(0))).containsExactly("volumeId", "serverId", "device", "tag",
                "delete_on_termination", "attachment_id", "bdm_uuid");
        assertThat(at289.get(1).path("tag").asText()).isEqualTo("data");
        // nova pages over every mapping, the image root disk included
        JsonNode page = f.call("GET", base + "?limit=1&offset=1", null, "2.89", 200).path("volumeAttachments");
        assertThat(page).hasSize(1);
        assertThat(page.get(0).path("volumeId").asText()).isEqualTo(v1);
        assertThat(f.call("GET", base + "?limit=1", null, "2.1", 200).path("volumeAttachments")).isEmpty();
        assertThat(message(f.call("GET", base + "?unknown=1", null, "2.75", 400)))
                .contains("Additional properties are not allowed");

        JsonNode one = f.call("GET", base + "/" + v2, null, "2.89", 200).path("volumeAttachment");
        assertThat(one.path("device").asText()).isEqualTo("/dev/vdf");
        assertThat(one.path("bdm_uuid").asText()).isEqualTo(at289.get(1).path("bdm_uuid").asText());
        assertThat(one.path("attachment_id").asText()).isEqualTo(at289.get(1).path("attachment_id").asText());

        JsonNode s21 = f.call("GET", "/servers/" + server, null, "2.1", 200).path("server");
        assertThat(s21.path("os-extended-volumes:volumes_attached").toString()).isEqualTo("[{\"id\":\"" + v1
                + "\"},{\"id\":\"" + v2 + "\"},{\"id\":\"" + v3 + "\"},{\"id\":\"" + v4 + "\"}]");
        JsonNode s23 = f.call("GET", "/servers/" + server, null, "2.3", 200).path("server");
        assertThat(s23.path("os-extended-volumes:volumes_attached").get(2).path("delete_on_termination").asBoolean())
                .isTrue();
        JsonNode detail = f.call("GET", "/servers/detail", null, "2.96", 200).path("servers");
        assertThat(detail.get(0).path("os-extended-volumes:volumes_attached")).hasSize(4);
    }

    @EachEngine
    void swapUpdateDetachAndTheirRecords(String engine) throws Exception {
        startServer(engine, "swap");
        String small = f.volume("small", 1);
        String other = f.volume("other", 1);
        String bigger = f.volume("bigger", 2);
        f.call("POST", base, attach(small, ""), "2.1", 200);
        f.call("POST", base, attach(other, ""), "2.1", 200);
        f.volumeUntil(small, "in-use");
        f.volumeUntil(other, "in-use");

        // swap is the admin's (context_is_admin); the owner is refused
        JsonNode denied = f.call("PUT", base + "/" + small, update(bigger, ""), "2.1", 403);
        assertThat(message(denied)).isEqualTo("Policy doesn't allow os_compute_api:os-volumes-attachments:swap to be "
                + "performed.");
        assertThat(message(admin.call("PUT", base + "/" + small, update(other, ""), "2.1", 400)))
                .isEqualTo("Invalid volume: New volume must be detached in order to swap.");
        String missing = "0f0f0f0f-0000-4000-8000-00000000dead";
        assertThat(message(admin.call("PUT", base + "/" + small, update(missing, ""), "2.1", 400)))
                .isEqualTo("Volume " + missing + " could not be found.");
        assertThat(message(admin.call("PUT", base + "/" + missing, update(bigger, ""), "2.1", 404)))
                .isEqualTo("Volume " + missing + " could not be found.");
        assertThat(message(admin.call("PUT", base + "/" + bigger, update(small, ""), "2.1", 400)))
                .isEqualTo("Invalid volume: Old volume is attached to a different instance.");
        JnovaTestServer.Reply swapped = jnova.call("PUT", base + "/" + small, update(bigger, ""), "2.1", "admin:admin");
        assertThat(swapped.status()).as(swapped.body()).isEqualTo(202);
        assertThat(swapped.body()).isEmpty();
        f.volumeUntil(bigger, "in-use");
        f.volumeUntil(small, "available");
        JsonNode after = f.call("GET", base + "/" + bigger, null, "2.79", 200).path("volumeAttachment");
        assertThat(after.path("device").asText()).isEqualTo("/dev/vdb");
        assertThat(message(f.call("GET", base + "/" + small, null, "2.1", 404)))
                .isEqualTo("Instance " + server + " is not attached to volume " + small);
        // the smaller one back is refused
        assertThat(message(admin.call("PUT", base + "/" + bigger, update(small, ""), "2.1", 400)))
                .isEqualTo("Invalid volume: New volume must be the same size or larger.");

        // from 2.85 the owner may change delete_on_termination, nothing else
        JnovaTestServer.Reply dot = jnova.call("PUT", base + "/" + other, update(other,
                ", \"delete_on_termination\": true"), "2.85", owner);
        assertThat(dot.status()).as(dot.body()).isEqualTo(202);
        assertThat(f.call("GET", base + "/" + other, null, "2.85", 200).path("volumeAttachment")
                .path("delete_on_termination").asBoolean()).isTrue();
        assertThat(message(f.call("PUT", base + "/" + other, update(other, ", \"tag\": \"new\""), "2.85", 400)))
                .isEqualTo("The tag property is not mutable");
        assertThat(message(f.call("PUT", base + "/" + other, update(other, ", \"device\": \"/dev/vdz\""), "2.85",
                400))).isEqualTo("The device property is not mutable");
        assertThat(message(f.call("PUT", base + "/" + other, update(other, ", \"serverId\": \"" + other + "\""),
                "2.85", 400))).isEqualTo("The serverId property is not mutable");
        assertThat(message(f.call("PUT", base + "/" + small, update(small, ""), "2.85", 404)))
                .isEqualTo("No volume Block Device Mapping with id " + small + ".");

        JnovaTestServer.Reply detached = jnova.call("DELETE", base + "/" + other, null, "2.1", owner);
        assertThat(detached.status()).isEqualTo(202);
        String detachRequest = detached.header("X-Openstack-Request-Id");
        f.volumeUntil(other, "available");
        assertThat(f.volumeShow(other).path("attachments").toString()).isEqualTo("[{}]");
        assertThat(message(f.call("DELETE", base + "/" + other, null, "2.1", 404)))
                .isEqualTo("Instance " + server + " is not attached to volume " + other);
        assertThat(f.call("GET", base, null, "2.1", 200).path("volumeAttachments")).hasSize(1);

        JsonNode actions = admin.call("GET", "/servers/" + server + "/os-instance-actions", null, "2.1", 200);
        List<String> names = new ArrayList<>();
        actions.path("instanceActions").forEach(a -> names.add(a.path("action").asText()));
        assertThat(names).contains("attach_volume", "swap_volume", "detach_volume");
        JsonNode events = admin.call("GET", "/servers/" + server + "/os-instance-actions/" + detachRequest, null,
                "2.51", 200).path("instanceAction").path("events");
        assertThat(events.get(0).path("event").asText()).isEqualTo("compute_detach_volume");
        assertThat(events.get(0).path("result").asText()).isEqualTo("Success");
    }

    @EachEngine
    void refusalsWithNovasMessages(String engine) throws Exception {
        startServer(engine, "refuse");
        String v1 = f.volume("r1", 1);
        String v2 = f.volume("r2", 1);
        f.call("POST", base, attach(v1, ""), "2.1", 200);
        f.volumeUntil(v1, "in-use");

        assertThat(message(f.call("POST", base, attach(v1, ""), "2.1", 400)))
                .isEqualTo("Invalid volume: volume " + v1 + " is already attached to instances: " + server);
        assertThat(message(f.call("POST", base, attach(v2, ", \"device\": \"/dev/vdb\""), "2.1", 409)))
                .isEqualTo("The supplied device path (/dev/vdb) is in use.");
        assertThat(f.volumeShow(v2).path("status").asText()).isEqualTo("available");
        String missing = "0f0f0f0f-0000-4000-8000-00000000beef";
        assertThat(message(f.call("POST", base, attach(missing, ""), "2.1", 404)))
                .isEqualTo("Volume " + missing + " could not be found.");
        assertThat(message(f.call("POST", base, attach(v2, ", \"device\": \"bad\""), "2.1", 400)))
                .isEqualTo("Invalid input for field/attribute device. Value: bad. 'bad' does not match "
                        + "'(^/dev/x{0,1}[a-z]{0,1}d{0,1})([a-z]+)[0-9]*$'");
        assertThat(message(f.call("POST", base, attach(v2, ", \"tag\": \"x\""), "2.48", 400)))
                .contains("Additional properties are not allowed");
        // an attached volume cannot be deleted (cinder's 400, as nova words it)
        assertThat(message(f.call("DELETE", "/os-volumes/" + v1, null, "2.1", 400))).isEqualTo("Invalid input "
                + "received: Invalid volume: Volume status must be available or error or error_restoring or "
                + "error_extending or error_managing and must not be migrating, attached, belong to a group, have "
                + "snapshots, awaiting a transfer, or be disassociated from snapshots after volume transfer. "
                + "(HTTP 400)");
        // another project's server is not there
        JsonNode hidden = EngineServers.call(jnova, "GET", base, null, "2.1", 404, "x:elsewhere-" + engine);
        assertThat(message(hidden)).isEqualTo("Instance " + server + " could not be found.");

        // multiattach volumes need 2.60
        String shared = f.volume("{\"volume\": {\"size\": 1, \"volume_type\": \"multiattach\"}}");
        assertThat(message(f.call("POST", base, attach(shared, ""), "2.59", 400)))
                .isEqualTo("Multiattach volumes are only supported starting with compute API version 2.60.");
        assertThat(f.volumeShow(shared).path("status").asText()).isEqualTo("available");
        assertThat(f.call("GET", base, null, "2.1", 200).path("volumeAttachments")).hasSize(1);
        f.call("POST", base, attach(shared, ""), "2.60", 200);
        f.volumeUntil(shared, "in-use");

        // locked: the owner is refused, the admin passes
        admin.call("POST", "/servers/" + server + "/action", "{\"lock\": null}", "2.1", 202);
        assertThat(message(f.call("POST", base, attach(v2, ""), "2.1", 409)))
                .isEqualTo("Instance " + server + " is locked");
        assertThat(message(f.call("DELETE", base + "/" + v1, null, "2.1", 409)))
                .isEqualTo("Instance " + server + " is locked");
        admin.call("POST", "/servers/" + server + "/action", "{\"unlock\": null}", "2.1", 202);

        // suspended servers take no volumes
        f.call("POST", "/servers/" + server + "/action", "{\"suspend\": null}", "2.1", 202);
        f.serverUntil(server, s -> "SUSPENDED".equals(s.path("status").asText()));
        assertThat(message(f.call("POST", base, attach(v2, ""), "2.1", 409)))
                .isEqualTo("Cannot 'attach_volume' instance " + server + " while it is in vm_state suspended");
        assertThat(message(f.call("DELETE", base + "/" + v1, null, "2.1", 409)))
                .isEqualTo("Cannot 'detach_volume' instance " + server + " while it is in vm_state suspended");
    }

    @EachEngine
    void deletingTheServerDeletesOrReleasesItsVolumes(String engine) throws Exception {
        startServer(engine, "del");
        String keep = f.volume("keep", 1);
        String drop = f.volume("drop", 1);
        f.call("POST", base, attach(keep, ", \"delete_on_termination\": false"), "2.79", 200);
        f.call("POST", base, attach(drop, ", \"delete_on_termination\": true"), "2.79", 200);
        f.volumeUntil(keep, "in-use");
        f.volumeUntil(drop, "in-use");
        f.call("DELETE", "/servers/" + server, null, "2.1", 204);
        f.serverGone(server);
        JsonNode kept = f.volumeUntil(keep, "available");
        assertThat(kept.path("attachments").toString()).isEqualTo("[{}]");
        assertThat(message(f.call("GET", "/os-volumes/" + drop, null, "2.1", 404)))
                .isEqualTo("Volume " + drop + " could not be found.");
        // the released volume goes to the next server
        String next = f.activeServer("next");
        f.call("POST", "/servers/" + next + "/os-volume_attachments", attach(keep, ""), "2.1", 200);
        f.volumeUntil(keep, "in-use");
    }

    @EachEngine
    void shelvedOffloadedServersTakeVolumesFrom220(String engine) throws Exception {
        startServer(engine, "shelf");
        String v = f.volume("shelf", 1);
        f.call("POST", "/servers/" + server + "/action", "{\"shelve\": null}", "2.1", 202);
        f.serverUntil(server, s -> "SHELVED_OFFLOADED".equals(s.path("status").asText()));
        assertThat(message(f.call("POST", base, attach(v, ""), "2.19", 409))).isEqualTo("Cannot 'attach_volume' "
                + "instance " + server + " while it is in vm_state shelved_offloaded");
        assertThat(message(f.call("POST", base, attach(v, ", \"tag\": \"t\""), "2.49", 400)))
                .isEqualTo("Tagged volume attachment is not supported for shelved-offloaded instances.");
        JsonNode attached = f.call("POST", base, attach(v, ""), "2.20", 200).path("volumeAttachment");
        assertThat(attached.path("device").isNull()).isTrue();
        assertThat(f.volumeShow(v).path("status").asText()).isEqualTo("in-use");
        JsonNode listed = f.call("GET", base, null, "2.20", 200).path("volumeAttachments").get(0);
        assertThat(listed.has("device")).isFalse();
        assertThat(message(f.call("DELETE", base + "/" + v, null, "2.19", 409))).isEqualTo("Cannot 'detach_volume' "
                + "instance " + server + " while it is in vm_state shelved_offloaded");
        f.call("DELETE", base + "/" + v, null, "2.20", 202);
        assertThat(f.volumeShow(v).path("status").asText()).isEqualTo("available");
        assertThat(f.call("GET", base, null, "2.20", 200).path("volumeAttachments")).isEmpty();
    }

    @EachEngine
    void attachAnswers202WithoutABodyFrom2101(String engine) throws Exception {
        startServer(engine, "att202");
        String v1 = f.volume("v1", 1);
        String v2 = f.volume("v2", 1);
        assertThat(f.call("POST", base, attach(v1, ""), "2.100", 200).path("volumeAttachment").path("device")
                .asText()).isEqualTo("/dev/vdb");
        JsonNode accepted = f.call("POST", base, attach(v2, ", \"tag\": \"t\", \"delete_on_termination\": true"),
                "2.101", 202);
        assertThat(accepted).isNull();
        f.volumeUntil(v2, "in-use");
        JsonNode listed = f.call("GET", base, null, "2.101", 200).path("volumeAttachments");
        assertThat(listed).hasSize(2);
        assertThat(listed.get(1).path("volumeId").asText()).isEqualTo(v2);
        assertThat(listed.get(1).path("device").asText()).isEqualTo("/dev/vdc");
        assertThat(listed.get(1).path("tag").asText()).isEqualTo("t");
        assertThat(listed.get(1).path("delete_on_termination").asBoolean()).isTrue();
        // refusals are unchanged
        assertThat(message(f.call("POST", base, attach(v2, ""), "2.104", 400))).startsWith(
                "Invalid volume: volume " + v2 + " is already attached");
        f.call("POST", base, attach("00000000-0000-0000-0000-0000000000aa", ""), "2.104", 404);
    }

    private static String attach(String volumeId, String more) {
        return "{\"volumeAttachment\": {\"volumeId\": \"" + volumeId + "\"" + more + "}}";
    }

    private static String update(String volumeId, String more) {
        return attach(volumeId, more);
    }

    private static List<String> fields(JsonNode n) {
        List<String> out = new ArrayList<>();
        n.fieldNames().forEachRemaining(out::add);
        return out;
    }
}
