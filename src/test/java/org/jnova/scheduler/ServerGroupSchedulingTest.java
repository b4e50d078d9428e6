package org.jnova.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jnova.compute.manager.ComputeManager;
import org.jnova.conductor.ComputeTaskManager;
import org.jnova.compute.SeedData;
import org.jnova.compute.ServerCreate;
import org.jnova.context.RequestContext;
import org.jnova.objects.Instance;
import org.jnova.testing.EachEngine;
import org.jnova.testing.JnovaTestServer;

/**
 * Server group policies honoured by the scheduler, over a real socket: the all-in-one's
 * compute host "host1" plus a second compute service "host2" started in this process.
 */
class ServerGroupSchedulingTest {
    private static final String NO_VALID_HOST = ComputeTaskManager.NO_VALID_HOST;

    /** The all-in-one on host1 with host2 beside it; allow_resize_to_same_host off as nova's default. */
    private record TwoHosts(JnovaTestServer jnova, ComputeManager host2) implements AutoCloseable {
        static TwoHosts start(String engine, String... extraConf) throws Exception {
            List<String> conf = new ArrayList<>(List.of("[DEFAULT]", "host = host1",
                    "allow_resize_to_same_host = False", "[jnova_compute]", "fake_memory_mb = 1000000",
                    "fake_action_delay_ms = 0"));
            conf.addAll(List.of(extraConf));
            JnovaTestServer jnova = JnovaTestServer.start(engine, conf.toArray(String[]::new));
            ComputeManager host2 = jnova.cloud().computeManager("host2", jnova.cloud().fakeDriver());
            host2.start();
            return new TwoHosts(jnova, host2);
        }

        @Override
        public void close() throws Exception {
            host2.stop();
            jnova.close();
        }
    }

