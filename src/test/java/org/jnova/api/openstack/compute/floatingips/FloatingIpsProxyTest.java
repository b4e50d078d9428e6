package org.jnova.api.openstack.compute.floatingips;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jnova.testing.EngineServers.call;
import static org.jnova.testing.EngineServers.message;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import org.jnova.compute.SeedData;
import org.jnova.testing.EachEngine;
import org.jnova.testing.EngineServers;
import org.jnova.testing.JnovaTestServer;
import org.junit.jupiter.api.extension.RegisterExtension;

/** os-floating-ip-pools, os-floating-ips and the floating IP server actions over the built-in pool. */
class FloatingIpsProxyTest {
    @RegisterExtension
    static final EngineServers SERVERS = new EngineServers();

    private static final String FIPS = "/os-floating-ips";

    @EachEngine
    void allocatesShowsAndReleasesPerProject(String engine) throws Exception {
        JnovaTestServer jnova = SERVERS.get(engine);
        String token = "alice:fipProjA";
        assertThat(call(jnova, "GET", "/os-floating-ip-pools", null, "2.1", 200, token).path("floating_ip_pools")
                .toString()).isEqualTo("[{\"name\":\"public\"}]");
        assertThat(jnova.call("GET", "/os-floating-ip-pools", null, "2.36", token).status()).isEqualTo(404);
        assertThat(call(jnova, "GET", FIPS, null, "2.1", 200, token).path("floating_ips")).isEmpty();

        JsonNode ip = call(jnova, "POST", FIPS, "{\"pool\": \"public\"}", "2.1", 200, token).path("floating_ip");
        assertThat(ip.path("pool").asText()).isEqualTo("public");
        assertThat(ip.path("ip").asText()).startsWith("172.24.4.");
        assertThat(ip.path("fixed_ip").isNull()).isTrue();
        assertThat(ip.path("instance_id").isNull()).isTrue();
        String id = ip.path("id").asText();
        JsonNode second = call(jnova, "POST", FIPS, "{}", "2.1", 200, token).path("floating_ip");
        assertThat(second.path("ip").asText()).isNotEqualTo(ip.path("ip").asText());
        assertThat(call(jnova, "GET", FIPS, null, "2.35", 200, token).path("floating_ips")).hasSize(2);
        assertThat(call(jnova, "GET", FIPS + "/" + id, null, "2.1", 200, token).path("floating_ip").path("ip")
                .asText()).isEqualTo(ip.path("ip").asText());

        assertThat(message(call(jnova, "POST", FIPS, "{\"pool\": \"other\"}", "2.1", 404, token)))
                .isEqualTo("Floating IP pool not found.");
        call(jnova, "POST", FIPS, "{\"pool\": 5}", "2.1", 400, token);
        assertThat(jnova.call("POST", FIPS, "{}", "2.36", token).status()).isEqualTo(404);

        String other = "bob:fipProjB";
        assertThat(call(jnova, "GET", FIPS, null, "2.1", 200, other).path("floating_ips")).isEmpty();
        assertThat(message(call(jnova, "GET", FIPS + "/" + id, null, "2.1", 404, other)))
                .isEqualTo("Floating IP not found for ID " + id);
        call(jnova, "DELETE", FIPS + "/" + id, null, "2.1", 404, other);

        call(jnova, "DELETE", FIPS + "/" + id, null, "2.1", 202, token);
        assertThat(message(call(jnova, "GET", FIPS + "/" + id, null, "2.1", 404, token)))
                .isEqualTo("Floating IP not found for ID " + id);
        assertThat(call(jnova, "GET", FIPS, null, "2.1", 200, token).path("floating_ips")).hasSize(1);
    }

