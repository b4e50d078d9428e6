package org.jnova.api.openstack.compute.servers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jnova.testing.EngineServers.assertFault;

import java.util.UUID;
import org.jnova.compute.SeedData;
import org.jnova.testing.EachEngine;
import org.jnova.testing.EngineServers;
import org.jnova.testing.JnovaTestServer;
import org.jnova.testing.TestServers;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Resize counts against the cores and RAM quota as nova does: the growth of the new flavor
 * over the old one is checked (nova's TooManyInstances text), a revert back to a bigger
 * flavor too; cold migration and a resize that adds nothing are not checked.
 */
class ResizeQuotaTest {
    private static final String IMAGE = SeedData.CIRROS_IMAGE_ID;
    @RegisterExtension
    static final EngineServers SERVERS = new EngineServers("[quota]", "cores = 4", "ram = 4096", "[DEFAULT]",
            "allow_resize_to_same_host = True");

    /** A public flavor; returns its id. */
    private static String flavor(String engine, int vcpus, int ramMb, int diskGb) throws Exception {
        String id = "q-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(SERVERS.call(engine, "POST", "/flavors", "{\"flavor\": {\"name\": \"" + id + "\", \"id\": \"" + id
                + "\", \"ram\": " + ramMb + ", \"vcpus\": " + vcpus + ", \"disk\": " + diskGb + "}}", "2.1").status())
                .isEqualTo(200);
        return id;
    }

    private static JnovaTestServer.Reply resize(String engine, String token, String server, String flavor)
            throws Exception {
        return SERVERS.callAs(engine, token, "POST", "/servers/" + server + "/action",
                "{\"resize\": {\"flavorRef\": \"" + flavor + "\"}}", "2.1");
    }

    @EachEngine
    void resizeChecksWhatTheNewFlavorAdds(String engine) throws Exception {
        JnovaTestServer jnova = SERVERS.get(engine);
        String token = "u1:quota-resize-" + engine;
        String server = TestServers.active(jnova, token, IMAGE, "1"); // 1 vCPU, 512 MB of 4 and 4096

        assertFault(resize(engine, token, server, "5"), 403, "Quota exceeded for cores, ram: Requested 7, 15872, but "
                + "already used 1, 512 of 4, 4096 cores, ram");
        assertFault(resize(engine, token, server, flavor(engine, 1, 8192, 1)), 403,
                "Quota exceeded for ram: Requested 7680, but already used 512 of 4096 ram");
        assertFault(resize(engine, token, server, flavor(engine, 5, 512, 1)), 403,
                "Quota exceeded for cores: Requested 4, but already used 1 of 4 cores");
        assertThat(jnova.cloud().instances().get(server, false).orElseThrow().taskState()).isNull();

        // up to the limit is allowed
        String toLimit = flavor(engine, 4, 4096, 1);
        assertThat(resize(engine, token, server, toLimit).status()).isEqualTo(202);
        assertThat(TestServers.settled(jnova, server, "VERIFY_RESIZE").at("/flavor/id").asText()).isEqualTo(toLimit);
        assertThat(SERVERS.callAs(engine, token, "POST", "/servers/" + server + "/action",
                "{\"confirmResize\": null}", "2.1").status()).isEqualTo(204);
        TestServers.settled(jnova, server, "ACTIVE");

        // at the limit: a flavor of the same size (another disk) adds nothing, and cold migration is not checked
        assertThat(resize(engine, token, server, flavor(engine, 4, 4096, 2)).status()).isEqualTo(202);
        TestServers.settled(jnova, server, "VERIFY_RESIZE");
        assertThat(SERVERS.callAs(engine, token, "POST", "/servers/" + server + "/action",
                "{\"revertResize\": null}", "2.1").status()).isEqualTo(202);
        TestServers.settled(jnova, server, "ACTIVE");
        assertThat(SERVERS.call(engine, "POST", "/servers/" + server + "/action", "{\"migrate\": null}", "2.1")
                .status()).isEqualTo(202);
        TestServers.settled(jnova, server, "VERIFY_RESIZE");
    }

    @EachEngine
    void revertingADownsizeChecksTheQuota(String engine) throws Exception {
        JnovaTestServer jnova = SERVERS.get(engine);
        String token = "u1:quota-revert-" + engine;
        String server = TestServers.active(jnova, token, IMAGE, flavor(engine, 2, 1024, 1));
        assertThat(resize(engine, token, server, "1").status()).isEqualTo(202);
        TestServers.settled(jnova, server, "VERIFY_RESIZE"); // now 1 vCPU, 512 MB
        TestServers.active(jnova, token, IMAGE, flavor(engine, 3, 512, 1)); // 4 of 4 vCPUs, 1024 MB

        assertFault(SERVERS.callAs(engine, token, "POST", "/servers/" + server + "/action",
                "{\"revertResize\": null}", "2.1"), 403,
                "Quota exceeded for cores: Requested 1, but already used 4 of 4 cores");
        assertThat(jnova.cloud().instances().get(server, false).orElseThrow().vmState()).isEqualTo("resized");
        // confirming changes nothing in usage and is not checked
        assertThat(SERVERS.callAs(engine, token, "POST", "/servers/" + server + "/action",
                "{\"confirmResize\": null}", "2.1").status()).isEqualTo(204);
        TestServers.settled(jnova, server, "ACTIVE");
    }
}