    @EachEngine
    void antiAffinityPutsTheThirdServerInErrorWithNovasFault(String engine) throws Exception {
        try (TwoHosts cloud = TwoHosts.start(engine)) {
            String group = group(cloud.jnova, "anti-affinity", null, "2.1");
            List<Instance> placed = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                placed.add(settled(cloud.jnova, create(cloud.jnova, group, 1, "2.1").get(0)));
            }
            assertThat(placed.subList(0, 2)).extracting(Instance::vmState).containsOnly("active");
            assertThat(placed.subList(0, 2)).extracting(Instance::host).containsExactlyInAnyOrder("host1", "host2");
            Instance third = placed.get(2);
            assertThat(third.vmState()).isEqualTo("error");
            assertThat(third.host()).isNull();
            JsonNode server = cloud.jnova.call("GET", "/servers/" + third.uuid(), null, "2.1").json().path("server");
            assertThat(server.path("status").asText()).isEqualTo("ERROR");
            assertThat(server.path("fault").path("code").asInt()).isEqualTo(500);
            assertThat(server.path("fault").path("message").asText()).isEqualTo(NO_VALID_HOST);
        }
    }

    @EachEngine
    void multiCreateIntoAntiAffinityPlacesEachAwayFromTheOthers(String engine) throws Exception {
        try (TwoHosts cloud = TwoHosts.start(engine)) {
            String group = group(cloud.jnova, "anti-affinity", null, "2.1");
            List<Instance> placed = settledAll(cloud.jnova, create(cloud.jnova, group, 3, "2.1"));
            assertThat(placed).filteredOn(i -> i.vmState().equals("active")).extracting(Instance::host)
                    .containsExactlyInAnyOrder("host1", "host2");
            assertThat(placed).filteredOn(i -> i.vmState().equals("error")).singleElement()
                    .satisfies(i -> assertThat(i.fault()).get().extracting(f -> f.message()).isEqualTo(NO_VALID_HOST));
        }
    }

    @EachEngine
    void softAntiAffinitySpreadsThenPlacesTheThirdAnyway(String engine) throws Exception {
        try (TwoHosts cloud = TwoHosts.start(engine)) {
            String group = group(cloud.jnova, "soft-anti-affinity", null, "2.15");
            List<Instance> placed = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                placed.add(settled(cloud.jnova, create(cloud.jnova, group, 1, "2.15").get(0)));
            }
            assertThat(placed).extracting(Instance::vmState).containsOnly("active");
            assertThat(placed.subList(0, 2)).extracting(Instance::host).containsExactlyInAnyOrder("host1", "host2");
        }
    }

    /**
     * As nova, each weigher is normalised to 0..1, so with equal multipliers the member count
     * only ties with free RAM on two equal hosts; a larger soft_affinity_weight_multiplier
     * makes the members stack.
     */
    @EachEngine
    void softAffinityStacksOnTheFirstMembersHost(String engine) throws Exception {
        try (TwoHosts cloud = TwoHosts.start(engine, "[filter_scheduler]", "soft_affinity_weight_multiplier = 2.0")) {
            String group = group(cloud.jnova, "soft-affinity", null, "2.15");
            List<Instance> placed = settledAll(cloud.jnova, create(cloud.jnova, group, 3, "2.15"));
            assertThat(placed).extracting(Instance::vmState).containsOnly("active");
            assertThat(placed).extracting(Instance::host).containsOnly(placed.get(0).host());
        }
    }

    @EachEngine
    void affinityKeepsMembersTogetherAndRefusesToMigrateOneAway(String engine) throws Exception {
        try (TwoHosts cloud = TwoHosts.start(engine)) {
            String group = group(cloud.jnova, "affinity", null, "2.1");
            Instance first = settled(cloud.jnova, create(cloud.jnova, group, 1, "2.1").get(0));
            Instance second = settled(cloud.jnova, create(cloud.jnova, group, 1, "2.1").get(0));
            assertThat(List.of(first.vmState(), second.vmState())).containsOnly("active");
            assertThat(second.host()).isEqualTo(first.host());

            JnovaTestServer.Reply migrate = cloud.jnova.call("POST", "/servers/" + second.uuid() + "/action",
                    "{\"migrate\": null}", "2.1");
            assertThat(migrate.status()).isEqualTo(202);
            Instance after = await(cloud.jnova, second.uuid(), i -> i.taskState() == null && i.fault().isPresent());
            assertThat(after.vmState()).isEqualTo("active");
            assertThat(after.host()).isEqualTo(first.host());
            assertThat(after.fault()).get().extracting(f -> f.message()).isEqualTo(NO_VALID_HOST);

            // Deleted members leave the group: with both gone a new member may go anywhere,
            // and it then pins the group to its host.
            for (Instance i : List.of(first, second)) {
                assertThat(cloud.jnova.call("DELETE", "/servers/" + i.uuid(), null, "2.1").status()).isEqualTo(204);
            }
            await(cloud.jnova, second.uuid(), i -> i.deleted());
            await(cloud.jnova, first.uuid(), i -> i.deleted());
            Instance third = settled(cloud.jnova, create(cloud.jnova, group, 1, "2.1").get(0));
            assertThat(third.vmState()).isEqualTo("active");
        }
    }

    @EachEngine
    void antiAffinityRefusesAMigrateOntoAMembersHostUntilThatMemberIsDeleted(String engine) throws Exception {
        try (TwoHosts cloud = TwoHosts.start(engine)) {
            String group = group(cloud.jnova, "anti-affinity", null, "2.1");
            Instance first = settled(cloud.jnova, create(cloud.jnova, group, 1, "2.1").get(0));
            Instance second = settled(cloud.jnova, create(cloud.jnova, group, 1, "2.1").get(0));
            assertThat(cloud.jnova.call("POST", "/servers/" + first.uuid() + "/action", "{\"migrate\": null}", "2.1")
                    .status()).isEqualTo(202);
            Instance refused = await(cloud.jnova, first.uuid(), i -> i.taskState() == null && i.fault().isPresent());
            assertThat(refused.host()).isEqualTo(first.host());
            assertThat(refused.vmState()).isEqualTo("active");

            assertThat(cloud.jnova.call("DELETE", "/servers/" + second.uuid(), null, "2.1").status()).isEqualTo(204);
            await(cloud.jnova, second.uuid(), Instance::deleted);
            assertThat(cloud.jnova.call("POST", "/servers/" + first.uuid() + "/action", "{\"migrate\": null}", "2.1")
                    .status()).isEqualTo(202);
            Instance moved = await(cloud.jnova, first.uuid(), i -> i.taskState() == null && "resized".equals(i.vmState()));
            assertThat(moved.host()).isEqualTo(second.host());
        }
    }

    @EachEngine
    void unshelveOfAnOffloadedMemberHonoursAntiAffinity(String engine) throws Exception {
        try (TwoHosts cloud = TwoHosts.start(engine)) {
            String group = group(cloud.jnova, "anti-affinity", null, "2.1");
            Instance first = settled(cloud.jnova, create(cloud.jnova, group, 1, "2.1").get(0));
            settled(cloud.jnova, create(cloud.jnova, group, 1, "2.1").get(0));
            assertThat(cloud.jnova.call("POST", "/servers/" + first.uuid() + "/action", "{\"shelve\": null}", "2.1")
                    .status()).isEqualTo(202);
            await(cloud.jnova, first.uuid(), i -> i.taskState() == null && "shelved_offloaded".equals(i.vmState()));
            Instance third = settled(cloud.jnova, create(cloud.jnova, group, 1, "2.1").get(0));
            assertThat(third.host()).isEqualTo(first.host());

            assertThat(cloud.jnova.call("POST", "/servers/" + first.uuid() + "/action", "{\"unshelve\": null}",
                    "2.1").status()).isEqualTo(202);
            Instance refused = await(cloud.jnova, first.uuid(), i -> i.taskState() == null && i.fault().isPresent());
            assertThat(refused.vmState()).isEqualTo("shelved_offloaded");
            assertThat(refused.host()).isNull();
            assertThat(refused.fault()).get().extracting(f -> f.message()).isEqualTo(NO_VALID_HOST);
        }
    }

    @EachEngine
    void maxServerPerHostAllowsTwoPerHostFrom264(String engine) throws Exception {
        try (TwoHosts cloud = TwoHosts.start(engine)) {
            String group = group(cloud.jnova, "anti-affinity", Map.of("max_server_per_host", 2), "2.64");
            List<Instance> placed = settledAll(cloud.jnova, create(cloud.jnova, group, 5, "2.64"));
            assertThat(placed).filteredOn(i -> i.vmState().equals("active")).extracting(Instance::host)
                    .containsExactlyInAnyOrder("host1", "host1", "host2", "host2");
            assertThat(placed).filteredOn(i -> i.vmState().equals("error")).hasSize(1);
        }
    }

    @EachEngine
    void serverGroupMembersQuotaIsCheckedAtCreate(String engine) throws Exception {
        try (TwoHosts cloud = TwoHosts.start(engine)) {
            assertThat(cloud.jnova.call("PUT", "/os-quota-sets/demo",
                    "{\"quota_set\": {\"server_group_members\": 2}}", "2.1").status()).isEqualTo(200);
            JsonNode created = cloud.jnova.call("POST", "/os-server-groups",
                    "{\"server_group\": {\"name\": \"q\", \"policies\": [\"soft-affinity\"]}}", "2.15", "demo:demo")
                    .json();
            String group = created.path("server_group").path("id").asText();
            JnovaTestServer.Reply tooMany = cloud.jnova.call("POST", "/servers", serverBody(group, 3, "2.15"), "2.15",
                    "demo:demo");
            assertThat(tooMany.status()).isEqualTo(403);
            assertThat(tooMany.json().path("forbidden").path("message").asText())
                    .isEqualTo("Quota exceeded, too many servers in group");
            assertThat(cloud.jnova.call("POST", "/servers", serverBody(group, 2, "2.15"), "2.15", "demo:demo").status())
                    .isEqualTo(202);
            assertThat(cloud.jnova.call("POST", "/servers", serverBody(group, 1, "2.15"), "2.15", "demo:demo").status())
                    .isEqualTo(403);
        }
    }

    /** Concurrent creates may pass the first member-quota check together; the re-check keeps the limit. */
    @EachEngine
    void concurrentCreatesNeverPassTheMemberQuota(String engine) throws Exception {
        try (TwoHosts cloud = TwoHosts.start(engine)) {
            assertThat(cloud.jnova.call("PUT", "/os-quota-sets/demo",
                    "{\"quota_set\": {\"server_group_members\": 2}}", "2.1").status()).isEqualTo(200);
            String group = cloud.jnova.call("POST", "/os-server-groups",
                    "{\"server_group\": {\"name\": \"q\", \"policies\": [\"soft-affinity\"]}}", "2.15",
                    "demo:demo").json().path("server_group").path("id").asText();
            CyclicBarrier start = new CyclicBarrier(6);
            List<JnovaTestServer.Reply> replies = new ArrayList<>();
            try (ExecutorService pool = Executors.newFixedThreadPool(6)) {
                List<Future<JnovaTestServer.Reply>> futures = new ArrayList<>();
                for (int i = 0; i < 6; i++) {
                    futures.add(pool.submit(() -> {
                        start.await();
                        return cloud.jnova.call("POST", "/servers", serverBody(group, 1, "2.15"), "2.15", "demo:demo");
                    }));
                }
                for (var f : futures) {
                    replies.add(f.get());
                }
            }
            assertThat(replies).extracting(JnovaTestServer.Reply::status).containsOnly(202, 403);
            assertThat(replies).filteredOn(r -> r.status() == 403).allSatisfy(r -> assertThat(r.body())
                    .contains("Quota exceeded, too many servers in group"));
            JsonNode members = cloud.jnova.call("GET", "/os-server-groups/" + group, null, "2.15", "demo:demo").json()
                    .path("server_group").path("members");
            assertThat(members.size()).isLessThanOrEqualTo(2)
                    .isEqualTo((int) replies.stream().filter(r -> r.status() == 202).count());
        }
    }

    /**
     * Four members of an anti-affinity group claimed at once by four threads (as four
     * conductors would): the group lock and the re-check in the claim transaction let only
     * one per host through; the conductor then fails the others with NoValidHost.
     */
    @EachEngine
    void concurrentClaimsNeverShareAHostInAntiAffinity(String engine) throws Exception {
        try (TwoHosts cloud = TwoHosts.start(engine)) {
            var backend = cloud.jnova.cloud();
            String group = group(cloud.jnova, "anti-affinity", null, "2.1");
            RequestContext ctx = RequestContext.project("admin", "admin", List.of("admin"), true, "req-race");
            List<Optional<Scheduler.Selection>> claims = new ArrayList<>();
            var result = backend.servers().create(ctx, ServerCreate.of("race", SeedData.CIRROS_IMAGE_ID, "1")
                    .withCounts(4, 4), Map.of(), created -> {
                        backend.serverGroups().addMembers(group, created.stream().map(Instance::uuid).toList());
                        claims.addAll(claimAtOnce(backend.scheduler(), backend.computeRpc(), ctx, created));
                    });
            assertThat(claims.stream().flatMap(Optional::stream).map(Scheduler.Selection::host))
                    .containsExactlyInAnyOrder("host1", "host2");
            List<Instance> placed = settledAll(cloud.jnova, result.instances().stream().map(Instance::uuid).toList());
            assertThat(placed).filteredOn(i -> i.vmState().equals("active")).extracting(Instance::host)
                    .containsExactlyInAnyOrder("host1", "host2");
            assertThat(placed).filteredOn(i -> i.vmState().equals("error")).hasSize(2);
        }
    }

    /** As conductors claim: the build for the chosen host commits with the claim. */
    private static List<Optional<Scheduler.Selection>> claimAtOnce(Scheduler scheduler,
            org.jnova.compute.rpcapi.ComputeRpcApi computeRpc, RequestContext ctx, List<Instance> instances) {
        CyclicBarrier start = new CyclicBarrier(instances.size());
        try (ExecutorService pool = Executors.newFixedThreadPool(instances.size())) {
            List<Future<Optional<Scheduler.Selection>>> futures = new ArrayList<>();
            for (Instance i : instances) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return scheduler.selectAndClaim(i, i.flavor(), java.util.Set.of(), null, true,
                            (tx, chosen) -> computeRpc.cast(tx, chosen.host(),
                                    new org.jnova.compute.rpcapi.ComputeMessage.BuildAndRunInstance(i.uuid(),
                                            ctx.requestId())));
                }));
            }
            List<Optional<Scheduler.Selection>> out = new ArrayList<>();
            for (var f : futures) {
                out.add(f.get());
            }
            return out;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String group(JnovaTestServer jnova, String policy, Map<String, Integer> rules, String version)
            throws Exception {
        String body = version.equals("2.64")
                ? "{\"server_group\": {\"name\": \"g\", \"policy\": \"" + policy + "\""
                        + (rules == null ? "" : ", \"rules\": {\"max_server_per_host\": "
                                + rules.get("max_server_per_host") + "}") + "}}"
                : "{\"server_group\": {\"name\": \"g\", \"policies\": [\"" + policy + "\"]}}";
        JnovaTestServer.Reply r = jnova.call("POST", "/os-server-groups", body, version);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().path("server_group").path("id").asText();
    }

    private static String serverBody(String group, int count, String version) {
        return "{\"server\": {\"name\": \"s\", \"imageRef\": \"" + SeedData.CIRROS_IMAGE_ID
                + "\", \"flavorRef\": \"1\", "
                + (version.equals("2.64") ? "\"networks\": \"auto\", " : "") + "\"min_count\": " + count
                + ", \"max_count\": " + count + "}, \"os:scheduler_hints\": {\"group\": \"" + group + "\"}}";
    }

    /** Creates {@code count} servers in the group; returns their uuids. */
    private static List<String> create(JnovaTestServer jnova, String group, int count, String version)
            throws Exception {
        JnovaTestServer.Reply r = jnova.call("POST", "/servers", serverBody(group, count, version), version);
        assertThat(r.status()).as(r.body()).isEqualTo(202);
        String reservation = jnova.cloud().instances().get(r.json().path("server").path("id").asText(), false)
                .orElseThrow().reservationId();
        return jnova.cloud().instances().listBare(org.jnova.objects.InstanceFilter.builder().reservationId(reservation)
                .build()).stream().map(Instance::uuid).toList();
    }

    private static Instance settled(JnovaTestServer jnova, String uuid) throws Exception {
        return await(jnova, uuid, i -> i.taskState() == null && !i.vmState().equals("building"));
    }

    private static List<Instance> settledAll(JnovaTestServer jnova, List<String> uuids) throws Exception {
        List<Instance> out = new ArrayList<>();
        for (String uuid : uuids) {
            out.add(settled(jnova, uuid));
        }
        Set<String> seen = new HashSet<>();
        out.forEach(i -> assertThat(seen.add(i.uuid())).isTrue());
        return out;
    }

    private static Instance await(JnovaTestServer jnova, String uuid, java.util.function.Predicate<Instance> done)
            throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (true) {
            Instance now = jnova.cloud().instances().get(uuid, true).orElseThrow();
            if (done.test(now)) {
                return now;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not settled: " + now.uuid() + " " + now.vmState() + "/" + now.taskState());
            }
            Thread.sleep(25);
        }
    }
}
