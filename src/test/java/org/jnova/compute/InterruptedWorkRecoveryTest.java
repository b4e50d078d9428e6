package org.jnova.compute;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.jnova.compute.manager.ComputeManager;
import org.jnova.conductor.ComputeTaskManager;
import org.jnova.conductor.rpcapi.ConductorRpcApi;
import org.jnova.context.RequestContext;
import org.jnova.db.InstanceUpdate;
import org.jnova.objects.Instance;
import org.jnova.objects.TaskStates;
import org.jnova.objects.VmStates;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Work a dead process left half done is picked up: the conductor builds servers whose build
 * request was lost, a restarted compute host finishes or rolls back the tasks it was running,
 * and builds that take longer than [DEFAULT] instance_build_timeout go to ERROR.
 */
class InterruptedWorkRecoveryTest {

    @Test
    void aServerWhoseBuildRequestWasLostIsBuiltByTheConductor() throws Exception {
        try (CloudFixture f = new CloudFixture("sqlite", "jnova_conductor.build_recovery_age", "1")) {
            f.addCompute("compute-1");
            f.conductor.stop();
            f.transport.listen(ConductorRpcApi.TOPIC, "black-hole", (method, args) -> null);
            RequestContext ctx = CloudFixture.user("p1");
            String uuid = f.cloud.servers().create(ctx, ServerCreate.of("lost", SeedData.CIRROS_IMAGE_ID, "1"))
                    .instances().get(0).uuid();
            f.transport.unlisten(ConductorRpcApi.TOPIC, "black-hole");
            assertThat(f.cloud.servers().get(ctx, uuid, true).taskState()).isEqualTo(TaskStates.SCHEDULING);

            ComputeTaskManager recovering = f.cloud.conductor("conductor-2");
            recovering.start();
            try {
                Instance built = f.await(ctx, List.of(uuid), i -> VmStates.ACTIVE.equals(i.vmState())).get(0);
                assertThat(built.taskState()).isNull();
                assertThat(f.cloud.nodes().list().get(0).memoryMbUsed()).isEqualTo(512);
                assertThat(f.cloud.actions().get(uuid, ctx.requestId()).orElseThrow().events())
                        .extracting(org.jnova.objects.InstanceAction.InstanceActionEvent::event)
                        .contains("conductor_schedule_and_build_instances", "compute__do_build_and_run_instance");
            } finally {
                recovering.stop();
            }
        }
    }

    @Test
    void buildsOfTheSameServerDeliveredTogetherPlaceAndBuildItOnce() throws Exception {
        try (CloudFixture f = new CloudFixture("sqlite")) {
            f.addCompute("compute-1");
            f.conductor.stop();
            f.transport.listen(ConductorRpcApi.TOPIC, "black-hole", (method, args) -> null);
            RequestContext ctx = CloudFixture.user("p1");
            String uuid = f.cloud.servers().create(ctx, ServerCreate.of("twice", SeedData.CIRROS_IMAGE_ID, "1"))
                    .instances().get(0).uuid();
            f.transport.unlisten(ConductorRpcApi.TOPIC, "black-hole");
            List<ComputeTaskManager> conductors = List.of(f.cloud.conductor("c-a"), f.cloud.conductor("c-b"));
            conductors.forEach(ComputeTaskManager::start);
            try {
                List<CompletableFuture<Object>> calls = new ArrayList<>();
                for (int n = 0; n < 8; n++) {
                    calls.add(f.transport.call(ConductorRpcApi.TOPIC, n % 2 == 0 ? "c-a" : "c-b", "build_instances",
                            Map.of("instance_uuids", List.of(uuid), "request_id", ctx.requestId())));
                }
                for (CompletableFuture<Object> call : calls) {
                    call.get();
                }
                Instance built = f.await(ctx, List.of(uuid), i -> VmStates.ACTIVE.equals(i.vmState())).get(0);
                assertThat(built.taskState()).isNull();
                assertThat(f.cloud.nodes().list().get(0).memoryMbUsed()).isEqualTo(512);
                assertThat(f.drivers.get(0).guestCount()).isEqualTo(1);
                assertThat(built.interfaces()).hasSize(1);
            } finally {
                conductors.forEach(ComputeTaskManager::stop);
            }
        }
    }

