package org.jnova.api.openstack.compute.servers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jnova.testing.EngineServers.assertFault;

import org.jnova.testing.EachEngine;
import org.jnova.testing.EngineServers;
import org.jnova.testing.JnovaTestServer;
import org.jnova.testing.JnovaTestServer.Reply;
import org.jnova.testing.TestServers;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * POST /servers against the project's port quota ([jnova_quota] ports), as nova's
 * validate_networks: each server the create makes needs one port on the built-in network (none
 * with networks "none"); max_count is cut to the free ports, and when fewer than min_count fit
 * the answer is 403 "Maximum number of ports exceeded". Servers still building count the port
 * their build will make.
 */
class ServerCreatePortQuotaTest {
    @RegisterExtension
    static final EngineServers SERVERS = new EngineServers("[jnova_quota]", "ports = 3", "[jnova_compute]",
            "fixed_range = 10.12.0.0/24");

    private static Reply boot(String engine, String project, String extra, String version) throws Exception {
        return SERVERS.callAs(engine, "u:" + project, "POST", "/servers", "{\"server\": {\"name\": \"n\", "
                + "\"imageRef\": \"" + ServerApiClient.IMAGE + "\", \"flavorRef\": \"1\"" + extra + "}}", version);
    }

    private static int serversOf(JnovaTestServer jnova, String project) throws Exception {
        return EngineServers.call(jnova, "GET", "/servers?limit=1000", null, "2.1", 200, "u:" + project)
                .path("servers").size();
    }

    @EachEngine
    void createsFitTheFreePorts(String engine) throws Exception {
        JnovaTestServer jnova = SERVERS.get(engine);
        String a = "ports-a-" + engine;
        // too few ports for min_count: nothing is made
        assertFault(boot(engine, a, ", \"min_count\": 4", "2.1"), 403, "Maximum number of ports exceeded");
        assertThat(serversOf(jnova, a)).isZero();
        // max_count is cut to the free ports
        Reply cut = boot(engine, a, ", \"min_count\": 2, \"max_count\": 10", "2.1");
        assertThat(cut.status()).as(cut.body()).isEqualTo(202);
        assertThat(serversOf(jnova, a)).isEqualTo(3);
        assertFault(boot(engine, a, "", "2.1"), 403, "Maximum number of ports exceeded");
        assertFault(boot(engine, a, ", \"networks\": \"auto\"", "2.37"), 403, "Maximum number of ports exceeded");
        // a server without a network needs no port
        Reply none = boot(engine, a, ", \"networks\": \"none\"", "2.37");
        assertThat(none.status()).as(none.body()).isEqualTo(202);
        TestServers.settled(jnova, none.json().at("/server/id").asText(), "ACTIVE");
        assertFault(boot(engine, a, "", "2.1"), 403, "Maximum number of ports exceeded");

        // another project has its own ports
        String b = "ports-b-" + engine;
        Reply theirs = boot(engine, b, ", \"min_count\": 3", "2.1");
        assertThat(theirs.status()).as(theirs.body()).isEqualTo(202);

        // a deleted server gives its port back
        String first = cut.json().at("/server/id").asText();
        TestServers.settled(jnova, first, "ACTIVE");
        assertThat(SERVERS.callAs(engine, "u:" + a, "DELETE", "/servers/" + first, null, "2.1").status())
                .isEqualTo(204);
        long end = System.nanoTime() + 30_000_000_000L;
        Reply again = boot(engine, a, "", "2.1");
        while (again.status() == 403 && System.nanoTime() < end) {
            Thread.sleep(50);
            again = boot(engine, a, "", "2.1");
        }
        assertThat(again.status()).as(again.body()).isEqualTo(202);
    }
}
