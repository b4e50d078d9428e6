package org.jnova.api.openstack.compute.instanceactions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jnova.testing.EngineServers.call;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jnova.api.openstack.compute.services.StoredInstances;
import org.jnova.testing.EachEngine;
import org.jnova.testing.EngineServers;
import org.jnova.testing.JnovaTestServer;
import org.junit.jupiter.api.extension.RegisterExtension;

/** os-instance-actions filters changes-since/changes-before and pages in the database, newest first. */
class InstanceActionsPagingTest {
    @RegisterExtension
    static final EngineServers SERVERS = new EngineServers("[api]", "max_limit = 5");

    @EachEngine
    void timeFilteredPagesWithAMarkerInTheMiddle(String engine) throws Exception {
        JnovaTestServer jnova = SERVERS.get(engine);
        String project = "ia-page-" + engine;
        String server;
        try (StoredInstances stored = new StoredInstances(jnova)) {
            server = stored.create(project, "s", "h", "n", Instant.parse("2020-01-01T00:00:00Z"), null).uuid();
        }
        var db = jnova.cloud().instances().database();
        Instant base = Instant.parse("2021-01-01T00:00:00Z");
        for (int n = 0; n < 12; n++) {
            String request = "req-" + engine + "-" + n;
            db.inTransaction(tx -> {
                jnova.cloud().actions().start(tx, server, "reboot", request, "user", project);
                return null;
            });
            Instant updated = base.plusSeconds(n * 3600L);
            db.inTransaction(tx -> tx.update("UPDATE instance_actions SET updated_at = ? WHERE request_id = ?",
                    updated, request));
        }
        String token = "user:" + project;
        String path = "/servers/" + server + "/os-instance-actions";

        assertThat(requests(call(jnova, "GET", path, null, "2.58", 200, token))).isEqualTo(names(engine, 11, 7));
        String window = "?changes-since=2021-01-01T03:00:00Z&changes-before=2021-01-01T09:00:00Z";
        JsonNode first = call(jnova, "GET", path + window, null, "2.66", 200, token);
        assertThat(requests(first)).isEqualTo(names(engine, 9, 5));
        assertThat(first.get("links").get(0).get("href").asText()).contains("marker=req-" + engine + "-5");
        JsonNode rest = call(jnova, "GET", path + window + "&marker=req-" + engine + "-5", null, "2.66", 200, token);
        assertThat(requests(rest)).isEqualTo(names(engine, 4, 3));
        assertThat(rest.has("links")).isFalse();
        assertThat(requests(call(jnova, "GET", path + "?limit=2&marker=req-" + engine + "-8"
                + "&changes-since=2021-01-01T03:00:00Z", null, "2.58", 200, token))).isEqualTo(names(engine, 7, 6));
        // before 2.58 nova neither pages nor filters
        assertThat(call(jnova, "GET", path, null, "2.1", 200, token).get("instanceActions")).hasSize(12);
    }

    private static List<String> names(String engine, int from, int to) {
        List<String> out = new ArrayList<>();
        for (int n = from; n >= to; n--) {
            out.add("req-" + engine + "-" + n);
        }
        return out;
    }

    private static List<String> requests(JsonNode body) {
        List<String> out = new ArrayList<>();
        body.get("instanceActions").forEach(a -> out.add(a.get("request_id").asText()));
        return out;
    }
}
