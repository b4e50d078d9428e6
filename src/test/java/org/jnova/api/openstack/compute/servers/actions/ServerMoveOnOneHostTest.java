package org.jnova.api.openstack.compute.servers.actions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jnova.api.openstack.compute.servers.actions.ServerActionsTestSupport.VERSIONS;
import static org.jnova.api.openstack.compute.servers.actions.ServerActionsTestSupport.action;
import static org.jnova.api.openstack.compute.servers.actions.ServerActionsTestSupport.activeServer;
import static org.jnova.api.openstack.compute.servers.actions.ServerActionsTestSupport.admin;
import static org.jnova.api.openstack.compute.servers.actions.ServerActionsTestSupport.await;
import static org.jnova.api.openstack.compute.servers.actions.ServerActionsTestSupport.requestId;
import static org.jnova.api.openstack.compute.servers.actions.ServerActionsTestSupport.settled;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jnova.conductor.ComputeTaskManager;
import org.jnova.objects.Instance;
import org.jnova.objects.InstanceAction;
import org.jnova.testing.JnovaTestServer;
import org.jnova.testing.OpenApiConformance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * nova's answers on a single compute host with allow_resize_to_same_host off (nova's
 * default): resize and migrate are accepted, then the server goes back to its state with a
 * NoValidHost fault and failed conductor events; resize input errors; unshelve's zone and
 * host (2.77, 2.91).
 */
class ServerMoveOnOneHostTest {
    private static final Map<String, JnovaTestServer> SERVERS = new ConcurrentHashMap<>();

    static List<String> engines() {
        return org.jnova.db.TestDatabases.engines();
    }

    static JnovaTestServer jnova(String engine) {
        OpenApiConformance.get();
        return SERVERS.computeIfAbsent(engine, e -> {
            try {
                return JnovaTestServer.start(e, "[DEFAULT]", "allow_resize_to_same_host = False",
                        "[jnova_compute]", "fake_spawn_delay_ms = 50", "fake_action_delay_ms = 50");
            } catch (Exception failure) {
                throw new IllegalStateException(failure);
            }
        });
    }

    @AfterAll
    static void stop() throws Exception {
        for (JnovaTestServer server : SERVERS.values()) {
            server.close();
        }
        SERVERS.clear();
    }

    @ParameterizedTest
    @MethodSource("engines")
    void resizeAndMigrateFindNoOtherHost(String engine) throws Exception {
        JnovaTestServer jnova = jnova(engine);
        String uuid = activeServer(jnova, admin());
        for (String version : VERSIONS) {
            for (String body : List.of("{\"resize\": {\"flavorRef\": \"2\"}}", "{\"migrate\": null}")) {
                JnovaTestServer.Reply r = action(jnova, uuid, body, version);
                assertThat(r.status()).isEqualTo(202);
                Instance back = await(jnova, uuid, settled("active")).last();
                assertThat(back.flavor().flavorId()).isEqualTo("1");
                assertThat(back.host()).isNotNull();
                assertThat(back.fault()).get().satisfies(f -> assertThat(f.message())
                        .isEqualTo(ComputeTaskManager.NO_VALID_HOST));
                InstanceAction a = awaitFinished(jnova, uuid, requestId(r), "conductor_migrate_server");
                assertThat(a.action()).isEqualTo(body.contains("resize") ? "resize" : "migrate");
                assertThat(a.message()).isEqualTo("Error");
                assertThat(a.events()).extracting(InstanceAction.InstanceActionEvent::event)
                        .containsExactlyInAnyOrder("conductor_migrate_server", "cold_migrate");
                assertThat(a.events()).allSatisfy(e -> assertThat(e.result()).isEqualTo("Error"));
                assertThat(jnova.cloud().migrations().latest(uuid)).get().satisfies(m -> {
                    assertThat(m.status()).isEqualTo("error");
                    assertThat(m.migrationType()).isEqualTo(body.contains("resize") ? "resize" : "migration");
                    assertThat(m.sourceCompute()).isEqualTo(back.host());
                    assertThat(m.destCompute()).isNull();
                });
            }
        }
    }

