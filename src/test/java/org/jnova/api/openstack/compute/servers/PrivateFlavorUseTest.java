package org.jnova.api.openstack.compute.servers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jnova.testing.EngineServers.assertFault;

import java.util.UUID;
import org.jnova.compute.SeedData;
import org.jnova.testing.EachEngine;
import org.jnova.testing.EngineServers;
import org.jnova.testing.JnovaTestServer;
import org.jnova.testing.JnovaTestServer.Reply;
import org.jnova.testing.TestServers;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A private flavor is used only by the projects given access to it and by admins: booting
 * with it or resizing to it from another project answers as if it did not exist.
 */
class PrivateFlavorUseTest {
    private static final String IMAGE = SeedData.CIRROS_IMAGE_ID;
    private static final String MEMBER_A = "usera:proja";
    private static final String MEMBER_B = "userb:projb";
    @RegisterExtension
    static final EngineServers SERVERS = new EngineServers("[DEFAULT]", "allow_resize_to_same_host = True");

    /** A private flavor (1 vCPU, 512 MB, 1 GB) that only project "proja" was given. */
    private static String privateFlavor(String engine) throws Exception {
        String id = "priv-" + UUID.randomUUID().toString().substring(0, 8);
        Reply created = SERVERS.call(engine, "POST", "/flavors", "{\"flavor\": {\"name\": \"" + id + "\", \"id\": \""
                + id + "\", \"ram\": 512, \"vcpus\": 1, \"disk\": 1, \"os-flavor-access:is_public\": false}}", "2.1");
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        Reply access = SERVERS.call(engine, "POST", "/flavors/" + id + "/action",
                "{\"addTenantAccess\": {\"tenant\": \"proja\"}}", "2.1");
        assertThat(access.status()).as(access.body()).isEqualTo(200);
        return id;
    }

    private static String create(String flavor) {
        return "{\"server\": {\"name\": \"f\", \"imageRef\": \"" + IMAGE + "\", \"flavorRef\": \"" + flavor + "\"}}";
    }

    @EachEngine
    void onlyProjectsWithAccessAndAdminsBootWithAPrivateFlavor(String engine) throws Exception {
        String flavor = privateFlavor(engine);
        assertFault(SERVERS.callAs(engine, MEMBER_B, "POST", "/servers", create(flavor), "2.1"), 400,
                "Flavor " + flavor + " could not be found.");
        String withNetworks = "{\"server\": {\"name\": \"f\", \"imageRef\": \"" + IMAGE + "\", \"flavorRef\": \""
                + flavor + "\", \"networks\": \"auto\"}}";
        assertFault(SERVERS.callAs(engine, MEMBER_B, "POST", "/servers", withNetworks, "2.90"), 400,
                "Flavor " + flavor + " could not be found.");
        // a missing flavor answers the same
        assertFault(SERVERS.callAs(engine, MEMBER_B, "POST", "/servers", create("no-such-flavor"), "2.1"), 400,
                "Flavor no-such-flavor could not be found.");
        assertThat(SERVERS.callAs(engine, MEMBER_A, "POST", "/servers", create(flavor), "2.1").status())
                .isEqualTo(202);
        assertThat(SERVERS.call(engine, "POST", "/servers", create(flavor), "2.1").status()).isEqualTo(202);
    }

    @EachEngine
    void onlyProjectsWithAccessAndAdminsResizeToAPrivateFlavor(String engine) throws Exception {
        JnovaTestServer jnova = SERVERS.get(engine);
        String flavor = privateFlavor(engine);
        String resize = "{\"resize\": {\"flavorRef\": \"" + flavor + "\"}}";

        String theirs = TestServers.active(jnova, MEMBER_B, IMAGE, "1");
        assertFault(SERVERS.callAs(engine, MEMBER_B, "POST", "/servers/" + theirs + "/action", resize, "2.1"), 400,
                "Flavor " + flavor + " could not be found.");
        assertThat(jnova.cloud().instances().get(theirs, false).orElseThrow().taskState()).isNull();
        // the admin keeps access to every flavor, also for another project's server
        assertThat(SERVERS.call(engine, "POST", "/servers/" + theirs + "/action", resize, "2.1").status())
                .isEqualTo(202);
        assertThat(TestServers.settled(jnova, theirs, "VERIFY_RESIZE").at("/flavor/id").asText()).isEqualTo(flavor);

        String ours = TestServers.active(jnova, MEMBER_A, IMAGE, "1");
        assertThat(SERVERS.callAs(engine, MEMBER_A, "POST", "/servers/" + ours + "/action", resize, "2.1").status())
                .isEqualTo(202);
        assertThat(TestServers.settled(jnova, ours, "VERIFY_RESIZE").at("/flavor/id").asText()).isEqualTo(flavor);
        assertThat(SERVERS.callAs(engine, MEMBER_A, "POST", "/servers/" + ours + "/action",
                "{\"confirmResize\": null}", "2.1").status()).isEqualTo(204);
    }
}