    @Test
    void aBuildQueuedForAHostThatRestartsIsCarriedOutByThatHost() throws Exception {
        try (CloudFixture f = new CloudFixture("sqlite")) {
            f.addCompute("compute-1");
            f.computes.get(0).stop(); // its service still counts as up: the build is placed there, never delivered
            RequestContext ctx = CloudFixture.user("p1");
            String uuid = f.cloud.servers().create(ctx, ServerCreate.of("queued", SeedData.CIRROS_IMAGE_ID, "1"))
                    .instances().get(0).uuid();
            Instance placed = f.await(ctx, List.of(uuid), i -> i.host() != null).get(0);
            assertThat(placed.host()).isEqualTo("compute-1");
            assertThat(placed.taskState()).isEqualTo(TaskStates.SCHEDULING);

            ComputeManager restarted = f.cloud.computeManager("compute-1", f.drivers.get(0));
            restarted.start();
            f.computes.add(restarted);

            Instance built = f.await(ctx, List.of(uuid), i -> VmStates.ACTIVE.equals(i.vmState())).get(0);
            assertThat(built.vmState()).isEqualTo(VmStates.ACTIVE);
            assertThat(built.taskState()).isNull();
            assertThat(f.drivers.get(0).guestCount()).isEqualTo(1);
            assertThat(f.cloud.actions().get(uuid, ctx.requestId()).orElseThrow().events())
                    .extracting(org.jnova.objects.InstanceAction.InstanceActionEvent::event)
                    .contains("compute__do_build_and_run_instance");
        }
    }

    @Test
    void aBuildPlacedOnAHostThatWentDownIsPlacedOnAnotherHost() throws Exception {
        try (CloudFixture f = new CloudFixture("sqlite", "jnova_conductor.build_recovery_age", "1",
                "service_down_time", "2", "report_interval", "1")) {
            f.addCompute("compute-1");
            f.computes.get(0).stop();
            RequestContext ctx = CloudFixture.user("p1");
            String uuid = f.cloud.servers().create(ctx, ServerCreate.of("moved", SeedData.CIRROS_IMAGE_ID, "1"))
                    .instances().get(0).uuid();
            assertThat(f.await(ctx, List.of(uuid), i -> i.host() != null).get(0).host()).isEqualTo("compute-1");
            f.addCompute("compute-2");

            Instance built = f.await(ctx, List.of(uuid), i -> VmStates.ACTIVE.equals(i.vmState())).get(0);
            assertThat(built.vmState()).isEqualTo(VmStates.ACTIVE);
            assertThat(built.host()).isEqualTo("compute-2");
            assertThat(f.drivers.get(1).guestCount()).isEqualTo(1);
            assertThat(f.cloud.nodes().list()).filteredOn(n -> n.host().equals("compute-1"))
                    .extracting(org.jnova.objects.ComputeNode::memoryMbUsed).containsExactly(0);

            // the first host comes back: the server is no longer its to build
            ComputeManager restarted = f.cloud.computeManager("compute-1", f.drivers.get(0));
            restarted.start();
            f.computes.add(restarted);
            assertThat(f.drivers.get(0).guestCount()).isZero();
            assertThat(f.cloud.servers().get(ctx, uuid, true).host()).isEqualTo("compute-2");
        }
    }

    @Test
    void aRestartedHostFinishesStopsAndRebootsAndFailsRebuilds() throws Exception {
        try (CloudFixture f = new CloudFixture("sqlite")) {
            f.addCompute("compute-1");
            RequestContext ctx = CloudFixture.user("p1");
            List<String> uuids = new ArrayList<>();
            for (String name : List.of("stopping", "starting", "rebooting", "rebuilding", "pausing")) {
                uuids.add(f.cloud.servers().create(ctx, ServerCreate.of(name, SeedData.CIRROS_IMAGE_ID, "1"))
                        .instances().get(0).uuid());
            }
            f.await(ctx, uuids, i -> VmStates.ACTIVE.equals(i.vmState()));
            f.computes.get(0).stop();
            f.cloud.instances().update(uuids.get(0), new InstanceUpdate().taskState(TaskStates.POWERING_OFF));
            f.cloud.instances().update(uuids.get(1), new InstanceUpdate().vmState(VmStates.STOPPED)
                    .taskState(TaskStates.POWERING_ON));
            f.cloud.instances().update(uuids.get(2), new InstanceUpdate().taskState(TaskStates.REBOOT_STARTED_HARD));
            f.cloud.instances().update(uuids.get(3), new InstanceUpdate().taskState(TaskStates.REBUILD_SPAWNING));
            f.cloud.instances().update(uuids.get(4), new InstanceUpdate().taskState(TaskStates.PAUSING));

            ComputeManager restarted = f.cloud.computeManager("compute-1", f.drivers.get(0));
            restarted.start();
            f.computes.add(restarted);

            List<Instance> after = f.await(ctx, uuids, i -> i.taskState() == null);
            assertThat(after).extracting(Instance::taskState).containsOnlyNulls();
            assertThat(after).extracting(Instance::vmState).containsExactly(VmStates.STOPPED, VmStates.ACTIVE,
                    VmStates.ACTIVE, VmStates.ERROR, VmStates.ACTIVE);
        }
    }

