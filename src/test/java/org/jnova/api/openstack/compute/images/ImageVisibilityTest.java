package org.jnova.api.openstack.compute.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jnova.testing.EngineServers.assertFault;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jnova.compute.SeedData;
import org.jnova.objects.Image;
import org.jnova.testing.EachEngine;
import org.jnova.testing.EngineServers;
import org.jnova.testing.JnovaTestServer;
import org.jnova.testing.JnovaTestServer.Reply;
import org.jnova.testing.TestServers;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Images have glance's owner and visibility: a snapshot is its project's private image; other
 * projects neither list, show, change, delete nor boot from it. Public images are seen by all
 * and changed only by admins; shared images by their members; community images are shown and
 * booted by all but listed only by their owner.
 */
class ImageVisibilityTest {
    private static final String CIRROS = SeedData.CIRROS_IMAGE_ID;
    private static final String MEMBER_A = "usera:proja";
    private static final String MEMBER_B = "userb:projb";
    @RegisterExtension
    static final EngineServers SERVERS = new EngineServers("[quota]", "instances = -1", "cores = -1", "ram = -1");

    /** createImage of a server as {@code token}; waits until the image is active and the server idle. */
    private static String snapshot(String engine, String token, String server) throws Exception {
        JnovaTestServer jnova = SERVERS.get(engine);
        // (the OpenAPI file documents no body for the actions' 202, so this answer is read unchecked)
        Reply created = jnova.call("POST", "/servers/" + server + "/action",
                "{\"createImage\": {\"name\": \"snap-" + UUID.randomUUID() + "\"}}", "2.45", token);
        assertThat(created.status()).as(created.body()).isEqualTo(202);
        String id = created.json().get("image_id").asText();
        Instant end = Instant.now().plus(Duration.ofSeconds(20));
        while (!"active".equals(jnova.cloud().images().get(id).orElseThrow().status())) {
            assertThat(Instant.now()).isBefore(end);
            Thread.sleep(20);
        }
        TestServers.settled(jnova, server, "ACTIVE");
        return id;
    }

