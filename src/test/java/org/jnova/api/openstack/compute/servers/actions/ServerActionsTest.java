package org.jnova.api.openstack.compute.servers.actions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jnova.api.openstack.compute.servers.actions.ServerActionsTestSupport.VERSIONS;
import static org.jnova.api.openstack.compute.servers.actions.ServerActionsTestSupport.action;
import static org.jnova.api.openstack.compute.servers.actions.ServerActionsTestSupport.admin;
import static org.jnova.api.openstack.compute.servers.actions.ServerActionsTestSupport.await;
import static org.jnova.api.openstack.compute.servers.actions.ServerActionsTestSupport.jnova;
import static org.jnova.api.openstack.compute.servers.actions.ServerActionsTestSupport.requestId;
import static org.jnova.api.openstack.compute.servers.actions.ServerActionsTestSupport.serverIn;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.jnova.api.openstack.ApiVersionRequest;
import org.jnova.context.RequestContext;
import org.jnova.db.TestDatabases;
import org.jnova.objects.InstanceAction;
import org.jnova.testing.JnovaTestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every implemented action key, table-driven, through the socket: the answer, the task state
 * held while the fake driver works, the final vm_state, the instance action and its event,
 * and nova's 409 from a state the action does not accept — at 2.1, 2.45 and 2.96.
 */
class ServerActionsTest {
    /** Servers left in a refused source state, shared by the cases (a refusal changes nothing). */
    private static final Map<String, String> REFUSED_SERVERS = new ConcurrentHashMap<>();