    @EachEngine
    void associatesWithAServerAndShowsInItsAddresses(String engine) throws Exception {
        JnovaTestServer jnova = SERVERS.get(engine);
        String token = "alice:fipProjC";
        String server = call(jnova, "POST", "/servers", "{\"server\": {\"name\": \"fip\", \"imageRef\": \""
                + SeedData.CIRROS_IMAGE_ID + "\", \"flavorRef\": \"1\"}}", "2.1", 202, token).path("server")
                .path("id").asText();
        jnova.awaitActive(server);
        JsonNode ip = call(jnova, "POST", FIPS, null, "2.1", 200, token).path("floating_ip");
        String address = ip.path("ip").asText();
        String action = "/servers/" + server + "/action";

        assertThat(message(call(jnova, "POST", action, "{\"addFloatingIp\": {\"address\": \"172.24.4.250\"}}",
                "2.1", 404, token))).isEqualTo("floating IP not found");
        assertThat(message(call(jnova, "POST", action, "{\"addFloatingIp\": {\"address\": \"" + address
                + "\", \"fixed_address\": \"10.9.9.9\"}}", "2.1", 400, token)))
                .isEqualTo("Specified fixed address not assigned to instance");
        assertThat(message(call(jnova, "POST", action, "{\"removeFloatingIp\": {\"address\": \"" + address + "\"}}",
                "2.1", 409, "admin:admin"))).isEqualTo("Floating IP " + address + " is not associated with instance "
                + server + ".");

        call(jnova, "POST", action, "{\"addFloatingIp\": {\"address\": \"" + address + "\"}}", "2.43", 202, token);
        JsonNode shown = call(jnova, "GET", FIPS + "/" + ip.path("id").asText(), null, "2.1", 200, token)
                .path("floating_ip");
        assertThat(shown.path("instance_id").asText()).isEqualTo(server);
        String fixed = shown.path("fixed_ip").asText();
        assertThat(fixed).startsWith("10.0.");

        JsonNode addresses = call(jnova, "GET", "/servers/" + server, null, "2.1", 200, token).path("server")
                .path("addresses").path("private");
        assertThat(addresses).hasSize(2);
        assertThat(addresses.get(0).path("addr").asText()).isEqualTo(fixed);
        assertThat(addresses.get(1).path("addr").asText()).isEqualTo(address);
        assertThat(addresses.get(1).path("OS-EXT-IPS:type").asText()).isEqualTo("floating");
        assertThat(addresses.get(1).path("OS-EXT-IPS-MAC:mac_addr").asText())
                .isEqualTo(addresses.get(0).path("OS-EXT-IPS-MAC:mac_addr").asText());
        assertThat(call(jnova, "GET", "/servers/" + server + "/ips", null, "2.1", 200, token).path("addresses")
                .path("private")).hasSize(2);

        // a second address for the same fixed IP is refused
        String another = call(jnova, "POST", FIPS, null, "2.1", 200, token).path("floating_ip").path("ip").asText();
        assertThat(message(call(jnova, "POST", action, "{\"addFloatingIp\": {\"address\": \"" + another + "\"}}",
                "2.1", 400, token))).startsWith("Unable to associate floating IP " + another + " to fixed IP " + fixed);

        // another project can neither take nor remove it
        call(jnova, "POST", action, "{\"removeFloatingIp\": {\"address\": \"" + address + "\"}}", "2.1", 404,
                "bob:fipProjD");
        assertThat(jnova.call("POST", action, "{\"addFloatingIp\": {\"address\": \"" + address + "\"}}", "2.44",
                token).status()).isEqualTo(404);

        call(jnova, "POST", action, "{\"removeFloatingIp\": {\"address\": \"" + address + "\"}}", "2.1", 202, token);
        assertThat(call(jnova, "GET", "/servers/" + server, null, "2.1", 200, token).path("server").path("addresses")
                .path("private")).hasSize(1);
        assertThat(call(jnova, "GET", FIPS + "/" + ip.path("id").asText(), null, "2.1", 200, token)
                .path("floating_ip").path("instance_id").isNull()).isTrue();

        // deleting the server frees the address from it
        call(jnova, "POST", action, "{\"addFloatingIp\": {\"address\": \"" + address + "\"}}", "2.1", 202, token);
        call(jnova, "DELETE", "/servers/" + server, null, "2.1", 204, token);
        Instant end = Instant.now().plus(Duration.ofSeconds(20));
        while (!call(jnova, "GET", FIPS + "/" + ip.path("id").asText(), null, "2.1", 200, token).path("floating_ip")
                .path("instance_id").isNull()) {
            assertThat(Instant.now()).isBefore(end);
            Thread.sleep(20);
        }
    }
}
