package org.jnova.api.openstack.compute.servers.actions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.jnova.compute.SeedData;
import org.jnova.compute.ServerCreate;
import org.jnova.context.RequestContext;
import org.jnova.objects.Instance;
import org.jnova.testing.JnovaTestServer;
import org.jnova.testing.OpenApiConformance;

/**
 * One all-in-one jnova per engine (fake driver with delays, so task states can be seen),
 * servers made through the backend and brought into a source state, action calls through
 * the socket with every JSON answer checked against the OpenAPI description.
 */
final class ServerActionsTestSupport {
    static final String ACTION_PATH = "/v2.1/servers/{id}/action";
    static final List<String> VERSIONS = List.of("2.1", "2.45", "2.96");
    private static final Map<String, JnovaTestServer> SERVERS = new ConcurrentHashMap<>();

    private ServerActionsTestSupport() {
    }

    static JnovaTestServer jnova(String engine) {
        OpenApiConformance.get(); // loaded before any timing-sensitive call
        return SERVERS.computeIfAbsent(engine, e -> {
            try {
                return JnovaTestServer.start(e, "[DEFAULT]", "reclaim_instance_interval = 3600", "[quota]", "instances = -1", "cores = -1", "ram = -1",
                        "[jnova_compute]",
                        "fake_spawn_delay_ms = 150", "fake_action_delay_ms = 250", "fake_destroy_delay_ms = 200", "fake_memory_mb = 10000000",
                        "fake_vcpus = 100000", "fake_local_gb = 1000000");
            } catch (Exception failure) {
                throw new IllegalStateException(failure);
            }
        });
    }

    static void closeAll() throws Exception {
        for (JnovaTestServer server : SERVERS.values()) {
            server.close();
        }
        SERVERS.clear();
    }

    static RequestContext admin() {
        return RequestContext.project("admin", "admin", List.of("admin"), true, "req-" + UUID.randomUUID());
    }

    static RequestContext user(String name) {
        return RequestContext.project(name, name, List.of("member"), false, "req-" + UUID.randomUUID());
    }

    /** What a server went through until a condition held. */
    record Watch(Instance last, List<String> vmStates, List<String> taskStates) {
    }

    /** Polls the server every few milliseconds, recording each vm_state and task_state seen. */
    static Watch await(JnovaTestServer jnova, String uuid, Predicate<Instance> done) throws InterruptedException {
        List<String> vm = new ArrayList<>();
        List<String> task = new ArrayList<>();
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (System.nanoTime() < deadline) {
            Instance i = jnova.cloud().instances().get(uuid, true).orElseThrow();
            if (vm.isEmpty() || !Objects.equals(vm.get(vm.size() - 1), i.vmState())) {
                vm.add(i.vmState());
            }
            if (task.isEmpty() || !Objects.equals(task.get(task.size() - 1), i.taskState())) {
                task.add(i.taskState());
            }
            if (done.test(i)) {
                return new Watch(i, vm, task);
            }
            Thread.sleep(10);
        }
        throw new AssertionError("server " + uuid + " never got there; vm states " + vm + ", task states " + task);
    }

    static Predicate<Instance> settled(String vmState) {
        return i -> vmState.equals(i.vmState()) && i.taskState() == null;
    }

    /** A new ACTIVE server of the context's project; BUILD must have been seen on the way. */
    static String activeServer(JnovaTestServer jnova, RequestContext ctx) throws InterruptedException {
        String uuid = jnova.cloud().servers().create(ctx, ServerCreate.of("act-" + UUID.randomUUID().toString()
                .substring(0, 6), SeedData.CIRROS_IMAGE_ID, "1")).instances().get(0).uuid();
        Watch w = await(jnova, uuid, settled("active"));
        assertThat(w.vmStates()).startsWith("building").endsWith("active");
        return uuid;
    }

    /** Brings a new server into a source state through the backend. */
    static String serverIn(JnovaTestServer jnova, RequestContext ctx, String state) throws InterruptedException {
        String uuid = activeServer(jnova, ctx);
        var servers = jnova.cloud().servers();
        var actions = jnova.cloud().serverActions();
        switch (state) {
            case "active" -> {
                return uuid;
            }
            case "stopped" -> servers.stop(ctx, uuid);
            case "paused" -> actions.pause(ctx, uuid);
            case "suspended" -> actions.suspend(ctx, uuid);
            case "rescued" -> actions.rescue(ctx, uuid, "pw", null);
            case "soft-delete" -> servers.delete(ctx, uuid);
            case "error" -> actions.resetState(ctx, uuid, "error");
            case "shelved_offloaded" -> jnova.cloud().shelve().shelve(ctx, uuid);
            case "resized" -> jnova.cloud().resize().resize(ctx, uuid, "2");
            default -> throw new IllegalArgumentException(state);
        }
        await(jnova, uuid, settled(state));
        return uuid;
    }

    /** POST /servers/{id}/action, checking the answer against the OpenAPI description. */
    static JnovaTestServer.Reply action(JnovaTestServer jnova, String uuid, String body, String version, String token)
            throws Exception {
        JnovaTestServer.Reply r = jnova.call("POST", "/servers/" + uuid + "/action", body, version, token);
        JsonNode json = r.body().isEmpty() ? null : r.json();
        // the OpenAPI file lists every action body under 201 although nova answers createImage /
        // createBackup with 202 and rescue / console output with 200
        int documented = r.status() < 300 && json != null ? 201 : r.status();
        OpenApiConformance.get().assertConforms("POST", ACTION_PATH, documented, version, json);
        return r;
    }

    static JnovaTestServer.Reply action(JnovaTestServer jnova, String uuid, String body, String version)
            throws Exception {
        return action(jnova, uuid, body, version, "admin:admin");
    }

    static String requestId(JnovaTestServer.Reply r) {
        return r.header("x-openstack-request-id");
    }
}
