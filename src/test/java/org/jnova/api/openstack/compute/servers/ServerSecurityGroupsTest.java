package org.jnova.api.openstack.compute.servers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jnova.testing.EngineServers.call;
import static org.jnova.testing.EngineServers.message;

import com.fasterxml.jackson.databind.JsonNode;
import org.jnova.compute.SeedData;
import org.jnova.testing.EachEngine;
import org.jnova.testing.EngineServers;
import org.jnova.testing.JnovaTestServer;
import org.junit.jupiter.api.extension.RegisterExtension;

/** GET /servers/{server_id}/os-security-groups follows addSecurityGroup / removeSecurityGroup, at every version. */
class ServerSecurityGroupsTest {
    @RegisterExtension
    static final EngineServers SERVERS = new EngineServers();

    @EachEngine
    void listsTheServersGroupsInNovasFormat(String engine) throws Exception {
        JnovaTestServer jnova = SERVERS.get(engine);
        String token = "alice:projA";
        JsonNode created = call(jnova, "POST", "/servers", "{\"server\": {\"name\": \"sg\", \"imageRef\": \""
                + SeedData.CIRROS_IMAGE_ID + "\", \"flavorRef\": \"1\"}}", "2.1", 202, token);
        String id = created.path("server").path("id").asText();
        jnova.awaitActive(id);
        String path = "/servers/" + id + "/os-security-groups";

        JsonNode groups = call(jnova, "GET", path, null, "2.1", 200, token).path("security_groups");
        assertThat(groups).hasSize(1);
        JsonNode group = groups.get(0);
        assertThat(group.path("name").asText()).isEqualTo("default");
        assertThat(group.path("tenant_id").asText()).isEqualTo("projA");
        assertThat(group.path("description").asText()).isEqualTo("Default security group");
        assertThat(group.path("rules")).hasSize(2);
        JsonNode rule = group.path("rules").get(0);
        assertThat(rule.path("parent_group_id").asText()).isEqualTo(group.path("id").asText());
        assertThat(rule.path("ip_protocol").isNull()).isTrue();
        assertThat(rule.path("from_port").isNull()).isTrue();
        assertThat(rule.path("group").path("name").asText()).isEqualTo("default");
        assertThat(rule.path("group").path("tenant_id").asText()).isEqualTo("projA");
        assertThat(rule.path("ip_range").size()).isZero();
        // the same group (same id) at the newest version: the sub-resource outlives the 2.36 proxy removal
        assertThat(call(jnova, "GET", path, null, "2.96", 200, token).path("security_groups").get(0).path("id")
                .asText()).isEqualTo(group.path("id").asText());

        call(jnova, "POST", "/servers/" + id + "/action", "{\"removeSecurityGroup\": {\"name\": \"default\"}}", "2.1",
                202, token);
        assertThat(call(jnova, "GET", path, null, "2.1", 200, token).path("security_groups")).isEmpty();
        call(jnova, "POST", "/servers/" + id + "/action", "{\"addSecurityGroup\": {\"name\": \"default\"}}", "2.1",
                202, token);
        assertThat(call(jnova, "GET", path, null, "2.1", 200, token).path("security_groups")).hasSize(1);

        assertThat(message(call(jnova, "GET", path, null, "2.1", 404, "bob:projB")))
                .isEqualTo("Instance " + id + " could not be found.");
        String missing = "/servers/00000000-0000-4000-8000-000000000000/os-security-groups";
        assertThat(message(call(jnova, "GET", missing, null, "2.1", 404, token)))
                .isEqualTo("Instance 00000000-0000-4000-8000-000000000000 could not be found.");
    }
}
