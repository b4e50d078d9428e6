package org.jnova.api.openstack.compute.servermigrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jnova.testing.EngineServers.call;
import static org.jnova.testing.EngineServers.message;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jnova.compute.SeedData;
import org.jnova.db.InstanceUpdate;
import org.jnova.db.MigrationStore;
import org.jnova.testing.EachEngine;
import org.jnova.testing.EngineServers;
import org.jnova.testing.JnovaTestServer;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * os-migrations listing real records, /servers/{id}/migrations (index, show, force_complete,
 * abort), os-server-password, server topology and server diagnostics, through a real socket.
 */
class MigrationResourcesTest {
    @RegisterExtension
    static final EngineServers SERVERS = new EngineServers("[quota]", "instances = -1", "cores = -1", "ram = -1");

    @EachEngine
    void migrationsAreListedFilteredAndPagedPerVersion(String engine) throws Exception {
        JnovaTestServer jnova = SERVERS.get(engine);
        String server = boot(jnova, "migr");
        MigrationStore store = jnova.cloud().migrations();
        String resize = store.create(server, "resize", "finished", "src-host", "src-node", "src-host", 1, 2, "u1",
                "p1");
        Thread.sleep(5);
        // the live migration's source is the server's own host: force_complete and abort go there
        String sourceHost = jnova.cloud().instances().get(server, false).orElseThrow().host();
        String live = store.create(server, "live-migration", "running", sourceHost, "src-node", null, 1, 1, "u1",
                "p1");
        store.update(live, "running", "dst-host", "dst-node");
        int liveId = store.byUuid(live).orElseThrow().id();
        int resizeId = store.byUuid(resize).orElseThrow().id();

        JsonNode v21 = call(jnova, "GET", "/os-migrations?instance_uuid=" + server, null, "2.1", 200).get("migrations");
        assertThat(ids(v21)).containsExactly(resizeId, liveId);
        assertThat(v21.get(0).has("migration_type")).isFalse();
        assertThat(v21.get(0).has("uuid")).isFalse();
        assertThat(v21.get(1).path("dest_compute").asText()).isEqualTo("dst-host");

        JsonNode v223 = call(jnova, "GET", "/os-migrations?instance_uuid=" + server, null, "2.23", 200)
                .get("migrations");
        assertThat(v223.get(1).path("migration_type").asText()).isEqualTo("live-migration");
        assertThat(v223.get(1).path("links").get(0).path("href").asText())
                .endsWith("/v2.1/servers/" + server + "/migrations/" + liveId);
        assertThat(v223.get(0).has("links")).isFalse();

        JsonNode v259 = call(jnova, "GET", "/os-migrations?instance_uuid=" + server + "&limit=1", null, "2.59", 200);
        assertThat(ids(v259.get("migrations"))).containsExactly(liveId);
        assertThat(v259.get("migrations").get(0).path("uuid").asText()).isEqualTo(live);
        assertThat(v259.path("migrations_links").get(0).path("href").asText()).contains("marker=" + live);
        JsonNode after = call(jnova, "GET", "/os-migrations?instance_uuid=" + server + "&marker=" + live, null, "2.59",
                200);
        assertThat(ids(after.get("migrations"))).containsExactly(resizeId);

        JsonNode none = call(jnova, "GET", "/os-migrations?limit=0", null, "2.59", 200);
        assertThat(none.get("migrations")).isEmpty();
        assertThat(none.has("migrations_links")).isFalse();
        String q = "/os-migrations?instance_uuid=" + server;
        JsonNode v296 = call(jnova, "GET", q, null, "2.96", 200).get("migrations");
        assertThat(v296.get(0).path("user_id").asText()).isEqualTo("u1");
        assertThat(v296.get(0).path("project_id").asText()).isEqualTo("p1");
        assertThat(ids(call(jnova, "GET", q + "&migration_type=resize", null, "2.96", 200).get("migrations")))
                .containsExactly(resizeId);
        assertThat(ids(call(jnova, "GET", q + "&host=dst-host", null, "2.96", 200).get("migrations")))
                .containsExactly(liveId);
        assertThat(ids(call(jnova, "GET", q + "&status=finished", null, "2.96", 200).get("migrations")))
                .containsExactly(resizeId);
        assertThat(call(jnova, "GET", q + "&project_id=other", null, "2.96", 200).get("migrations")).isEmpty();
        assertThat(call(jnova, "GET", q + "&hidden=true", null, "2.1", 200).get("migrations")).isEmpty();
        assertThat(call(jnova, "GET", q + "&hidden=0", null, "2.1", 200).get("migrations")).hasSize(2);
        assertThat(call(jnova, "GET", q + "&status=finished&status=running", null, "2.1", 200).get("migrations"))
                .hasSize(1);
        assertThat(call(jnova, "GET", q + "&changes-since=2999-01-01T00:00:00Z", null, "2.96", 200)
                .get("migrations")).isEmpty();
        assertThat(ids(call(jnova, "GET", q + "&changes-before=2999-01-01T00:00:00Z", null, "2.96", 200)
                .get("migrations"))).containsExactly(liveId, resizeId);

        // server migrations: only the in-progress live migration
        String base = "/servers/" + server + "/migrations";
        JsonNode index = call(jnova, "GET", base, null, "2.23", 200).get("migrations");
        assertThat(ids(index)).containsExactly(liveId);
        assertThat(index.get(0).path("server_uuid").asText()).isEqualTo(server);
        assertThat(index.get(0).has("uuid")).isFalse();
        JsonNode shown = call(jnova, "GET", base + "/" + liveId, null, "2.96", 200).get("migration");
        assertThat(shown.path("uuid").asText()).isEqualTo(live);
        assertThat(shown.path("user_id").asText()).isEqualTo("u1");
        assertThat(message(call(jnova, "GET", base + "/" + resizeId, null, "2.80", 404)))
                .isEqualTo("Migration " + resizeId + " for server " + server + " is not live-migration.");
        assertThat(message(call(jnova, "GET", base + "/99999", null, "2.80", 404)))
                .isEqualTo("In-progress live migration 99999 is not found for server " + server + ".");

        String force = "{\"force_complete\": null}";
        assertThat(message(call(jnova, "POST", base + "/" + liveId + "/action", force, "2.22", 409)))
                .isEqualTo("Instance " + server + " is in an invalid state for 'force_complete'");
        assertThat(message(call(jnova, "DELETE", base + "/" + liveId, null, "2.24", 409)))
                .isEqualTo("Instance " + server + " is in an invalid state for 'abort live migration'");
        jnova.cloud().instances().update(server, new InstanceUpdate().taskState("migrating"));
        assertThat(message(call(jnova, "POST", base + "/" + resizeId + "/action", force, "2.22", 400)))
                .isEqualTo("Migration " + resizeId + " state of instance " + server + " is finished. Cannot force "
                        + "complete while the migration is in this state.");
        assertThat(message(call(jnova, "POST", base + "/99999/action", force, "2.22", 400)))
                .isEqualTo("Migration 99999 not found for instance " + server);
        assertThat(message(call(jnova, "POST", base + "/" + liveId + "/action", "{\"force_complete\": 1}", "2.22",
                400))).contains("force_complete");
        call(jnova, "POST", base + "/" + liveId + "/action", force, "2.22", 202);
        assertThat(message(call(jnova, "DELETE", base + "/99999", null, "2.24", 404)))
                .isEqualTo("Migration 99999 not found for instance " + server);
        assertThat(message(call(jnova, "DELETE", base + "/" + resizeId, null, "2.96", 400)))
                .isEqualTo("Migration " + resizeId + " state of instance " + server + " is finished. Cannot abort "
                        + "live migration while the migration is in this state.");
        call(jnova, "DELETE", base + "/" + liveId, null, "2.24", 202);
        // no migration runs on that host for this record: the host cancels it as its record says running
        Instant cancelDeadline = Instant.now().plus(Duration.ofSeconds(10));
        while (!store.byUuid(live).orElseThrow().status().equals("cancelled") && Instant.now().isBefore(cancelDeadline)) {
            Thread.sleep(20);
        }
        assertThat(store.byUuid(live).orElseThrow().status()).isEqualTo("cancelled");
        assertThat(call(jnova, "GET", base, null, "2.96", 200).get("migrations")).isEmpty();
        JsonNode actions = call(jnova, "GET", "/servers/" + server + "/os-instance-actions", null, "2.1", 200)
                .get("instanceActions");
        List<String> names = new ArrayList<>();
        actions.forEach(a -> names.add(a.path("action").asText()));
        assertThat(names).contains("live_migration_force_complete", "live_migration_cancel");
    }

