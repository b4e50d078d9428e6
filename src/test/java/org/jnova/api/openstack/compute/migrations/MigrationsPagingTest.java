package org.jnova.api.openstack.compute.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jnova.testing.EngineServers.call;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jnova.db.MigrationStore;
import org.jnova.testing.EachEngine;
import org.jnova.testing.EngineServers;
import org.jnova.testing.JnovaTestServer;
import org.junit.jupiter.api.extension.RegisterExtension;

/** os-migrations from 2.59 pages in the database: newest first, max_limit rows, after the marker. */
class MigrationsPagingTest {
    @RegisterExtension
    static final EngineServers SERVERS = new EngineServers("[api]", "max_limit = 5");

    @EachEngine
    void pagesFollowCreatedAtThenIdWithAMarkerInTheMiddle(String engine) throws Exception {
        JnovaTestServer jnova = SERVERS.get(engine);
        MigrationStore store = jnova.cloud().migrations();
        String instance = UUID.randomUUID().toString();
        List<String> created = new ArrayList<>();
        Instant base = Instant.parse("2021-03-01T00:00:00Z");
        for (int n = 0; n < 12; n++) {
            String uuid = store.create(instance, "migration", "done", "src", "node", "dst", 1, 1, "u", "p");
            // pairs share a time and later rows are older, so neither id nor time alone gives the order
            Instant at = base.minusSeconds(n / 2 * 60L);
            jnova.cloud().instances().database().inTransaction(tx -> tx.update(
                    "UPDATE migrations SET created_at = ? WHERE uuid = ?", at, uuid));
            created.add(uuid);
        }
        List<String> newestFirst = new ArrayList<>();
        for (int pair = 0; pair < 6; pair++) {
            newestFirst.add(created.get(pair * 2 + 1));
            newestFirst.add(created.get(pair * 2));
        }
        String query = "/os-migrations?instance_uuid=" + instance;

        JsonNode first = call(jnova, "GET", query, null, "2.59", 200);
        assertThat(uuids(first)).isEqualTo(newestFirst.subList(0, 5));
        assertThat(first.get("migrations_links").get(0).get("href").asText()).endsWith("marker=" + newestFirst.get(4));
        List<String> walked = new ArrayList<>(uuids(first));
        String marker = newestFirst.get(4);
        for (int page = 0; page < 3 && marker != null; page++) {
            JsonNode next = call(jnova, "GET", query + "&limit=100&marker=" + marker, null, "2.80", 200);
            List<String> got = uuids(next);
            assertThat(got.size()).isLessThanOrEqualTo(5);
            walked.addAll(got);
            marker = got.isEmpty() ? null : got.getLast();
        }
        assertThat(walked).isEqualTo(newestFirst);
        // a marker in the middle of a shared time
        assertThat(uuids(call(jnova, "GET", query + "&limit=3&marker=" + newestFirst.get(6), null, "2.59", 200)))
                .isEqualTo(newestFirst.subList(7, 10));
        assertThat(uuids(call(jnova, "GET", query + "&limit=0", null, "2.59", 200))).isEmpty();
        assertThat(uuids(call(jnova, "GET", query + "&hidden=1", null, "2.59", 200))).isEmpty();
        // before 2.59 nova neither pages nor sorts by time: every row, in id order
        JsonNode all = call(jnova, "GET", query, null, "2.58", 200);
        List<Integer> ids = new ArrayList<>();
        all.get("migrations").forEach(m -> ids.add(m.get("id").asInt()));
        assertThat(ids).hasSize(12).isSorted();
    }

    private static List<String> uuids(JsonNode body) {
        List<String> out = new ArrayList<>();
        body.get("migrations").forEach(m -> out.add(m.get("uuid").asText()));
        return out;
    }
}