    private static List<String> listed(String engine, String token, String path) throws Exception {
        Reply r = SERVERS.callAs(engine, token, "GET", path, null, "2.1");
        assertThat(r.status()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        r.json().get("images").forEach(i -> ids.add(i.get("id").asText()));
        return ids;
    }

    private static String boot(String image) {
        return "{\"server\": {\"name\": \"b\", \"imageRef\": \"" + image + "\", \"flavorRef\": \"1\"}}";
    }

    @EachEngine
    void aSnapshotIsItsProjectsPrivateImage(String engine) throws Exception {
        JnovaTestServer jnova = SERVERS.get(engine);
        String server = TestServers.active(jnova, MEMBER_A, CIRROS, "1");
        String snap = snapshot(engine, MEMBER_A, server);
        Image stored = jnova.cloud().images().get(snap).orElseThrow();
        assertThat(stored.owner()).isEqualTo("proja");
        assertThat(stored.visibility()).isEqualTo("private");
        assertThat(stored.properties()).containsEntry("instance_uuid", server).containsEntry("user_id", "usera");

        // another project: invisible everywhere, as if it did not exist
        assertThat(listed(engine, MEMBER_B, "/images")).doesNotContain(snap).contains(CIRROS);
        assertThat(listed(engine, MEMBER_B, "/images/detail")).doesNotContain(snap);
        assertThat(listed(engine, MEMBER_B, "/images/detail?server=" + server)).isEmpty();
        String path = "/images/" + snap;
        assertFault(SERVERS.callAs(engine, MEMBER_B, "GET", path, null, "2.1"), 404, "Image not found.");
        assertFault(SERVERS.callAs(engine, MEMBER_B, "GET", path + "/metadata", null, "2.1"), 404,
                "Image not found.");
        assertFault(SERVERS.callAs(engine, MEMBER_B, "GET", path + "/metadata/instance_uuid", null, "2.1"), 404,
                "Image not found.");
        assertFault(SERVERS.callAs(engine, MEMBER_B, "POST", path + "/metadata", "{\"metadata\": {\"k\": \"v\"}}",
                "2.1"), 404, "Image not found.");
        assertFault(SERVERS.callAs(engine, MEMBER_B, "PUT", path + "/metadata", "{\"metadata\": {\"k\": \"v\"}}",
                "2.1"), 404, "Image not found.");
        assertFault(SERVERS.callAs(engine, MEMBER_B, "PUT", path + "/metadata/k", "{\"meta\": {\"k\": \"v\"}}",
                "2.1"), 404, "Image not found.");
        assertFault(SERVERS.callAs(engine, MEMBER_B, "DELETE", path + "/metadata/user_id", null, "2.1"), 404,
                "Image not found.");
        assertFault(SERVERS.callAs(engine, MEMBER_B, "DELETE", path, null, "2.1"), 404, "Image not found.");
        assertFault(SERVERS.callAs(engine, MEMBER_B, "POST", "/servers", boot(snap), "2.1"), 400,
                "Can not find requested image");
        String theirs = TestServers.active(jnova, MEMBER_B, CIRROS, "1");
        assertFault(SERVERS.callAs(engine, MEMBER_B, "POST", "/servers/" + theirs + "/action",
                "{\"rebuild\": {\"imageRef\": \"" + snap + "\"}}", "2.1"), 400, "Cannot find image for rebuild");
        assertThat(jnova.cloud().images().get(snap).orElseThrow().properties()).doesNotContainKey("k");

        // the owner's project and the admin see and use it
        assertThat(listed(engine, MEMBER_A, "/images")).contains(snap, CIRROS);
        assertThat(listed(engine, "admin:admin", "/images/detail")).contains(snap);
        assertThat(SERVERS.callAs(engine, MEMBER_A, "GET", path, null, "2.1").json().at("/image/server/id").asText())
                .isEqualTo(server);
        assertThat(SERVERS.callAs(engine, MEMBER_A, "POST", path + "/metadata", "{\"metadata\": {\"k\": \"v\"}}",
                "2.1").status()).isEqualTo(200);
        assertThat(SERVERS.call(engine, "PUT", path + "/metadata/k", "{\"meta\": {\"k\": \"w\"}}", "2.1").status())
                .isEqualTo(200);
        String booted = TestServers.active(jnova, MEMBER_A, snap, "1");
        assertThat(SERVERS.callAs(engine, MEMBER_A, "GET", "/servers/" + booted, null, "2.1").json()
                .at("/server/image/id").asText()).isEqualTo(snap);
        assertThat(jnova.call("POST", "/servers/" + booted + "/action", "{\"rebuild\": {\"imageRef\": \"" + snap
                + "\"}}", "2.1", MEMBER_A).status()).isEqualTo(202);
        TestServers.settled(jnova, booted, "ACTIVE");
        assertThat(SERVERS.callAs(engine, MEMBER_A, "DELETE", path, null, "2.1").status()).isEqualTo(204);
        assertFault(SERVERS.callAs(engine, MEMBER_A, "GET", path, null, "2.1"), 404, "Image not found.");
        // the server booted from it still names its image
        assertThat(SERVERS.callAs(engine, MEMBER_A, "GET", "/servers/" + booted, null, "2.1").json()
                .at("/server/image/id").asText()).isEqualTo(snap);
    }

    @EachEngine
    void onlyAdminsChangeAndDeleteAPublicImage(String engine) throws Exception {
        String path = "/images/" + CIRROS;
        assertThat(SERVERS.callAs(engine, MEMBER_B, "GET", path, null, "2.1").status()).isEqualTo(200);
        assertThat(SERVERS.callAs(engine, MEMBER_B, "GET", path + "/metadata/architecture", null, "2.1").status())
                .isEqualTo(200);
        String refused = "Not authorized for image " + CIRROS + ".";
        assertFault(SERVERS.callAs(engine, MEMBER_B, "POST", path + "/metadata", "{\"metadata\": {\"k\": \"v\"}}",
                "2.1"), 403, refused);
        assertFault(SERVERS.callAs(engine, MEMBER_B, "PUT", path + "/metadata", "{\"metadata\": {}}", "2.1"), 403,
                refused);
        assertFault(SERVERS.callAs(engine, MEMBER_B, "PUT", path + "/metadata/architecture",
                "{\"meta\": {\"architecture\": \"arm\"}}", "2.1"), 403, refused);
        assertFault(SERVERS.callAs(engine, MEMBER_B, "DELETE", path + "/metadata/architecture", null, "2.1"), 403,
                refused);
        assertFault(SERVERS.callAs(engine, MEMBER_B, "DELETE", path, null, "2.1"), 403,
                "You are not allowed to delete the image.");
        Map<String, String> props = SERVERS.get(engine).cloud().images().get(CIRROS).orElseThrow().properties();
        assertThat(props).containsEntry("architecture", "x86_64").doesNotContainKey("k");

        // the admin may; a throwaway public image is deleted by the admin
        assertThat(SERVERS.call(engine, "POST", path + "/metadata", "{\"metadata\": {\"k\": \"v\"}}", "2.1").status())
                .isEqualTo(200);
        assertThat(SERVERS.call(engine, "DELETE", path + "/metadata/k", null, "2.1").status()).isEqualTo(204);
        String spare = UUID.randomUUID().toString();
        SERVERS.get(engine).cloud().imagesApi().add(new Image(spare, "spare", "active", 0, 0, 1, Map.of(), null, null));
        assertThat(SERVERS.call(engine, "DELETE", "/images/" + spare, null, "2.1").status()).isEqualTo(204);
    }

    @EachEngine
    void anAdminsSnapshotOfAProjectsServerIsSharedWithThatProject(String engine) throws Exception {
        JnovaTestServer jnova = SERVERS.get(engine);
        String server = TestServers.active(jnova, MEMBER_A, CIRROS, "1");
        String snap = snapshot(engine, "admin:admin", server);
        Image stored = jnova.cloud().images().get(snap).orElseThrow();
        assertThat(stored.owner()).isEqualTo("admin");
        assertThat(stored.visibility()).isEqualTo("shared");
        assertThat(jnova.cloud().images().memberStatus(snap, "proja")).contains("pending");

        // a pending member shows and boots it but does not list it (glance lists accepted shares)
        assertThat(SERVERS.callAs(engine, MEMBER_A, "GET", "/images/" + snap, null, "2.1").status()).isEqualTo(200);
        assertThat(listed(engine, MEMBER_A, "/images")).doesNotContain(snap);
        assertThat(SERVERS.callAs(engine, MEMBER_A, "POST", "/servers", boot(snap), "2.1").status()).isEqualTo(202);
        // a member does not own it
        assertFault(SERVERS.callAs(engine, MEMBER_A, "DELETE", "/images/" + snap, null, "2.1"), 403,
                "You are not allowed to delete the image.");
        jnova.cloud().images().setMember(snap, "proja", "accepted");
        assertThat(listed(engine, MEMBER_A, "/images")).contains(snap);
        // not a member: nothing
        assertThat(listed(engine, MEMBER_B, "/images")).doesNotContain(snap);
        assertFault(SERVERS.callAs(engine, MEMBER_B, "GET", "/images/" + snap, null, "2.1"), 404, "Image not found.");
        assertFault(SERVERS.callAs(engine, MEMBER_B, "POST", "/servers", boot(snap), "2.1"), 400,
                "Can not find requested image");
    }

    @EachEngine
    void aCommunityImageIsShownToAllAndListedByItsOwner(String engine) throws Exception {
        JnovaTestServer jnova = SERVERS.get(engine);
        String id = UUID.randomUUID().toString();
        jnova.cloud().imagesApi().add(new Image(id, "community", "active", 0, 0, 1, Map.of(), null, null)
                .owned("projc", "community"));

        assertThat(SERVERS.callAs(engine, MEMBER_B, "GET", "/images/" + id, null, "2.1").status()).isEqualTo(200);
        assertThat(listed(engine, MEMBER_B, "/images")).doesNotContain(id);
        assertThat(listed(engine, "admin:admin", "/images")).doesNotContain(id);
        assertThat(listed(engine, "userc:projc", "/images/detail")).contains(id);
        String booted = TestServers.active(jnova, MEMBER_B, id, "1");
        JsonNode shown = SERVERS.callAs(engine, MEMBER_B, "GET", "/servers/" + booted, null, "2.1").json();
        assertThat(shown.at("/server/image/id").asText()).isEqualTo(id);
        assertFault(SERVERS.callAs(engine, MEMBER_B, "PUT", "/images/" + id + "/metadata", "{\"metadata\": {}}",
                "2.1"), 403, "Not authorized for image " + id + ".");
        assertThat(SERVERS.callAs(engine, "userc:projc", "DELETE", "/images/" + id, null, "2.1").status())
                .isEqualTo(204);
    }
}