    @ParameterizedTest
    @MethodSource("engines")
    void resizeInputErrors(String engine) throws Exception {
        JnovaTestServer jnova = jnova(engine);
        String uuid = activeServer(jnova, admin());
        for (String version : VERSIONS) {
            JnovaTestServer.Reply same = action(jnova, uuid, "{\"resize\": {\"flavorRef\": \"1\"}}", version);
            assertThat(same.status()).isEqualTo(400);
            assertThat(same.json().at("/badRequest/message").asText())
                    .isEqualTo("When resizing, instances must change flavor!");
            JnovaTestServer.Reply unknown = action(jnova, uuid, "{\"resize\": {\"flavorRef\": \"404\"}}", version);
            assertThat(unknown.status()).isEqualTo(400);
            assertThat(unknown.json().at("/badRequest/message").asText()).isEqualTo("Flavor 404 could not be found.");
            JnovaTestServer.Reply missing = action(jnova, uuid, "{\"resize\": {}}", version);
            assertThat(missing.status()).isEqualTo(400);
            JnovaTestServer.Reply notResized = action(jnova, uuid, "{\"confirmResize\": null}", version);
            assertThat(notResized.status()).isEqualTo(409);
            assertThat(notResized.json().at("/conflictingRequest/message").asText())
                    .isEqualTo("Cannot 'confirmResize' instance " + uuid + " while it is in vm_state active");
        }
        JnovaTestServer.Reply self = action(jnova, uuid, "{\"migrate\": {\"host\": \""
                + jnova.cloud().instances().get(uuid, false).orElseThrow().host() + "\"}}", "2.56");
        assertThat(self.status()).isEqualTo(400);
        assertThat(self.json().at("/badRequest/message").asText())
                .isEqualTo("Cannot migrate to the host where the server exists.");
        JnovaTestServer.Reply nowhere = action(jnova, uuid, "{\"migrate\": {\"host\": \"nowhere\"}}", "2.56");
        assertThat(nowhere.status()).isEqualTo(400);
        assertThat(nowhere.json().at("/badRequest/message").asText())
                .isEqualTo("Compute host nowhere could not be found.");
    }

    @ParameterizedTest
    @MethodSource("engines")
    void unshelveToZoneAndHost(String engine) throws Exception {
        JnovaTestServer jnova = jnova(engine);
        String uuid = activeServer(jnova, admin());
        jnova.cloud().shelve().shelve(admin(), uuid);
        Instance offloaded = await(jnova, uuid, settled("shelved_offloaded")).last();
        assertThat(offloaded.host()).isNull();
        assertThat(offloaded.systemMetadata()).containsKey("shelved_image_id");
        String image = offloaded.systemMetadata().get("shelved_image_id");
        assertThat(jnova.cloud().images().get(image)).get().extracting(i -> i.status()).isEqualTo("active");

        JnovaTestServer.Reply badZone = action(jnova, uuid, "{\"unshelve\": {\"availability_zone\": \"mars\"}}",
                "2.77");
        assertThat(badZone.status()).isEqualTo(400);
        assertThat(badZone.json().at("/badRequest/message").asText())
                .isEqualTo("The requested availability zone is not available");
        JnovaTestServer.Reply badHost = action(jnova, uuid, "{\"unshelve\": {\"host\": \"mars\"}}", "2.91");
        assertThat(badHost.status()).isEqualTo(400);
        assertThat(badHost.json().at("/badRequest/message").asText()).isEqualTo("Compute host mars could not be found.");
        JnovaTestServer.Reply hostAsUser = action(jnova, uuid, "{\"unshelve\": {\"host\": \"x\"}}", "2.91",
                "member:admin");
        assertThat(hostAsUser.status()).isEqualTo(403);
        assertThat(hostAsUser.json().at("/forbidden/message").asText())
                .isEqualTo("Policy doesn't allow os_compute_api:os-shelve:unshelve_to_host to be performed.");
        JnovaTestServer.Reply hostTooEarly = action(jnova, uuid, "{\"unshelve\": {\"host\": \"x\"}}", "2.90");
        assertThat(hostTooEarly.status()).isEqualTo(400);

        String host = jnova.cloud().nodes().list().get(0).host();
        JnovaTestServer.Reply r = action(jnova, uuid, "{\"unshelve\": {\"availability_zone\": \"nova\", \"host\": \""
                + host + "\"}}", "2.96");
        assertThat(r.status()).isEqualTo(202);
        Instance back = await(jnova, uuid, settled("active")).last();
        assertThat(back.host()).isEqualTo(host);
        assertThat(back.systemMetadata()).doesNotContainKey("shelved_image_id");
        assertThat(jnova.cloud().images().get(image)).isEmpty();

        JnovaTestServer.Reply active = action(jnova, uuid, "{\"unshelve\": null}", "2.96");
        assertThat(active.status()).isEqualTo(409);
        assertThat(active.json().at("/conflictingRequest/message").asText())
                .isEqualTo("Cannot 'unshelve' instance " + uuid + " while it is in vm_state active");
    }

