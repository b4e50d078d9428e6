package org.jnova.api.openstack.compute.baremetalnodes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jnova.testing.EngineServers.call;
import static org.jnova.testing.EngineServers.message;

import java.util.List;
import org.jnova.testing.EachEngine;
import org.jnova.testing.EngineServers;
import org.jnova.testing.JnovaTestServer;
import org.junit.jupiter.api.extension.RegisterExtension;

/** os-baremetal-nodes without Ironic: reads 501 after the admin-only policy, writes 400, gone from 2.36. */
class BaremetalNodesApiTest {
    @RegisterExtension
    static final EngineServers SERVERS = new EngineServers();

    private static final String NODE = "/os-baremetal-nodes/058d27fa-241b-445a-a386-08c04f96db43";

    @EachEngine
    void readsAreNotSupportedWithoutIronic(String engine) throws Exception {
        JnovaTestServer jnova = SERVERS.get(engine);
        for (String version : List.of("2.1", "2.35")) {
            assertThat(message(call(jnova, "GET", "/os-baremetal-nodes", null, version, 501)))
                    .isEqualTo("The requested functionality is not supported.");
            assertThat(message(call(jnova, "GET", NODE, null, version, 501)))
                    .isEqualTo("The requested functionality is not supported.");
        }
        assertThat(message(call(jnova, "GET", "/os-baremetal-nodes", null, "2.1", 403, "member:p1")))
                .isEqualTo("Policy doesn't allow os_compute_api:os-baremetal-nodes:list to be performed.");
        assertThat(message(call(jnova, "GET", NODE, null, "2.1", 403, "member:p1")))
                .isEqualTo("Policy doesn't allow os_compute_api:os-baremetal-nodes:show to be performed.");
    }

    @EachEngine
    void writesPointAtTheIronicCommand(String engine) throws Exception {
        JnovaTestServer jnova = SERVERS.get(engine);
        assertThat(message(call(jnova, "POST", "/os-baremetal-nodes", "{\"node\": {}}", "2.1", 400)))
                .isEqualTo("Command not supported. Please use Ironic command node-create to perform this action.");
        assertThat(message(call(jnova, "DELETE", NODE, null, "2.35", 400)))
                .isEqualTo("Command not supported. Please use Ironic command node-delete to perform this action.");
        assertThat(message(call(jnova, "POST", NODE + "/action", "{\"add_interface\": {\"address\": \"aa\"}}",
                "2.1", 400))).isEqualTo("Command not supported. Please use Ironic command port-create to perform "
                        + "this action.");
        assertThat(message(call(jnova, "POST", NODE + "/action", "{\"remove_interface\": {}}", "2.1", 400,
                "member:p1"))).isEqualTo("Command not supported. Please use Ironic command port-delete to perform "
                        + "this action.");
    }

    @EachEngine
    void theProxyIsGoneFrom236(String engine) throws Exception {
        JnovaTestServer jnova = SERVERS.get(engine);
        // outside the operations' versions, so the OpenAPI description has nothing to check them against
        String[][] calls = {{"GET", "/os-baremetal-nodes", null}, {"GET", NODE, null},
            {"POST", "/os-baremetal-nodes", "{\"node\": {}}"}, {"DELETE", NODE, null},
            {"POST", NODE + "/action", "{\"add_interface\": {}}"}};
        for (String[] c : calls) {
            JnovaTestServer.Reply reply = jnova.call(c[0], c[1], c[2], "2.36", "admin:admin");
            assertThat(reply.status()).as(c[0] + " " + c[1]).isEqualTo(404);
            assertThat(message(reply.json())).isEqualTo("The resource could not be found.");
        }
    }
}
