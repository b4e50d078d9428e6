package org.jnova.api.openstack.compute.servergroups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jnova.testing.EngineServers.call;
import static org.jnova.testing.EngineServers.message;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.jnova.testing.EachEngine;
import org.jnova.testing.EngineServers;
import org.jnova.testing.JnovaTestServer;
import org.junit.jupiter.api.extension.RegisterExtension;

/** os-server-groups: both create forms, views per microversion, listing scope and paging, quota, delete. */
class ServerGroupsApiTest {
    @RegisterExtension
    static final EngineServers SERVERS = new EngineServers("[quota]", "server_groups = 3");

    @EachEngine
    void createShowListDeleteAcrossMicroversions(String engine) throws Exception {
        JnovaTestServer jnova = SERVERS.get(engine);
        String token = "alice:views-" + engine;
        JsonNode old = call(jnova, "POST", "/os-server-groups",
                "{\"server_group\": {\"name\": \"g1\", \"policies\": [\"affinity\"]}}", "2.1", 200, token)
                .get("server_group");
        assertThat(old.toString()).isEqualTo("{\"id\":\"" + old.get("id").asText()
                + "\",\"name\":\"g1\",\"policies\":[\"affinity\"],\"metadata\":{},\"members\":[]}");
        JsonNode v264 = call(jnova, "POST", "/os-server-groups", "{\"server_group\": {\"name\": \"g2\", "
                + "\"policy\": \"anti-affinity\", \"rules\": {\"max_server_per_host\": \"3\"}}}", "2.64", 200, token)
                .get("server_group");
        assertThat(v264.get("rules").toString()).isEqualTo("{\"max_server_per_host\":3}");
        assertThat(v264.get("project_id").asText()).isEqualTo("views-" + engine);
        assertThat(v264.get("user_id").asText()).isEqualTo("alice");

        JsonNode shown = call(jnova, "GET", "/os-server-groups/" + v264.get("id").asText(), null, "2.13", 200, token)
                .get("server_group");
        assertThat(shown.get("policies").toString()).isEqualTo("[\"anti-affinity\"]");
        assertThat(shown.get("user_id").asText()).isEqualTo("alice");
        call(jnova, "GET", "/os-server-groups/" + old.get("id").asText(), null, "2.96", 200, token);

        assertThat(ids(call(jnova, "GET", "/os-server-groups", null, "2.1", 200, token)))
                .containsExactly(old.get("id").asText(), v264.get("id").asText());
        assertThat(ids(call(jnova, "GET", "/os-server-groups?limit=1&offset=1", null, "2.64", 200, token)))
                .containsExactly(v264.get("id").asText());
        // webob reads the last value; huge numbers are fine
        assertThat(ids(call(jnova, "GET", "/os-server-groups?limit=5&limit=1&offset=99999999999999", null, "2.64", 200,
                token))).isEmpty();
        assertThat(ids(call(jnova, "GET", "/os-server-groups?limit=99999999999999", null, "2.64", 200, token)))
                .hasSize(2);
        // another project sees none of them; an admin sees them with all_projects
        assertThat(ids(call(jnova, "GET", "/os-server-groups", null, "2.1", 200, "bob:other-" + engine))).isEmpty();
        assertThat(ids(call(jnova, "GET", "/os-server-groups?all_projects=1", null, "2.96", 200)))
                .contains(old.get("id").asText(), v264.get("id").asText());
        assertThat(ids(call(jnova, "GET", "/os-server-groups?all_projects=1", null, "2.96", 200,
                "bob:other-" + engine))).isEmpty();

        call(jnova, "DELETE", "/os-server-groups/" + old.get("id").asText(), null, "2.1", 204, token);
        assertThat(message(call(jnova, "GET", "/os-server-groups/" + old.get("id").asText(), null, "2.1", 404, token)))
                .isEqualTo("Instance group " + old.get("id").asText() + " could not be found.");
        assertThat(message(call(jnova, "DELETE", "/os-server-groups/abc", null, "2.1", 404, token)))
                .isEqualTo("Instance group abc could not be found.");
    }

