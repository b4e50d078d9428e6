package org.jnova.api.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jnova.testing.EngineServers.call;

import java.util.List;
import org.jnova.objects.Instance;
import org.jnova.testing.EachEngine;

/** The EC2 tree shows a server's security groups and its floating IP. */
class MetadataNetworkProxiesTest {
    @EachEngine
    void securityGroupsAndPublicAddressFollowTheServer(String engine) throws Exception {
        try (MetadataFixture f = MetadataFixture.start(engine, 0, "[api]", "use_forwarded_for = true")) {
            Instance server = f.bootPlain("md-proxies");
            List<String[]> headers = List.<String[]>of(new String[] {"X-Forwarded-For",
                    server.interfaces().getFirst().fixedIp()});
            assertThat(f.http.send("GET", "/latest/meta-data/public-ipv4", headers, null).text()).isEmpty();
            assertThat(f.http.send("GET", "/latest/meta-data/security-groups", headers, null).text())
                    .isEqualTo("default");

            call(f.jnova, "POST", "/os-security-groups", "{\"security_group\": {\"name\": \"web\", "
                    + "\"description\": \"\"}}", "2.1", 200);
            String action = "/servers/" + server.uuid() + "/action";
            call(f.jnova, "POST", action, "{\"addSecurityGroup\": {\"name\": \"web\"}}", "2.1", 202);
            String address = call(f.jnova, "POST", "/os-floating-ips", "{}", "2.1", 200).path("floating_ip")
                    .path("ip").asText();
            call(f.jnova, "POST", action, "{\"addFloatingIp\": {\"address\": \"" + address + "\"}}", "2.1", 202);

            assertThat(f.http.send("GET", "/latest/meta-data/public-ipv4", headers, null).text()).isEqualTo(address);
            assertThat(f.http.send("GET", "/latest/meta-data/security-groups", headers, null).text())
                    .isEqualTo("default\nweb");
        }
    }
}
