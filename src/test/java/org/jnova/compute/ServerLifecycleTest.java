package org.jnova.compute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.jnova.db.InstanceUpdate;
import org.jnova.context.RequestContext;
import org.jnova.db.Archiver;
import org.jnova.objects.InstanceFilter;
import org.jnova.objects.SortKey;
import org.jnova.db.TestDatabases;
import org.jnova.exception.Conflict;
import org.jnova.objects.ComputeNode;
import org.jnova.objects.Instance;
import org.jnova.objects.InstanceAction;
import org.jnova.objects.PowerState;
import org.jnova.objects.VmStates;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ServerLifecycleTest {
    static Stream<String> engines() {
        return TestDatabases.engines().stream();
    }

    private static List<String> uuids(ServersApi.CreateResult r) {
        return r.instances().stream().map(Instance::uuid).toList();
    }

    @ParameterizedTest
    @MethodSource("engines")
    void threeServersBecomeActiveWithAddressesThroughTransportAndDriver(String engine) throws Exception {
        try (CloudFixture f = new CloudFixture(engine)) {
            f.addCompute("compute-1");
            RequestContext ctx = CloudFixture.user("p1");
            ServersApi.CreateResult created = f.cloud.servers().create(ctx,
                    ServerCreate.of("web", SeedData.CIRROS_IMAGE_ID, "1").withCounts(3, 3));
            assertThat(created.instances()).hasSize(3).allSatisfy(i -> {
                assertThat(i.vmState()).isEqualTo(VmStates.BUILDING);
                assertThat(i.taskState()).isEqualTo("scheduling");
                assertThat(i.reservationId()).isEqualTo(created.reservationId());
            });
            List<Instance> active = f.await(ctx, uuids(created), i -> VmStates.ACTIVE.equals(i.vmState()));
            assertThat(active).allSatisfy(i -> {
                assertThat(i.vmState()).isEqualTo(VmStates.ACTIVE);
                assertThat(i.taskState()).isNull();
                assertThat(i.powerState()).isEqualTo(PowerState.RUNNING);
                assertThat(i.host()).isEqualTo("compute-1");
                assertThat(i.launchedAt()).isNotNull();
                assertThat(i.interfaces()).hasSize(1);
                assertThat(i.interfaces().get(0).fixedIp()).startsWith("10.0.");
                assertThat(i.interfaces().get(0).macAddress()).matches("fa:16:3e(:[0-9a-f]{2}){3}");
            });
            assertThat(active.stream().map(i -> i.interfaces().get(0).fixedIp()).distinct()).hasSize(3);
            assertThat(active.stream().map(Instance::displayName)).containsExactlyInAnyOrder("web-1", "web-2", "web-3");
            assertThat(f.drivers.get(0).guestCount()).isEqualTo(3);
            ComputeNode node = f.cloud.nodes().list().get(0);
            assertThat(node.vcpusUsed()).isEqualTo(3);
            assertThat(node.memoryMbUsed()).isEqualTo(3 * 512);
            InstanceAction create = f.cloud.actions().get(active.get(0).uuid(), ctx.requestId()).orElseThrow();
            assertThat(create.action()).isEqualTo("create");
            assertThat(create.events()).extracting(InstanceAction.InstanceActionEvent::event)
                    .contains("conductor_schedule_and_build_instances", "compute__do_build_and_run_instance");
            assertThat(create.events()).allSatisfy(e -> assertThat(e.result()).isEqualTo("Success"));
        }
    }

    @ParameterizedTest
    @MethodSource("engines")
    void noComputeHostLeavesTheServerInErrorWithNoValidHostFault(String engine) throws Exception {
        try (CloudFixture f = new CloudFixture(engine)) {
            RequestContext ctx = CloudFixture.user("p1");
            var created = f.cloud.servers().create(ctx, ServerCreate.of("lonely", SeedData.CIRROS_IMAGE_ID, "1"));
            Instance i = f.await(ctx, uuids(created), x -> VmStates.ERROR.equals(x.vmState())).get(0);
            assertThat(i.vmState()).isEqualTo(VmStates.ERROR);
            assertThat(i.taskState()).isNull();
            assertThat(i.fault()).isPresent();
            assertThat(i.fault().get().code()).isEqualTo(500);
            assertThat(i.fault().get().message()).startsWith("No valid host was found.");
            // never placed: deletes locally
            f.cloud.servers().delete(ctx, i.uuid());
            assertThat(f.cloud.instances().get(i.uuid(), false)).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("engines")
    void quotaExceededRefusesAndWritesNothing(String engine) throws Exception {
        try (CloudFixture f = new CloudFixture(engine, "quota.instances", "2")) {
            f.addCompute("compute-1");
            RequestContext ctx = CloudFixture.user("p1");
            f.cloud.servers().create(ctx, ServerCreate.of("a", SeedData.CIRROS_IMAGE_ID, "1"));
            assertThatThrownBy(() -> f.cloud.servers().create(ctx,
                    ServerCreate.of("b", SeedData.CIRROS_IMAGE_ID, "1").withCounts(2, 2)))
                    .isInstanceOf(ComputeErrors.TooManyInstances.class)
                    .hasMessage("Quota exceeded for instances: Requested 2, but already used 1 of 2 instances");
            assertThat(f.cloud.servers().list(ctx, InstanceFilter.project("p1"), List.of(), null, null)).hasSize(1);
            // min_count fits: only as many as allowed are made
            var some = f.cloud.servers().create(ctx,
                    ServerCreate.of("c", SeedData.CIRROS_IMAGE_ID, "1").withCounts(1, 5));
            assertThat(some.instances()).hasSize(1);
            assertThat(f.cloud.quotas().usage("p1", null).get("instances")).isEqualTo(2);
        }
    }

    @ParameterizedTest
    @MethodSource("engines")
    void invalidStateIsAConflictWithNovasMessage(String engine) throws Exception {
        try (CloudFixture f = new CloudFixture(engine)) {
            f.addCompute("compute-1");
            RequestContext ctx = CloudFixture.user("p1");
            var created = f.cloud.servers().create(ctx, ServerCreate.of("s", SeedData.CIRROS_IMAGE_ID, "1"));
            Instance i = f.await(ctx, uuids(created), x -> VmStates.ACTIVE.equals(x.vmState())).get(0);
            assertThatThrownBy(() -> f.cloud.servers().start(ctx, i.uuid())).isInstanceOf(Conflict.class)
                    .hasMessage("Cannot 'start' instance " + i.uuid() + " while it is in vm_state active");
            f.cloud.servers().stop(ctx, i.uuid());
            Instance stopped = f.await(ctx, List.of(i.uuid()), x -> VmStates.STOPPED.equals(x.vmState())).get(0);
            assertThat(stopped.powerState()).isEqualTo(PowerState.SHUTDOWN);
            f.cloud.servers().lock(CloudFixture.admin(), i.uuid(), true, "maintenance");
            assertThatThrownBy(() -> f.cloud.servers().delete(ctx, i.uuid())).isInstanceOf(Conflict.class)
                    .hasMessage("Instance " + i.uuid() + " is locked");
        }
    }

    @ParameterizedTest
    @MethodSource("engines")
    void listFiltersSortsAndPagesWithAMarker(String engine) throws Exception {
        try (CloudFixture f = new CloudFixture(engine)) {
            RequestContext p1 = CloudFixture.user("p1");
            RequestContext p2 = CloudFixture.user("p2");
            List<String> names = List.of("delta", "alpha", "echo", "charlie", "bravo");
            for (String n : names) {
                f.cloud.servers().create(p1, ServerCreate.of(n, SeedData.CIRROS_IMAGE_ID, "1")
                        .withMetadata(Map.of("name", n)));
            }
            f.cloud.servers().create(p2, ServerCreate.of("other", SeedData.CIRROS_IMAGE_ID, "2"));
            List<SortKey> byName = List.of(SortKey.asc("display_name"));
            List<Instance> page1 = f.cloud.servers().list(p1, InstanceFilter.project("p1"), byName, 2, null);
            assertThat(page1).extracting(Instance::displayName).containsExactly("alpha", "bravo");
            assertThat(page1.get(0).metadata()).containsEntry("name", "alpha");
            List<Instance> page2 = f.cloud.servers().list(p1, InstanceFilter.project("p1"), byName, 2,
                    page1.get(1).uuid());
            assertThat(page2).extracting(Instance::displayName).containsExactly("charlie", "delta");
            // a non-admin asking for everything still only sees their project
            assertThat(f.cloud.servers().list(p1, InstanceFilter.builder().build(), byName, null, null)).hasSize(5);
            assertThat(f.cloud.servers().list(CloudFixture.admin(), InstanceFilter.builder().build(), byName, null,
                    null)).hasSize(6);
            assertThat(f.cloud.servers().list(p1, InstanceFilter.builder().projectId("p1").name("harl").build(), byName,
                    null, null)).extracting(Instance::displayName).containsExactly("charlie");
            assertThat(f.cloud.servers().list(CloudFixture.admin(), InstanceFilter.builder().flavorId("2").build(),
                    byName, null, null)).extracting(Instance::displayName).containsExactly("other");
            var building = ServerStatus.filterFor(List.of("BUILD", "error")); // no host: they go BUILD -> ERROR
            assertThat(f.cloud.servers().list(p1, InstanceFilter.builder().projectId("p1")
                    .vmStates(List.copyOf(building.vmStates())).build(), byName, null, null)).hasSize(5);
            assertThat(f.cloud.servers().list(p1, InstanceFilter.builder().projectId("p1")
                    .taskStates(List.of("rebooting")).build(), byName, null, null)).isEmpty();
            String echo = page2.get(0).uuid();
            f.cloud.serverMetadata().addTag(p1, echo, "blue");
            assertThat(f.cloud.servers().list(p1, InstanceFilter.builder().projectId("p1").tags(List.of("blue"))
                    .build(), byName, null, null)).extracting(Instance::uuid).containsExactly(echo);
            List<Instance> newestFirst = f.cloud.servers().list(p1, InstanceFilter.project("p1"), List.of(), null,
                    null);
            assertThat(newestFirst.get(0).displayName()).isEqualTo("bravo");
            assertThatThrownBy(() -> f.cloud.servers().list(p1, InstanceFilter.project("p1"), byName, 2,
                    "00000000-0000-0000-0000-000000000000"))
                    .hasMessage("Marker 00000000-0000-0000-0000-000000000000 could not be found.");
        }
    }

    @ParameterizedTest
    @MethodSource("engines")
    void deleteSoftDeletesThenArchiveAndPurgeRemoveTheRows(String engine) throws Exception {
        try (CloudFixture f = new CloudFixture(engine)) {
            f.addCompute("compute-1");
            RequestContext ctx = CloudFixture.user("p1");
            var created = f.cloud.servers().create(ctx, ServerCreate.of("gone", SeedData.CIRROS_IMAGE_ID, "1")
                    .withMetadata(Map.of("k", "v")));
            String uuid = created.instances().get(0).uuid();
            f.await(ctx, List.of(uuid), x -> VmStates.ACTIVE.equals(x.vmState()));
            f.cloud.servers().delete(ctx, uuid);
            Instance deleted = f.await(ctx, List.of(uuid), Instance::deleted).get(0);
            assertThat(deleted.deleted()).isTrue();
            assertThat(deleted.vmState()).isEqualTo(VmStates.DELETED);
            assertThat(f.cloud.instances().get(uuid, false)).isEmpty();
            assertThat(f.cloud.nodes().list().get(0).vcpusUsed()).isZero();
            assertThat(f.drivers.get(0).guestCount()).isZero();
            Archiver archiver = new Archiver(f.dbs.main());
            Map<String, Integer> moved = archiver.archive(null);
            assertThat(moved).containsEntry("instances", 1).containsKey("instance_metadata")
                    .containsKey("instance_actions");
            assertThat(f.cloud.instances().get(uuid, true)).isEmpty();
            long shadow = f.dbs.main().read(tx -> tx.count("SELECT COUNT(*) FROM shadow_instances"));
            assertThat(shadow).isEqualTo(1);
            assertThat(archiver.archive(null)).isEmpty();
            assertThat(archiver.purge(java.time.Instant.parse("2000-01-01T00:00:00Z"))).isEmpty();
            assertThat(archiver.purge(null)).containsEntry("instances", 1);
            long left = f.dbs.main().read(tx -> tx.count("SELECT COUNT(*) FROM shadow_instances"));
            assertThat(left).isZero();
        }
    }

    @ParameterizedTest
    @MethodSource("engines")
    void concurrentCreatesNeverOversubscribeAHost(String engine) throws Exception {
        // one small host: 4 GB RAM - 512 reserved, ratio 1.0 -> at most 7 m1.tiny (512 MB)
        try (CloudFixture f = new CloudFixture(engine, "jnova_compute.fake_memory_mb", "4096",
                "ram_allocation_ratio", "1.0", "quota.instances", "-1", "quota.cores", "-1", "quota.ram", "-1")) {
            f.addCompute("small-1");
            RequestContext ctx = CloudFixture.user("p1");
            ExecutorService pool = Executors.newFixedThreadPool(6);
            List<Future<ServersApi.CreateResult>> results = new ArrayList<>();
            for (int n = 0; n < 12; n++) {
                int k = n;
                Callable<ServersApi.CreateResult> create = () -> f.cloud.servers().create(ctx,
                        ServerCreate.of("c" + k, SeedData.CIRROS_IMAGE_ID, "1"));
                results.add(pool.submit(create));
            }
            List<String> all = new ArrayList<>();
            for (Future<ServersApi.CreateResult> r : results) {
                all.addAll(uuids(r.get()));
            }
            pool.shutdown();
            List<Instance> done = f.await(ctx, all, i -> i.taskState() == null);
            long active = done.stream().filter(i -> VmStates.ACTIVE.equals(i.vmState())).count();
            long error = done.stream().filter(i -> VmStates.ERROR.equals(i.vmState())).count();
            assertThat(active).isEqualTo(7);
            assertThat(error).isEqualTo(5);
            ComputeNode node = f.cloud.nodes().list().get(0);
            assertThat(node.memoryMbUsed()).isEqualTo(7 * 512).isLessThanOrEqualTo(4096 - 512);
        }
    }

    @ParameterizedTest
    @MethodSource("engines")
    void maxInstancesPerHostIsIgnoredUnlessNumInstancesFilterIsEnabledAsInNova(String engine) throws Exception {
        try (CloudFixture f = new CloudFixture(engine, "filter_scheduler.max_instances_per_host", "2")) {
            f.addCompute("compute-1");
            RequestContext ctx = CloudFixture.user("p1");
            var created = f.cloud.servers().create(ctx, ServerCreate.of("m", SeedData.CIRROS_IMAGE_ID, "1")
                    .withCounts(3, 3));
            List<Instance> done = f.await(ctx, uuids(created), i -> i.taskState() == null);
            assertThat(done).allMatch(i -> VmStates.ACTIVE.equals(i.vmState()));
        }
    }

    @ParameterizedTest
    @MethodSource("engines")
    void maxInstancesPerHostIsHonouredWithNumInstancesFilterAndARestartedHostFailsInterruptedBuilds(String engine) throws Exception {
        try (CloudFixture f = new CloudFixture(engine, "filter_scheduler.max_instances_per_host", "2",
                "filter_scheduler.enabled_filters", "ComputeFilter,NumInstancesFilter")) {
            f.addCompute("compute-1");
            RequestContext ctx = CloudFixture.user("p1");
            var created = f.cloud.servers().create(ctx, ServerCreate.of("m", SeedData.CIRROS_IMAGE_ID, "1")
                    .withCounts(3, 3));
            List<Instance> done = f.await(ctx, uuids(created), i -> i.taskState() == null);
            assertThat(done).filteredOn(i -> VmStates.ACTIVE.equals(i.vmState())).hasSize(2);
            assertThat(done).filteredOn(i -> VmStates.ERROR.equals(i.vmState())).hasSize(1);

            // a build the host was doing when it stopped
            String stuck = done.stream().filter(i -> VmStates.ACTIVE.equals(i.vmState())).findFirst().orElseThrow()
                    .uuid();
            f.cloud.instances().update(stuck, new InstanceUpdate().vmState(VmStates.BUILDING).taskState("spawning"));
            f.computes.get(0).stop();
            f.computes.get(0).start();
            Instance failed = f.cloud.servers().get(ctx, stuck);
            assertThat(failed.vmState()).isEqualTo(VmStates.ERROR);
            assertThat(failed.fault()).hasValueSatisfying(fault -> assertThat(fault.message()).contains("interrupted"));
        }
    }

    @ParameterizedTest
    @MethodSource("engines")
    void concurrentCreatesNeverPassTheInstanceQuotaTogether(String engine) throws Exception {
        try (CloudFixture f = new CloudFixture(engine, "quota.instances", "5")) {
            RequestContext ctx = CloudFixture.user("p1");
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<ServersApi.CreateResult>> results = new ArrayList<>();
            for (int n = 0; n < 12; n++) {
                int k = n;
                Callable<ServersApi.CreateResult> create = () -> f.cloud.servers().create(ctx,
                        ServerCreate.of("q" + k, SeedData.CIRROS_IMAGE_ID, "1"));
                results.add(pool.submit(create));
            }
            int ok = 0;
            int refused = 0;
            for (Future<ServersApi.CreateResult> r : results) {
                try {
                    r.get();
                    ok++;
                } catch (java.util.concurrent.ExecutionException e) {
                    assertThat(e.getCause()).isInstanceOf(ComputeErrors.TooManyInstances.class);
                    refused++;
                }
            }
            pool.shutdown();
            assertThat(ok).isEqualTo(5);
            assertThat(refused).isEqualTo(7);
            assertThat(f.cloud.quotas().usage("p1", null).get("instances")).isEqualTo(5);
        }
    }
}