    @EachEngine
    void passwordTopologyAndDiagnostics(String engine) throws Exception {
        JnovaTestServer jnova = SERVERS.get(engine);
        String server = boot(jnova, "pw");
        String pw = "/servers/" + server + "/os-server-password";
        assertThat(call(jnova, "GET", pw, null, "2.1", 200).path("password").asText()).isEmpty();
        String secret = "x".repeat(300);
        var instances = jnova.cloud().instances();
        Map<String, String> chunks = Map.of("password_0", secret.substring(0, 255), "password_1",
                secret.substring(255), "password_2", "", "password_3", "");
        instances.database().inTransaction(tx -> instances.children().updateMetadata(tx, server, chunks, false, true));
        assertThat(call(jnova, "GET", pw, null, "2.50", 200).path("password").asText()).isEqualTo(secret);
        call(jnova, "DELETE", pw, null, "2.96", 204);
        assertThat(call(jnova, "GET", pw, null, "2.96", 200).path("password").asText()).isEmpty();
        assertThat(message(call(jnova, "GET", "/servers/00000000-0000-0000-0000-000000000000/os-server-password",
                null, "2.1", 404))).isEqualTo("Instance 00000000-0000-0000-0000-000000000000 could not be found.");

        JsonNode topology = call(jnova, "GET", "/servers/" + server + "/topology", null, "2.78", 200);
        assertThat(topology.get("nodes")).isEmpty();
        assertThat(topology.get("pagesize_kb").isNull()).isTrue();
        call(jnova, "GET", "/servers/" + server + "/topology", null, "2.96", 200);
        assertThat(jnova.call("GET", "/servers/" + server + "/topology", null, "2.77").status()).isEqualTo(404);

        String diag = "/servers/" + server + "/diagnostics";
        JsonNode legacy = call(jnova, "GET", diag, null, "2.1", 200);
        assertThat(legacy.path("cpu0_time").asLong()).isEqualTo(17300000000L);
        assertThat(legacy.has("driver")).isFalse();
        JsonNode standard = call(jnova, "GET", diag, null, "2.48", 200);
        assertThat(standard.path("state").asText()).isEqualTo("running");
        assertThat(standard.path("num_nics").asInt()).isEqualTo(1);
        assertThat(standard.path("memory_details").path("maximum").asInt()).isEqualTo(524288);
        call(jnova, "GET", diag, null, "2.96", 200);
        call(jnova, "POST", "/servers/" + server + "/action", "{\"os-stop\": null}", "2.1", 202);
        waitFor(jnova, server, "SHUTOFF");
        assertThat(message(call(jnova, "GET", diag, null, "2.96", 409))).isEqualTo("Cannot 'get_diagnostics' "
                + "instance " + server + " while it is in power state shutdown");
    }