    @Test
    void aResizeItsDestinationHostDidNotFinishIsRolledBackWhenThatHostStarts() throws Exception {
        try (CloudFixture f = new CloudFixture("sqlite")) {
            f.addCompute("compute-1");
            RequestContext ctx = CloudFixture.user("p1");
            String uuid = f.cloud.servers().create(ctx, ServerCreate.of("resized", SeedData.CIRROS_IMAGE_ID, "1"))
                    .instances().get(0).uuid();
            f.await(ctx, List.of(uuid), i -> VmStates.ACTIVE.equals(i.vmState()) && i.taskState() == null);
            f.addCompute("compute-2");
            f.computes.get(1).stop(); // the resize is placed there and never carried out
            f.cloud.resize().resize(ctx, uuid, "2");
            Instance placed = f.await(ctx, List.of(uuid), i -> "compute-2".equals(i.host())).get(0);
            assertThat(placed.taskState()).isEqualTo(TaskStates.RESIZE_PREP);

            ComputeManager restarted = f.cloud.computeManager("compute-2", f.drivers.get(1));
            restarted.start();
            f.computes.add(restarted);

            Instance after = f.await(ctx, List.of(uuid), i -> i.taskState() == null).get(0);
            assertThat(after.taskState()).isNull();
            assertThat(after.vmState()).isEqualTo(VmStates.ACTIVE);
            assertThat(after.host()).isEqualTo("compute-1");
            assertThat(after.flavor().flavorId()).isEqualTo("1");
            assertThat(after.systemMetadata()).doesNotContainKeys(org.jnova.compute.ResizeApi.KEPT_KEYS
                    .toArray(String[]::new));
            assertThat(f.cloud.nodes().list()).filteredOn(n -> n.host().equals("compute-2"))
                    .extracting(org.jnova.objects.ComputeNode::memoryMbUsed).containsExactly(0);
            assertThat(f.cloud.nodes().list()).filteredOn(n -> n.host().equals("compute-1"))
                    .extracting(org.jnova.objects.ComputeNode::memoryMbUsed).containsExactly(512);
        }
    }

    @Test
    void aRestartedHostLeavesIdleServersAloneWithoutAFailedRecovery() throws Exception {
        Logger log = (Logger) LoggerFactory.getLogger(ComputeManager.class);
        ListAppender<ILoggingEvent> events = new ListAppender<>();
        events.start();
        log.addAppender(events);
        try (CloudFixture f = new CloudFixture("sqlite")) {
            f.addCompute("compute-1");
            RequestContext ctx = CloudFixture.user("p1");
            String uuid = f.cloud.servers().create(ctx, ServerCreate.of("idle", SeedData.CIRROS_IMAGE_ID, "1"))
                    .instances().get(0).uuid();
            f.await(ctx, List.of(uuid), i -> VmStates.ACTIVE.equals(i.vmState()) && i.taskState() == null);
            f.computes.get(0).stop();

            ComputeManager restarted = f.cloud.computeManager("compute-1", f.drivers.get(0));
            restarted.start();
            f.computes.add(restarted);

            assertThat(f.cloud.servers().get(ctx, uuid, true).vmState()).isEqualTo(VmStates.ACTIVE);
            assertThat(events.list).extracting(ILoggingEvent::getFormattedMessage)
                    .noneMatch(m -> m.startsWith("Recovering instance"));
        } finally {
            log.detachAppender(events);
        }
    }

    @Test
    void aBuildLongerThanTheBuildTimeoutGoesToError() throws Exception {
        try (CloudFixture f = new CloudFixture("sqlite", "instance_build_timeout", "1",
                "jnova_compute.fake_spawn_delay_ms", "6000")) {
            f.addCompute("compute-1");
            RequestContext ctx = CloudFixture.user("p1");
            String uuid = f.cloud.servers().create(ctx, ServerCreate.of("slow", SeedData.CIRROS_IMAGE_ID, "1"))
                    .instances().get(0).uuid();

            Instance failed = f.await(ctx, List.of(uuid), i -> VmStates.ERROR.equals(i.vmState())).get(0);

            assertThat(failed.vmState()).isEqualTo(VmStates.ERROR);
            assertThat(failed.taskState()).isNull();
            assertThat(failed.fault()).get().extracting(org.jnova.objects.InstanceFault::message)
                    .isEqualTo("Instance build timed out. Set to error state.");
        }
    }
}