    /**
     * One action: body, source state, the microversion it starts at, the success status, the
     * task state that must be seen while it runs, the final vm_state ("deleted": gone), the
     * instance action and compute event recorded, and a source state it refuses.
     */
    record Case(String name, String body, String from, String minVersion, int status, String heldTask,
            String finalVm, String action, String event, String refusedFrom, String conflictName) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final List<Case> CASES = List.of(
            new Case("reboot SOFT", "{\"reboot\": {\"type\": \"SOFT\"}}", "active", "2.1", 202, "reboot_started",
                    "active", "reboot", "compute_reboot_instance", "stopped", "reboot"),
            new Case("reboot HARD", "{\"reboot\": {\"type\": \"hard\"}}", "stopped", "2.1", 202,
                    "reboot_started_hard", "active", "reboot", "compute_reboot_instance", "soft-delete", "reboot"),
            new Case("os-stop", "{\"os-stop\": null}", "active", "2.1", 202, "powering-off", "stopped", "stop",
                    "compute_stop_instance", "stopped", "stop"),
            new Case("os-start", "{\"os-start\": null}", "stopped", "2.1", 202, "powering-on", "active", "start",
                    "compute_start_instance", "active", "start"),
            new Case("pause", "{\"pause\": null}", "active", "2.1", 202, "pausing", "paused", "pause",
                    "compute_pause_instance", "stopped", "pause"),
            new Case("unpause", "{\"unpause\": null}", "paused", "2.1", 202, "unpausing", "active", "unpause",
                    "compute_unpause_instance", "active", "unpause"),
            new Case("suspend", "{\"suspend\": null}", "active", "2.1", 202, "suspending", "suspended", "suspend",
                    "compute_suspend_instance", "paused", "suspend"),
            new Case("resume", "{\"resume\": null}", "suspended", "2.1", 202, "resuming", "active", "resume",
                    "compute_resume_instance", "active", "resume"),
            new Case("rescue", "{\"rescue\": {\"adminPass\": \"Secret-1\"}}", "active", "2.1", 200, "rescuing",
                    "rescued", "rescue", "compute_rescue_instance", "paused", "rescue"),
            new Case("unrescue", "{\"unrescue\": null}", "rescued", "2.1", 202, "unrescuing", "active", "unrescue",
                    "compute_unrescue_instance", "active", "unrescue"),
            new Case("changePassword", "{\"changePassword\": {\"adminPass\": \"n3w\"}}", "active", "2.1", 202,
                    "updating_password", "active", "changePassword", "compute_set_admin_password", "stopped",
                    "changePassword"),
            new Case("createImage", "{\"createImage\": {\"name\": \"snap\", \"metadata\": {\"k\": \"v\"}}}", "active",
                    "2.1", 202, "image_uploading", "active", "createImage", "compute_snapshot_instance", "rescued",
                    "createImage"),
            new Case("createBackup", "{\"createBackup\": {\"name\": \"bk\", \"backup_type\": \"daily\", "
                    + "\"rotation\": 1}}", "active", "2.1", 202, "image_uploading", "active", "createBackup",
                    "compute_backup_instance", "rescued", "createBackup"),
            new Case("trigger_crash_dump", "{\"trigger_crash_dump\": null}", "active", "2.17", 202, null, "active",
                    "trigger_crash_dump", "compute_trigger_crash_dump", "stopped", "trigger_crash_dump"),
            new Case("os-resetState", "{\"os-resetState\": {\"state\": \"error\"}}", "active", "2.1", 202, null,
                    "error", "resetState", null, null, null),
            new Case("lock", "{\"lock\": null}", "active", "2.1", 202, null, "active", "lock", "api_lock", null,
                    null),
            new Case("unlock", "{\"unlock\": null}", "active", "2.1", 202, null, "active", "unlock", "api_unlock",
                    null, null),
            new Case("injectNetworkInfo", "{\"injectNetworkInfo\": null}", "active", "2.1", 202, null, "active", null,
                    null, null, null),
            new Case("forceDelete", "{\"forceDelete\": null}", "active", "2.1", 202, "deleting", "deleted", "delete",
                    "compute_terminate_instance", null, null),
            new Case("restore", "{\"restore\": null}", "soft-delete", "2.1", 202, "restoring", "active", "restore",
                    "compute_restore_instance", "active", "restore"),
            new Case("shelve", "{\"shelve\": null}", "active", "2.1", 202, "shelving_image_uploading",
                    "shelved_offloaded", "shelve", "compute_shelve_instance", "rescued", "shelve"),
            new Case("unshelve", "{\"unshelve\": null}", "shelved_offloaded", "2.1", 202, "spawning", "active",
                    "unshelve", "compute_unshelve_instance", "active", "unshelve"),
            new Case("resize", "{\"resize\": {\"flavorRef\": \"2\"}}", "active", "2.1", 202, "resize_migrating",
                    "resized", "resize", "compute_finish_resize", "paused", "resize"),
            new Case("confirmResize", "{\"confirmResize\": null}", "resized", "2.1", 204, null, "active",
                    "confirmResize", "compute_confirm_resize", "active", "confirmResize"),
            new Case("revertResize", "{\"revertResize\": null}", "resized", "2.1", 202, "resize_reverting", "active",
                    "revertResize", "compute_finish_revert_resize", "active", "revertResize"),
            new Case("migrate", "{\"migrate\": null}", "active", "2.1", 202, "resize_migrating", "resized",
                    "migrate", "compute_finish_resize", "paused", "migrate"),
            new Case("rebuild", "{\"rebuild\": {\"imageRef\": \"155d900f-4e14-4e4c-a73d-069cbf4541e6\", "
                    + "\"name\": \"rebuilt\", \"metadata\": {\"a\": \"b\"}}}", "active", "2.1", 202,
                    "rebuild_spawning", "active", "rebuild", "compute_rebuild_instance", "paused", "rebuild"));

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (String engine : TestDatabases.engines()) {
            for (Case c : CASES) {
                for (String version : VERSIONS) {
                    String v = ApiVersionRequest.of(version).compareTo(ApiVersionRequest.of(c.minVersion())) < 0
                            ? c.minVersion() : version;
                    out.add(Arguments.of(engine, c, v));
                }
            }
        }
        return out.stream();
    }

    @AfterAll
    static void stop() throws Exception {
        ServerActionsTestSupport.closeAll();
        REFUSED_SERVERS.clear();
    }

    @ParameterizedTest(name = "{0} {1} at {2}")
    @MethodSource("cases")
    void actionRunsFromItsSourceStateToItsFinalState(String engine, Case c, String version) throws Exception {
        JnovaTestServer jnova = jnova(engine);
        RequestContext ctx = admin();
        String uuid = serverIn(jnova, ctx, c.from());

        JnovaTestServer.Reply r = action(jnova, uuid, c.body(), version);

        assertThat(r.status()).as(r.body()).isEqualTo(c.status());
        var watch = await(jnova, uuid, "deleted".equals(c.finalVm()) ? i -> i.deleted()
                : ServerActionsTestSupport.settled(c.finalVm()));
        if (c.heldTask() != null) {
            assertThat(watch.taskStates()).as("task states seen").contains(c.heldTask());
        } else {
            assertThat(watch.taskStates()).as("task states seen").containsOnlyNulls();
        }
        if (c.action() == null) {
            assertThat(jnova.cloud().instanceActions().list(ctx, uuid, null, null)).extracting(InstanceAction::action)
                    .containsExactly("create");
        } else {
            InstanceAction recorded = awaitEvent(jnova, ctx, uuid, requestId(r), c.event());
            assertThat(recorded.action()).isEqualTo(c.action());
            assertThat(recorded.userId()).isEqualTo("admin");
            if (c.event() == null) {
                assertThat(recorded.events()).isEmpty();
            } else {
                assertThat(recorded.events()).extracting(InstanceAction.InstanceActionEvent::event)
                        .contains(c.event());
                assertThat(recorded.events()).allSatisfy(e -> assertThat(e.result()).isEqualTo("Success"));
                assertThat(recorded.message()).isNull();
            }
        }
        checkBody(jnova, c, version, r);
        if (!watch.last().deleted()) {
            jnova.cloud().servers().forceDelete(ctx, uuid);
        }
    }

    private static void checkBody(JnovaTestServer jnova, Case c, String version, JnovaTestServer.Reply r) {
        boolean imageAction = c.name().equals("createImage") || c.name().equals("createBackup");
        if (imageAction && ApiVersionRequest.of(version).compareTo(ApiVersionRequest.of("2.45")) >= 0) {
            String imageId = r.json().get("image_id").asText();
            assertThat(r.header("Location")).isNull();
            assertThat(jnova.cloud().images().get(imageId)).get().satisfies(image -> {
                assertThat(image.status()).isEqualTo("active");
                assertThat(image.properties()).containsEntry("image_type",
                        c.name().equals("createImage") ? "snapshot" : "backup");
            });
        } else if (imageAction) {
            assertThat(r.body()).isEmpty();
            assertThat(r.header("Location")).startsWith(jnova.computeUrl() + "/images/");
        } else if (c.name().equals("rebuild")) {
            var server = r.json().get("server");
            assertThat(server.get("status").asText()).isEqualTo("REBUILD");
            assertThat(server.get("name").asText()).isEqualTo("rebuilt");
            assertThat(server.get("metadata").get("a").asText()).isEqualTo("b");
            assertThat(server.get("adminPass").asText()).hasSize(12);
        } else if (c.name().equals("rescue")) {
            assertThat(r.json().get("adminPass").asText()).isEqualTo("Secret-1");
        } else {
            assertThat(r.body()).isEmpty();
        }
    }

    static Stream<Arguments> refusals() {
        List<Arguments> out = new ArrayList<>();
        for (String engine : TestDatabases.engines()) {
            for (Case c : CASES) {
                if (c.refusedFrom() != null) {
                    for (String version : VERSIONS) {
                        String v = ApiVersionRequest.of(version).compareTo(ApiVersionRequest.of(c.minVersion())) < 0
                                ? c.minVersion() : version;
                        out.add(Arguments.of(engine, c, v));
                    }
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1} refused at {2}")
    @MethodSource("refusals")
    void actionIsRefusedInAStateNovaRefuses(String engine, Case c, String version) throws Exception {
        JnovaTestServer jnova = jnova(engine);
        String uuid = REFUSED_SERVERS.computeIfAbsent(engine + "/" + c.refusedFrom(), k -> {
            try {
                return serverIn(jnova, admin(), c.refusedFrom());
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        int actionsBefore = jnova.cloud().instanceActions().list(admin(), uuid, null, null).size();

        JnovaTestServer.Reply r = action(jnova, uuid, c.body(), version);

        assertThat(r.status()).isEqualTo(409);
        assertThat(r.json().at("/conflictingRequest/message").asText()).isEqualTo("Cannot '" + c.conflictName()
                + "' instance " + uuid + " while it is in vm_state " + c.refusedFrom());
        var now = jnova.cloud().instances().get(uuid, false).orElseThrow();
        assertThat(now.vmState()).isEqualTo(c.refusedFrom());
        assertThat(now.taskState()).isNull();
        assertThat(jnova.cloud().instanceActions().list(admin(), uuid, null, null)).hasSize(actionsBefore);
    }

    private static InstanceAction awaitEvent(JnovaTestServer jnova, RequestContext ctx, String uuid, String requestId,
            String event) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        InstanceAction last = null;
        while (System.nanoTime() < deadline) {
            last = jnova.cloud().instanceActions().get(ctx, uuid, requestId);
            Optional<InstanceAction.InstanceActionEvent> e = last.events().stream()
                    .filter(x -> x.event().equals(event)).findFirst();
            if (event == null || e.isPresent() && e.get().finishTime() != null) {
                return jnova.cloud().instanceActions().get(ctx, uuid, requestId);
            }
            Thread.sleep(10);
        }
        throw new AssertionError("event " + event + " never finished: " + last);
    }
}