    private static List<String> ids(JsonNode list) {
        List<String> out = new ArrayList<>();
        list.get("server_groups").forEach(g -> out.add(g.get("id").asText()));
        return out;
    }

    @EachEngine
    void badBodiesGetNovaMessages(String engine) throws Exception {
        JnovaTestServer jnova = SERVERS.get(engine);
        String token = "alice:bad-" + engine;
        assertThat(message(call(jnova, "POST", "/os-server-groups",
                "{\"server_group\": {\"name\": \"x\", \"policies\": [\"soft-affinity\"]}}", "2.1", 400, token)))
                .isEqualTo("Invalid input for field/attribute 0. Value: soft-affinity. 'soft-affinity' is not one of "
                        + "['anti-affinity', 'affinity']");
        call(jnova, "POST", "/os-server-groups",
                "{\"server_group\": {\"name\": \"x\", \"policies\": [\"soft-affinity\"]}}", "2.15", 200, token);
        assertThat(message(call(jnova, "POST", "/os-server-groups",
                "{\"server_group\": {\"name\": \"x\", \"policies\": [\"affinity\", \"anti-affinity\"]}}", "2.1", 400,
                token))).isEqualTo("Invalid input for field/attribute policies. Value: ['affinity', 'anti-affinity']. "
                        + "['affinity', 'anti-affinity'] is too long");
        assertThat(message(call(jnova, "POST", "/os-server-groups",
                "{\"server_group\": {\"name\": \"x\", \"policies\": []}}", "2.1", 400, token)))
                .isEqualTo("Invalid input for field/attribute policies. Value: []. [] is too short");
        assertThat(message(call(jnova, "POST", "/os-server-groups", "{\"server_group\": {\"name\": \"x\", "
                + "\"policy\": \"affinity\", \"rules\": {\"max_server_per_host\": 2}}}", "2.64", 400, token)))
                .isEqualTo("Only anti-affinity policy supports rules.");
        assertThat(message(call(jnova, "POST", "/os-server-groups", "{\"server_group\": {\"name\": \"x\", "
                + "\"policy\": \"anti-affinity\", \"rules\": {\"max_server_per_host\": 0}}}", "2.64", 400, token)))
                .isEqualTo("Invalid input for field/attribute max_server_per_host. Value: 0. 0 is less than the "
                        + "minimum of 1");
        assertThat(message(call(jnova, "POST", "/os-server-groups",
                "{\"server_group\": {\"name\": \"x\", \"policies\": [\"affinity\"]}}", "2.64", 400, token)))
                .isEqualTo("Invalid input for field/attribute server_group. Value: {'name': 'x', 'policies': "
                        + "['affinity']}. 'policy' is a required property");
        assertThat(message(call(jnova, "POST", "/os-server-groups",
                "{\"server_group\": {\"name\": \" x\", \"policies\": [\"affinity\"]}}", "2.1", 400, token)))
                .isEqualTo("An invalid 'name' value was provided. The name must be: printable characters. Can not "
                        + "start or end with whitespace.");
        assertThat(message(call(jnova, "GET", "/os-server-groups?limit=-1", null, "2.1", 400, token)))
                .isEqualTo("Invalid input for query parameters limit. Value: -1. '-1' does not match '^[0-9]*$'");
        assertThat(message(call(jnova, "GET", "/os-server-groups?foo=1", null, "2.75", 400, token)))
                .isEqualTo("Additional properties are not allowed ('foo' was unexpected)");
    }

    @EachEngine
    void quotaLimitsGroupsPerProject(String engine) throws Exception {
        JnovaTestServer jnova = SERVERS.get(engine);
        String token = "alice:quota-" + engine;
        String body = "{\"server_group\": {\"name\": \"q\", \"policies\": [\"affinity\"]}}";
        for (int i = 0; i < 3; i++) {
            call(jnova, "POST", "/os-server-groups", body, "2.1", 200, token);
        }
        assertThat(message(call(jnova, "POST", "/os-server-groups", body, "2.1", 403, token)))
                .isEqualTo("Quota exceeded, too many server groups.");
        assertThat(call(jnova, "GET", "/os-server-groups", null, "2.1", 200, token).get("server_groups")).hasSize(3);
    }
}
