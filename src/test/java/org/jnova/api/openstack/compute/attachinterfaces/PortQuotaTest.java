package org.jnova.api.openstack.compute.attachinterfaces;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jnova.testing.EngineServers.assertFault;

import org.jnova.compute.SeedData;
import org.jnova.testing.EachEngine;
import org.jnova.testing.EngineServers;
import org.jnova.testing.JnovaTestServer;
import org.jnova.testing.JnovaTestServer.Reply;
import org.jnova.testing.TestServers;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Attached interfaces count against the project's port quota (neutron's, [jnova_quota] ports),
 * boot ports included; nova answers neutron's refusal with 403 "Maximum number of ports exceeded".
 */
class PortQuotaTest {
    @RegisterExtension
    static final EngineServers SERVERS = new EngineServers("[jnova_quota]", "ports = 2", "[jnova_compute]",
            "fixed_range = 10.11.0.0/24");

    private static Reply attach(String engine, String token, String server, String body) throws Exception {
        return SERVERS.get(engine).call("POST", "/servers/" + server + "/os-interface", body, "2.1", token);
    }

    @EachEngine
    void portsPerProject(String engine) throws Exception {
        JnovaTestServer jnova = SERVERS.get(engine);
        String a = "usera:pq-a-" + engine;
        String server = TestServers.active(jnova, a, SeedData.CIRROS_IMAGE_ID, "1"); // its boot port: 1 of 2
        Reply second = attach(engine, a, server, "{\"interfaceAttachment\": {}}");
        assertThat(second.status()).as(second.body()).isEqualTo(200);
        assertFault(attach(engine, a, server, "{\"interfaceAttachment\": {}}"), 403,
                "Maximum number of ports exceeded");
        String netId = second.json().at("/interfaceAttachment/net_id").asText();
        assertFault(attach(engine, a, server, "{\"interfaceAttachment\": {\"net_id\": \"" + netId
                + "\", \"fixed_ips\": [{\"ip_address\": \"10.11.0.200\"}]}}"), 403, "Maximum number of ports exceeded");
        // an admin's attach counts toward the server's project too
        assertFault(attach(engine, "admin:admin", server, "{\"interfaceAttachment\": {}}"), 403,
                "Maximum number of ports exceeded");
        assertThat(jnova.call("GET", "/servers/" + server + "/os-interface", null, "2.1", a).json()
                .get("interfaceAttachments")).hasSize(2);

        // another project has its own quota
        String b = "userb:pq-b-" + engine;
        String theirs = TestServers.active(jnova, b, SeedData.CIRROS_IMAGE_ID, "1");
        assertThat(attach(engine, b, theirs, "{\"interfaceAttachment\": {}}").status()).isEqualTo(200);

        // a detached port gives its share back
        String port = second.json().at("/interfaceAttachment/port_id").asText();
        assertThat(jnova.call("DELETE", "/servers/" + server + "/os-interface/" + port, null, "2.1", a).status())
                .isEqualTo(202);
        assertThat(attach(engine, a, server, "{\"interfaceAttachment\": {}}").status()).isEqualTo(200);
    }
}
