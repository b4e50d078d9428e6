package org.jnova.api.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.jnova.api.image.ImageApiClient.Reply;
import org.jnova.testing.JnovaTestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * glance's image members on a real socket: the owner shares a shared image, each member
 * answers for itself, a member sees only its own membership, and the compute API lets an
 * accepted member boot from the image while it stays invisible to everyone else.
 */
class ImageMembersTest {
    private static final String OWNER = "owner:owner";
    private static final String B = "userb:projb";
    private static final String C = "userc:projc";
    private static final String STRANGER = "x:projx";
    private static JnovaTestServer jnova;
    private static ImageApiClient api;

    @BeforeAll
    static void start() throws Exception {
        String engine = org.jnova.db.TestDatabases.engines().get(0);
        jnova = JnovaTestServer.start(engine, "[DEFAULT]", "state_path = "
                + Files.createTempDirectory("jnova-image-members"), "image_member_quota = 3");
        api = new ImageApiClient(jnova.startImage());
    }

    @AfterAll
    static void stop() throws Exception {
        jnova.close();
    }

    private static List<String> listed(String path, String token) throws Exception {
        Reply r = api.get(path, token);
        assertEquals(200, r.status(), r.text());
        List<String> ids = new ArrayList<>();
        r.json().get("images").forEach(i -> ids.add(i.get("id").asText()));
        return ids;
    }

    private static void assertRefused(Reply reply, int status, String explanation) {
        assertEquals(status, reply.status(), reply.text());
        assertTrue(reply.text().contains(explanation), reply.text());
    }

    @Test
    void theOwnerSharesAndEachMemberAnswersForItself() throws Exception {
        String id = api.create(OWNER, "{\"name\": \"shared-one\", \"disk_format\": \"raw\", "
                + "\"container_format\": \"bare\"}");
        String members = "/v2/images/" + id + "/members";

        Reply added = api.json("POST", members, OWNER, "{\"member\": \"projb\"}");
        assertEquals(200, added.status(), added.text());
        JsonNode member = added.json();
        assertEquals("projb", member.get("member_id").asText());
        assertEquals(id, member.get("image_id").asText());
        assertEquals("pending", member.get("status").asText());
        assertEquals("/v2/schemas/member", member.get("schema").asText());
        assertTrue(member.get("created_at").asText().endsWith("Z"));
        assertRefused(api.json("POST", members, OWNER, "{\"member\": \"projb\"}"), 409,
                "Member projb is duplicated for image " + id);
        assertEquals(200, api.json("POST", members, OWNER, "{\"member\": \"projc\"}").status());

        // a pending member sees the image but does not list it unless asked
        assertEquals(200, api.get("/v2/images/" + id, B).status());
        assertFalse(listed("/v2/images", B).contains(id));
        assertTrue(listed("/v2/images?member_status=pending", B).contains(id));
        assertTrue(listed("/v2/images?member_status=all&visibility=shared", B).contains(id));
        assertFalse(listed("/v2/images?member_status=rejected", B).contains(id));
        assertRefused(api.get("/v2/images?member_status=maybe", B), 400, "Invalid status: maybe");

        // the owner lists every member, a member only itself
        JsonNode all = api.get(members, OWNER).json();
        assertEquals(2, all.get("members").size());
        assertEquals("/v2/schemas/members", all.get("schema").asText());
        JsonNode own = api.get(members, B).json().get("members");
        assertEquals(1, own.size());
        assertEquals("projb", own.get(0).get("member_id").asText());
        assertRefused(api.get(members + "/projc", B), 404,
                "projc not found in the member list of the image " + id + ".");
        assertEquals("pending", api.get(members + "/projb", B).json().get("status").asText());

        // only the member answers, with one of glance's statuses
        assertRefused(api.json("PUT", members + "/projb", OWNER, "{\"status\": \"accepted\"}"), 403,
                "You are not authorized to complete modify_member action.");
        assertRefused(api.json("PUT", members + "/projc", B, "{\"status\": \"accepted\"}"), 404,
                "projc not found in the member list");
        assertRefused(api.json("PUT", members + "/projb", B, "{\"status\": \"maybe\"}"), 400,
                "Status must be");
        assertRefused(api.json("PUT", members + "/projb", B, "{\"state\": \"accepted\"}"), 400,
                "Status not specified");
        Reply accepted = api.json("PUT", members + "/projb", B, "{\"status\": \"accepted\"}");
        assertEquals(200, accepted.status(), accepted.text());
        assertEquals("accepted", accepted.json().get("status").asText());
        assertTrue(listed("/v2/images", B).contains(id), "an accepted shared image is listed");
        assertTrue(listed("/v2/images?visibility=shared", B).contains(id));
        assertFalse(listed("/v2/images", C).contains(id), "still pending for projc");

        // only the owner adds and removes members
        assertRefused(api.json("POST", members, B, "{\"member\": \"projx\"}"), 403,
                "You are not authorized to complete add_member action.");
        assertRefused(api.call("DELETE", members + "/projb", B, null, null), 403,
                "You are not authorized to complete delete_member action.");

        // nobody else sees the image or its members
        assertRefused(api.get(members, STRANGER), 404, "Image " + id + " not found.");
        assertRefused(api.json("POST", members, STRANGER, "{\"member\": \"projx\"}"), 404,
                "Image " + id + " not found.");
        assertEquals(404, api.get("/v2/images/" + id, STRANGER).status());
        assertFalse(listed("/v2/images?visibility=all&member_status=all", STRANGER).contains(id));

        assertEquals(204, api.call("DELETE", members + "/projc", OWNER, null, null).status());
        assertEquals(404, api.get("/v2/images/" + id, C).status(), "a removed member no longer sees the image");
        assertRefused(api.call("DELETE", members + "/projc", OWNER, null, null), 404, "projc not found");
    }

