package org.jnova.api.openstack.compute.networks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jnova.testing.EngineServers.call;
import static org.jnova.testing.EngineServers.message;

import com.fasterxml.jackson.databind.JsonNode;
import org.jnova.testing.EachEngine;
import org.jnova.testing.EngineServers;
import org.jnova.testing.JnovaTestServer;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * os-networks and os-tenant-networks: the built-in network and the floating IP pool's external
 * network to 2.35, 404 after, the removed calls 410.
 */
class NetworksProxyTest {
    @RegisterExtension
    static final EngineServers SERVERS = new EngineServers();

    private static final String TOKEN = "alice:projA";

    @EachEngine
    void listsAndShowsTheBuiltInNetwork(String engine) throws Exception {
        JnovaTestServer jnova = SERVERS.get(engine);
        JsonNode networks = call(jnova, "GET", "/os-networks", null, "2.1", 200, TOKEN).path("networks");
        assertThat(networks).hasSize(2);
        JsonNode network = networks.get(0);
        assertThat(network.path("label").asText()).isEqualTo("private");
        assertThat(network.path("cidr").isNull()).isTrue();
        assertThat(network.has("project_id")).as("admin fields hidden from members").isFalse();
        String id = network.path("id").asText();
        JsonNode shown = call(jnova, "GET", "/os-networks/" + id, null, "2.35", 200, TOKEN).path("network");
        assertThat(shown.path("id").asText()).isEqualTo(id);
        assertThat(call(jnova, "GET", "/os-networks/" + id, null, "2.1", 200, "admin:admin").path("network")
                .has("project_id")).isTrue();
        assertThat(message(call(jnova, "GET", "/os-networks/nope", null, "2.1", 404, TOKEN)))
                .isEqualTo("Network not found");
        assertThat(jnova.call("GET", "/os-networks", null, "2.36", TOKEN).status()).isEqualTo(404);
        assertThat(jnova.call("GET", "/os-networks/" + id, null, "2.36", TOKEN).status()).isEqualTo(404);

        JsonNode tenant = call(jnova, "GET", "/os-tenant-networks", null, "2.1", 200, TOKEN).path("networks");
        assertThat(tenant).hasSize(2);
        assertThat(tenant.get(0).path("id").asText()).isEqualTo(id);
        assertThat(tenant.get(0).path("cidr").asText()).isEqualTo("None");
        assertThat(tenant.get(0).path("label").asText()).isEqualTo("private");
        assertThat(call(jnova, "GET", "/os-tenant-networks/" + id, null, "2.35", 200, TOKEN).path("network")
                .path("label").asText()).isEqualTo("private");
        assertThat(message(call(jnova, "GET", "/os-tenant-networks/" + id + "x", null, "2.1", 404, TOKEN)))
                .isEqualTo("Network not found");
        assertThat(jnova.call("GET", "/os-tenant-networks", null, "2.36", TOKEN).status()).isEqualTo(404);
    }

    /** As with neutron, the floating IP pool is an external network every project sees, and names the pool by id. */
    @EachEngine
    void theFloatingIpPoolIsAnExternalNetwork(String engine) throws Exception {
        JnovaTestServer jnova = SERVERS.get(engine);
        JsonNode external = call(jnova, "GET", "/os-networks", null, "2.1", 200, TOKEN).path("networks").get(1);
        assertThat(external.path("label").asText()).isEqualTo("public");
        String id = external.path("id").asText();
        assertThat(call(jnova, "GET", "/os-networks/" + id, null, "2.1", 200, TOKEN).path("network").path("label")
                .asText()).isEqualTo("public");
        assertThat(call(jnova, "GET", "/os-tenant-networks/" + id, null, "2.1", 200, TOKEN).path("network")
                .path("label").asText()).isEqualTo("public");
        JsonNode ip = call(jnova, "POST", "/os-floating-ips", "{\"pool\": \"" + id + "\"}", "2.1", 200, TOKEN)
                .path("floating_ip");
        assertThat(ip.path("pool").asText()).isEqualTo("public");
        call(jnova, "DELETE", "/os-floating-ips/" + ip.path("id").asText(), null, "2.1", 202, TOKEN);
        assertThat(message(call(jnova, "POST", "/os-floating-ips", "{\"pool\": \"" + id + "x\"}", "2.1", 404,
                TOKEN))).isEqualTo("Floating IP pool not found.");
    }

    @EachEngine
    void removedCallsAnswerGoneAtEveryVersion(String engine) throws Exception {
        JnovaTestServer jnova = SERVERS.get(engine);
        String admin = "admin:admin";
        for (String version : new String[] {"2.1", "2.36", "2.96"}) {
            gone(jnova, "POST", "/os-networks", "{\"network\": {\"label\": \"x\"}}", version, admin);
            gone(jnova, "POST", "/os-networks/add", "{\"id\": null}", version, admin);
            gone(jnova, "DELETE", "/os-networks/any", null, version, admin);
            for (String action : new String[] {"disassociate", "disassociate_host", "disassociate_project",
                    "associate_host"}) {
                gone(jnova, "POST", "/os-networks/any/action", "{\"" + action + "\": null}", version, admin);
            }
            gone(jnova, "POST", "/os-tenant-networks", "{\"network\": {\"label\": \"x\"}}", version, TOKEN);
            gone(jnova, "DELETE", "/os-tenant-networks/any", null, version, TOKEN);
        }
    }

    /** 410 with nova's text; at 2.1 the answer must also fit the OpenAPI description. */
    private static void gone(JnovaTestServer jnova, String method, String path, String body, String version,
            String token) throws Exception {
        JnovaTestServer.Reply reply = jnova.call(method, path, body, version, token);
        EngineServers.assertFault(reply, 410, org.jnova.api.openstack.compute.removed.Gone.MESSAGE);
        if (version.equals("2.1")) {
            call(jnova, method, path, body, version, 410, token);
        }
    }
}
