package org.jnova.api.openstack.compute.servers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jnova.testing.EngineServers.call;
import static org.jnova.testing.EngineServers.message;

import com.fasterxml.jackson.databind.JsonNode;
import org.jnova.compute.SeedData;
import org.jnova.testing.EachEngine;
import org.jnova.testing.EngineServers;
import org.jnova.testing.JnovaTestServer;
import org.jnova.testing.OpenApiConformance;
import org.jnova.testing.TestServers;
import org.junit.jupiter.api.extension.RegisterExtension;

/** accessIPv6 is stored and shown in netaddr's form on create, update and rebuild; a non-address is 400. */
class AccessIpv6Test {
    @RegisterExtension
    static final EngineServers SERVERS = new EngineServers();

    @EachEngine
    void addressesAreCanonical(String engine) throws Exception {
        JnovaTestServer jnova = SERVERS.get(engine);
        String id = call(jnova, "POST", "/servers", "{\"server\": {\"name\": \"v6\", \"imageRef\": \""
                + SeedData.CIRROS_IMAGE_ID + "\", \"flavorRef\": \"1\", "
                + "\"accessIPv6\": \"0000:0000:0000:0000:0000:babe:220.12.22.2\"}}", "2.1", 202)
                .path("server").path("id").asText();
        assertThat(TestServers.settled(jnova, id, "ACTIVE").path("accessIPv6").asText()).isEqualTo("::babe:dc0c:1602");

        JsonNode updated = call(jnova, "PUT", "/servers/" + id, "{\"server\": {\"accessIPv6\": \"2001:DB8:0:0:0:0:0:1\"}}",
                "2.1", 200).path("server");
        assertThat(updated.path("accessIPv6").asText()).isEqualTo("2001:db8::1");

        JnovaTestServer.Reply rebuilt = jnova.call("POST", "/servers/" + id + "/action", "{\"rebuild\": {\"imageRef\": \""
                + SeedData.CIRROS_IMAGE_ID + "\", \"accessIPv6\": \"0:0:0:0:0:FFFF:0102:0304\"}}", "2.1");
        assertThat(rebuilt.status()).as(rebuilt.body()).isEqualTo(202);
        // the OpenAPI file lists every action's answer under 201
        OpenApiConformance.get().assertConforms("POST", "/v2.1/servers/{id}/action", 201, "2.1", rebuilt.json());
        assertThat(rebuilt.json().path("server").path("accessIPv6").asText()).isEqualTo("::ffff:1.2.3.4");
        assertThat(TestServers.settled(jnova, id, "ACTIVE").path("accessIPv6").asText()).isEqualTo("::ffff:1.2.3.4");

        assertThat(message(call(jnova, "PUT", "/servers/" + id, "{\"server\": {\"accessIPv6\": \"1::2::3\"}}", "2.1",
                400))).startsWith("Invalid input for field/attribute accessIPv6.");
        assertThat(message(call(jnova, "POST", "/servers", "{\"server\": {\"name\": \"v6\", \"imageRef\": \""
                + SeedData.CIRROS_IMAGE_ID + "\", \"flavorRef\": \"1\", \"accessIPv6\": \"10.0.0.1\"}}", "2.1", 400)))
                .startsWith("Invalid input for field/attribute accessIPv6.");
        call(jnova, "DELETE", "/servers/" + id, null, "2.1", 204);
    }
}