    @ParameterizedTest
    @MethodSource("engines")
    void liveMigrationAndEvacuationNeedAnotherHost(String engine) throws Exception {
        JnovaTestServer jnova = jnova(engine);
        String uuid = activeServer(jnova, admin());
        String host = jnova.cloud().instances().get(uuid, false).orElseThrow().host();

        JnovaTestServer.Reply sync = action(jnova, uuid, "{\"os-migrateLive\": {\"host\": null, "
                + "\"block_migration\": false, \"disk_over_commit\": false}}", "2.1");
        assertThat(sync.status()).isEqualTo(400);
        assertThat(sync.json().at("/badRequest/message").asText()).isEqualTo(ComputeTaskManager.NO_VALID_HOST);
        Instance after = jnova.cloud().instances().get(uuid, false).orElseThrow();
        assertThat(after.vmState()).isEqualTo("active");
        assertThat(after.taskState()).isNull();
        assertThat(jnova.cloud().instanceActions().get(admin(), uuid, requestId(sync)).action())
                .isEqualTo("live-migration");

        JnovaTestServer.Reply toSelf = action(jnova, uuid, "{\"os-migrateLive\": {\"host\": \"" + host
                + "\", \"block_migration\": \"auto\"}}", "2.30");
        assertThat(toSelf.status()).isEqualTo(400);
        JnovaTestServer.Reply async = action(jnova, uuid, "{\"os-migrateLive\": {\"host\": null, "
                + "\"block_migration\": \"auto\"}}", "2.96");
        assertThat(async.status()).isEqualTo(202);
        InstanceAction a = awaitFinished(jnova, uuid, requestId(async), "conductor_live_migrate_instance");
        assertThat(a.message()).isEqualTo("Error");
        await(jnova, uuid, settled("active"));
        JnovaTestServer.Reply oldSchema = action(jnova, uuid, "{\"os-migrateLive\": {\"host\": null, "
                + "\"block_migration\": \"auto\"}}", "2.1");
        assertThat(oldSchema.status()).isEqualTo(400);

        for (String[] call : List.of(new String[] {"{\"evacuate\": {\"onSharedStorage\": false}}", "2.1"},
                new String[] {"{\"evacuate\": {}}", "2.45"}, new String[] {"{\"evacuate\": {}}", "2.96"})) {
            JnovaTestServer.Reply r = action(jnova, uuid, call[0], call[1]);
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.json().at("/badRequest/message").asText())
                    .isEqualTo("Compute service of " + host + " is still in use.");
        }
        JnovaTestServer.Reply same = action(jnova, uuid, "{\"evacuate\": {\"host\": \"" + host + "\"}}", "2.96");
        assertThat(same.status()).isEqualTo(400);
        assertThat(same.json().at("/badRequest/message").asText()).isEqualTo("The target host can't be the same one.");
        JnovaTestServer.Reply unknown = action(jnova, uuid, "{\"evacuate\": {\"host\": \"mars\"}}", "2.96");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().at("/itemNotFound/message").asText()).isEqualTo("Compute host mars not found.");
    }

    private static InstanceAction awaitFinished(JnovaTestServer jnova, String uuid, String requestId, String event)
            throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        InstanceAction a = null;
        while (System.nanoTime() < deadline) {
            a = jnova.cloud().instanceActions().get(admin(), uuid, requestId);
            if (a.events().stream().anyMatch(e -> e.event().equals(event) && e.finishTime() != null)) {
                // read again: the action row may have been read before the event's transaction committed
                return jnova.cloud().instanceActions().get(admin(), uuid, requestId);
            }
            Thread.sleep(10);
        }
        throw new AssertionError("event " + event + " never finished: " + a);
    }
}