    @EachEngine
    void externalEventsAnswerPerEvent(String engine) throws Exception {
        JnovaTestServer jnova = SERVERS.get(engine);
        String server = boot(jnova, "events");
        String missing = "00000000-0000-0000-0000-000000000001";
        JsonNode ok = call(jnova, "POST", "/os-server-external-events", "{\"events\": [{\"name\": "
                + "\"network-changed\", \"server_uuid\": \"" + server + "\", \"tag\": \"port\"}]}", "2.1", 200);
        assertThat(ok.path("events").get(0).path("code").asInt()).isEqualTo(200);
        assertThat(ok.path("events").get(0).path("status").asText()).isEqualTo("completed");
        assertThat(ok.path("events").get(0).path("tag").asText()).isEqualTo("port");

        JsonNode mixed = call(jnova, "POST", "/os-server-external-events", "{\"events\": [{\"name\": "
                + "\"volume-extended\", \"server_uuid\": \"" + server + "\", \"tag\": \"vol\"}, {\"name\": "
                + "\"power-update\", \"server_uuid\": \"" + server + "\"}, {\"name\": \"network-vif-plugged\", "
                + "\"server_uuid\": \"" + missing + "\"}]}", "2.76", 207);
        assertThat(mixed.path("events").findValues("code").stream().map(JsonNode::asInt).toList())
                .containsExactly(200, 400, 404);
        JsonNode none = call(jnova, "POST", "/os-server-external-events", "{\"events\": [{\"name\": "
                + "\"network-changed\", \"server_uuid\": \"" + missing + "\"}]}", "2.96", 207);
        assertThat(none.path("events").get(0).path("status").asText()).isEqualTo("failed");

        call(jnova, "POST", "/os-server-external-events", "{\"events\": [{\"name\": \"power-update\", "
                + "\"server_uuid\": \"" + server + "\", \"tag\": \"POWER_OFF\"}]}", "2.96", 200);
        JsonNode actions = call(jnova, "GET", "/servers/" + server + "/os-instance-actions", null, "2.1", 200)
                .get("instanceActions");
        List<String> names = new ArrayList<>();
        actions.forEach(a -> names.add(a.path("action").asText()));
        // as nova with its fake driver: the stop is recorded, fails on the host, the server stays up
        assertThat(names).containsSubsequence("stop", "extend_volume");
        assertThat(actions.get(0).path("message").asText()).isEqualTo("Error");
        assertThat(jnova.call("GET", "/servers/" + server, null, "2.1").json().path("server").path("status")
                .asText()).isEqualTo("ACTIVE");

        String hostless = boot(jnova, "hostless");
        jnova.cloud().instances().update(hostless, new InstanceUpdate().host(null));
        JsonNode unplaced = call(jnova, "POST", "/os-server-external-events", "{\"events\": [{\"name\": "
                + "\"network-vif-deleted\", \"server_uuid\": \"" + hostless + "\"}]}", "2.51", 207);
        assertThat(unplaced.path("events").get(0).path("code").asInt()).isEqualTo(422);
        assertThat(message(call(jnova, "GET", "/servers/" + hostless + "/diagnostics", null, "2.48", 409)))
                .isEqualTo("Instance " + hostless + " is not ready");

        assertThat(message(call(jnova, "POST", "/os-server-external-events", "{\"events\": [{\"name\": "
                + "\"volume-extended\", \"server_uuid\": \"" + missing + "\"}]}", "2.50", 400)))
                .isEqualTo("Invalid input for field/attribute name. Value: volume-extended. 'volume-extended' is not "
                        + "one of ['network-changed', 'network-vif-plugged', 'network-vif-unplugged', "
                        + "'network-vif-deleted']");
        assertThat(message(call(jnova, "POST", "/os-server-external-events", "{\"events\": [{\"name\": "
                + "\"power-update\", \"server_uuid\": \"x\"}]}", "2.93", 400)))
                .isEqualTo("Invalid input for field/attribute server_uuid. Value: x. 'x' is not a 'uuid'");
        assertThat(message(call(jnova, "POST", "/os-server-external-events", "{\"events\": [{\"name\": "
                + "\"network-changed\", \"server_uuid\": \"" + server + "\", \"extra\": 1}]}", "2.1", 400)))
                .isEqualTo("Invalid input for field/attribute 0. Value: {'name': 'network-changed', 'server_uuid': '"
                        + server + "', 'extra': 1}. Additional properties are not allowed ('extra' was unexpected)");
        assertThat(message(call(jnova, "POST", "/os-server-external-events", "{\"events\": [{\"name\": "
                + "\"network-changed\", \"server_uuid\": \"" + server + "\", \"status\": \"bogus\"}]}", "2.1",
                400))).isEqualTo("Invalid input for field/attribute status. Value: bogus. 'bogus' is not one of "
                        + "['failed', 'completed', 'in-progress']");
        assertThat(message(call(jnova, "POST", "/os-server-external-events", "{\"events\": []}", "2.93", 400)))
                .isEqualTo("Invalid input for field/attribute events. Value: []. [] is too short");
    }

    private static List<Integer> ids(JsonNode migrations) {
        List<Integer> ids = new ArrayList<>();
        migrations.forEach(m -> ids.add(m.path("id").asInt()));
        return ids;
    }

    private static String boot(JnovaTestServer jnova, String name) throws Exception {
        JsonNode created = call(jnova, "POST", "/servers", "{\"server\": {\"name\": \"" + name + "\", \"imageRef\": \""
                + SeedData.CIRROS_IMAGE_ID + "\", \"flavorRef\": \"1\"}}", "2.1", 202);
        String id = created.path("server").path("id").asText();
        waitFor(jnova, id, "ACTIVE");
        return id;
    }

    private static void waitFor(JnovaTestServer jnova, String id, String status) throws Exception {
        Instant end = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(end)) {
            if (status.equals(jnova.call("GET", "/servers/" + id, null, "2.1").json().path("server").path("status")
                    .asText())) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("server " + id + " never became " + status);
    }
}