    @Test
    void bodiesQuotaAndOnlySharedImagesHaveMembers() throws Exception {
        String id = api.create(OWNER, "{\"name\": \"quota\"}");
        String members = "/v2/images/" + id + "/members";
        assertRefused(api.json("POST", members, OWNER, "{}"), 400, "Member to be added not specified");
        assertRefused(api.json("POST", members, OWNER, "{\"member\": \"\"}"), 400, "Member can't be empty");
        assertRefused(api.json("POST", members, OWNER, "[\"projb\"]"), 400, "Expected a member in the form");
        assertRefused(api.call("POST", members, OWNER, "application/json", null), 400, "Body expected in request.");
        for (String project : List.of("p1", "p2", "p3")) {
            assertEquals(200, api.json("POST", members, OWNER, "{\"member\": \"" + project + "\"}").status());
        }
        assertRefused(api.json("POST", members, OWNER, "{\"member\": \"p4\"}"), 413,
                "Attempted: 4, Maximum: 3");
        assertRefused(api.json("POST", members, "admin:admin", "{\"member\": \"p1\"}"), 413,
                "Image member limit exceeded for image " + id);

        String mine = api.create(OWNER, "{\"name\": \"private\", \"visibility\": \"private\"}");
        String privateMembers = "/v2/images/" + mine + "/members";
        assertRefused(api.json("POST", privateMembers, OWNER, "{\"member\": \"projb\"}"), 403,
                "Not allowed to create members for image " + mine + ".");
        assertRefused(api.get(privateMembers, OWNER), 403,
                "Not allowed to list members for image " + mine + ": Only shared images have members.");
        assertRefused(api.get(privateMembers + "/projb", OWNER), 404, "Only shared images have members.");
        assertRefused(api.json("PUT", privateMembers + "/projb", OWNER, "{\"status\": \"accepted\"}"), 403,
                "Not allowed to update members for image " + mine + ".");
        assertRefused(api.call("DELETE", privateMembers + "/projb", OWNER, null, null), 403,
                "Not allowed to delete members for image " + mine + ".");
        assertEquals(405, api.call("PATCH", members, OWNER, null, null).status());
    }

    @Test
    void memberSchemas() throws Exception {
        JsonNode member = api.get("/v2/schemas/member", OWNER).json();
        assertEquals("member", member.get("name").asText());
        assertEquals(List.of("pending", "accepted", "rejected"),
                ImageApiClient.JSON.convertValue(member.get("properties").get("status").get("enum"), List.class));
        JsonNode members = api.get("/v2/schemas/members", OWNER).json();
        assertEquals("members", members.get("name").asText());
        assertEquals(member, members.get("properties").get("members").get("items"));
    }

    @Test
    void anAcceptedMemberBootsFromASharedImageAndOthersCannotSeeIt() throws Exception {
        String id = api.create(OWNER, "{\"name\": \"bootable-shared\", \"disk_format\": \"raw\", "
                + "\"container_format\": \"bare\"}");
        assertEquals(204, api.call("PUT", "/v2/images/" + id + "/file", OWNER, "application/octet-stream",
                new byte[] {1, 2, 3}).status());
        assertEquals(200, api.json("POST", "/v2/images/" + id + "/members", OWNER, "{\"member\": \"projb\"}")
                .status());
        assertEquals(200, api.json("PUT", "/v2/images/" + id + "/members/projb", B, "{\"status\": \"accepted\"}")
                .status());

        assertEquals(200, jnova.call("GET", "/images/" + id, null, "2.1", B).status());
        assertTrue(jnova.call("GET", "/images", null, "2.1", B).body().contains(id));
        String server = org.jnova.testing.TestServers.active(jnova, B, id, "1");
        assertTrue(server != null && !server.isEmpty());

        assertEquals(404, jnova.call("GET", "/images/" + id, null, "2.1", STRANGER).status());
        JnovaTestServer.Reply refused = jnova.call("POST", "/servers", "{\"server\": {\"name\": \"s\", "
                + "\"imageRef\": \"" + id + "\", \"flavorRef\": \"1\"}}", "2.1", STRANGER);
        assertEquals(400, refused.status(), refused.body());
        assertTrue(refused.body().contains("Can not find requested image"), refused.body());
    }
}
