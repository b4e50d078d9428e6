package org.jnova.api.openstack.compute.servergroups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jnova.testing.EngineServers.call;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jnova.api.openstack.compute.services.StoredInstances;
import org.jnova.testing.EachEngine;
import org.jnova.testing.EngineServers;
import org.jnova.testing.JnovaTestServer;
import org.junit.jupiter.api.extension.RegisterExtension;

/** os-server-groups pages in the database: offset, then limit (at most max_limit), in creation order. */
class ServerGroupsPagingTest {
    @RegisterExtension
    static final EngineServers SERVERS = new EngineServers("[api]", "max_limit = 5");

    @EachEngine
    void offsetAndLimitPickTheRightGroups(String engine) throws Exception {
        JnovaTestServer jnova = SERVERS.get(engine);
        String project = "sg-page-" + engine;
        String token = "u:" + project;
        List<String> made = new ArrayList<>();
        for (int n = 0; n < 12; n++) {
            made.add(jnova.cloud().serverGroups().create("g" + n, "u", project, "affinity", Map.of()).uuid());
            // another project's groups interleave in the table
            jnova.cloud().serverGroups().create("x" + n, "v", "other-" + project, "affinity", Map.of());
        }
        assertThat(ids(call(jnova, "GET", "/os-server-groups", null, "2.1", 200, token)))
                .isEqualTo(made.subList(0, 5));
        assertThat(ids(call(jnova, "GET", "/os-server-groups?offset=4&limit=3", null, "2.64", 200, token)))
                .isEqualTo(made.subList(4, 7));
        assertThat(ids(call(jnova, "GET", "/os-server-groups?offset=6&limit=0", null, "2.64", 200, token)))
                .isEqualTo(made.subList(6, 11));
        assertThat(ids(call(jnova, "GET", "/os-server-groups?offset=10&limit=50", null, "2.64", 200, token)))
                .isEqualTo(made.subList(10, 12));
        assertThat(ids(call(jnova, "GET", "/os-server-groups?offset=12", null, "2.64", 200, token))).isEmpty();
    }

    @EachEngine
    void serverShowNamesOnlyItsOwnGroup(String engine) throws Exception {
        JnovaTestServer jnova = SERVERS.get(engine);
        String project = "sg-show-" + engine;
        String token = "user:" + project;
        String member;
        String loner;
        try (StoredInstances stored = new StoredInstances(jnova)) {
            member = stored.create(project, "m", "h", "n", Instant.parse("2020-01-01T00:00:00Z"), null).uuid();
            loner = stored.create(project, "l", "h", "n", Instant.parse("2020-01-01T00:00:00Z"), null).uuid();
        }
        jnova.cloud().serverGroups().create("empty", "user", project, "affinity", Map.of());
        String group = jnova.cloud().serverGroups().create("g", "user", project, "affinity", Map.of()).uuid();
        jnova.cloud().serverGroups().addMember(group, member);
        assertThat(call(jnova, "GET", "/servers/" + member, null, "2.71", 200, token).get("server")
                .get("server_groups").toString()).isEqualTo("[\"" + group + "\"]");
        assertThat(call(jnova, "GET", "/servers/" + loner, null, "2.71", 200, token).get("server")
                .get("server_groups").toString()).isEqualTo("[]");
    }

    private static List<String> ids(JsonNode body) {
        List<String> out = new ArrayList<>();
        body.get("server_groups").forEach(g -> out.add(g.get("id").asText()));
        return out;
    }
}
