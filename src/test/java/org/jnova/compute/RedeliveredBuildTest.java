package org.jnova.compute;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import java.util.Map;
import org.jnova.compute.rpcapi.ComputeRpcApi;
import org.jnova.conductor.rpcapi.ConductorRpcApi;
import org.jnova.context.RequestContext;
import org.jnova.objects.Instance;
import org.jnova.objects.InstanceAction;
import org.jnova.objects.VmStates;
import org.jnova.rpc.Outbox;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * A broker delivers at least once: a build_and_run_instance seen again after the instance
 * left BUILDING (its acknowledgement was lost) changes nothing.
 */
class RedeliveredBuildTest {
    @Test
    void aSecondBuildOfAnActiveServerIsIgnored() throws Exception {
        try (CloudFixture f = new CloudFixture("sqlite")) {
            f.addCompute("compute-1");
            RequestContext ctx = CloudFixture.user("p1");
            String uuid = f.cloud.servers().create(ctx, ServerCreate.of("once", SeedData.CIRROS_IMAGE_ID, "1"))
                    .instances().get(0).uuid();
            Instance active = f.await(ctx, List.of(uuid), i -> VmStates.ACTIVE.equals(i.vmState())).get(0);

            f.transport.call(ComputeRpcApi.TOPIC, "compute-1", "build_and_run_instance",
                    Map.of("instance_uuid", uuid, "request_id", ctx.requestId())).get();

            Instance after = f.await(ctx, List.of(uuid), i -> true).get(0);
            assertThat(after.vmState()).isEqualTo(VmStates.ACTIVE);
            assertThat(after.taskState()).isNull();
            assertThat(after.launchedAt()).isEqualTo(active.launchedAt());
            assertThat(after.interfaces()).hasSize(1);
            assertThat(f.drivers.get(0).guestCount()).isEqualTo(1);
            InstanceAction create = f.cloud.actions().get(uuid, ctx.requestId()).orElseThrow();
            assertThat(create.events()).extracting(InstanceAction.InstanceActionEvent::event)
                    .containsOnlyOnce("compute__do_build_and_run_instance");
        }
    }

    @Test
    void aSecondScheduleOfAnActiveServerIsIgnored() throws Exception {
        try (CloudFixture f = new CloudFixture("sqlite")) {
            f.addCompute("compute-1");
            RequestContext ctx = CloudFixture.user("p1");
            String uuid = f.cloud.servers().create(ctx, ServerCreate.of("once", SeedData.CIRROS_IMAGE_ID, "1"))
                    .instances().get(0).uuid();
            f.await(ctx, List.of(uuid), i -> VmStates.ACTIVE.equals(i.vmState()));

            f.transport.call(ConductorRpcApi.TOPIC, "conductor-1", "build_instances",
                    Map.of("instance_uuids", List.of(uuid), "request_id", ctx.requestId())).get();

            assertThat(f.cloud.nodes().list().get(0).memoryMbUsed()).isEqualTo(512);
            assertThat(f.drivers.get(0).guestCount()).isEqualTo(1);
        }
    }

    @Test
    void aScheduleRepeatedAfterTheClaimDoesNothingAndTheRelaySendsTheBuildRecordedWithTheClaim() throws Exception {
        try (CloudFixture f = new CloudFixture("sqlite", "jnova_messaging.outbox_redeliver_after", "1")) {
            f.addCompute("compute-1");
            f.computes.get(0).stop(); // still "up" in the database, but nobody takes its messages
            ListAppender<ILoggingEvent> outboxLog = new ListAppender<>();
            Logger outboxLogger = (Logger) LoggerFactory.getLogger(Outbox.class);
            outboxLog.start();
            outboxLogger.addAppender(outboxLog);
            RequestContext ctx = CloudFixture.user("p1");
            String uuid;
            try {
                uuid = f.cloud.servers().create(ctx, ServerCreate.of("late", SeedData.CIRROS_IMAGE_ID, "1"))
                        .instances().get(0).uuid();
                Instance claimed = f.await(ctx, List.of(uuid), i -> i.host() != null).get(0);
                assertThat(claimed.taskState()).isEqualTo("scheduling");
                // the cast sent after the claim's commit must have found nobody before the test listens
                long end = System.nanoTime() + 10_000_000_000L;
                while (outboxLog.list.stream().noneMatch(e -> e.getFormattedMessage().contains("build_and_run_instance"))
                        && System.nanoTime() < end) {
                    Thread.sleep(10);
                }
                assertThat(outboxLog.list).extracting(ILoggingEvent::getFormattedMessage)
                        .anyMatch(m -> m.contains("build_and_run_instance"));
            } finally {
                outboxLogger.detachAppender(outboxLog);
            }
            java.util.concurrent.BlockingQueue<String> builds = new java.util.concurrent.LinkedBlockingQueue<>();
            f.transport.listen(ComputeRpcApi.TOPIC, "compute-1", (method, args) -> builds.add(method + " "
                    + args.get("instance_uuid")));

            f.transport.call(ConductorRpcApi.TOPIC, "conductor-1", "build_instances",
                    Map.of("instance_uuids", List.of(uuid), "request_id", ctx.requestId())).get();

            assertThat(builds.poll(300, java.util.concurrent.TimeUnit.MILLISECONDS)).isNull();
            assertThat(f.cloud.nodes().list().get(0).memoryMbUsed()).isEqualTo(512);
            Thread.sleep(1100);
            assertThat(f.cloud.outboxRelay().sweep()).isEqualTo(1);
            assertThat(builds.poll(10, java.util.concurrent.TimeUnit.SECONDS))
                    .isEqualTo("build_and_run_instance " + uuid);
            assertThat(f.cloud.outboxRelay().sweep()).isZero();
        }
    }

    @Test
    void aStopSentAgainAfterTheServerWasStartedChangesNothing() throws Exception {
        try (CloudFixture f = new CloudFixture("sqlite")) {
            f.addCompute("compute-1");
            RequestContext ctx = CloudFixture.user("p1");
            String uuid = f.cloud.servers().create(ctx, ServerCreate.of("twice", SeedData.CIRROS_IMAGE_ID, "1"))
                    .instances().get(0).uuid();
            f.await(ctx, List.of(uuid), i -> VmStates.ACTIVE.equals(i.vmState()) && i.taskState() == null);
            RequestContext stop = CloudFixture.user("p1");
            f.cloud.servers().stop(stop, uuid);
            f.await(ctx, List.of(uuid), i -> VmStates.STOPPED.equals(i.vmState()) && i.taskState() == null);
            f.cloud.servers().start(CloudFixture.user("p1"), uuid);
            f.await(ctx, List.of(uuid), i -> VmStates.ACTIVE.equals(i.vmState()) && i.taskState() == null);

            f.transport.call(ComputeRpcApi.TOPIC, "compute-1", "stop_instance",
                    Map.of("instance_uuid", uuid, "request_id", stop.requestId())).get();

            Instance after = f.await(ctx, List.of(uuid), i -> true).get(0);
            assertThat(after.vmState()).isEqualTo(VmStates.ACTIVE);
            assertThat(after.powerState()).isEqualTo(org.jnova.objects.PowerState.RUNNING);
            assertThat(f.cloud.actions().get(uuid, stop.requestId()).orElseThrow().events())
                    .extracting(InstanceAction.InstanceActionEvent::event).containsOnlyOnce("compute_stop_instance");
        }
    }
}
