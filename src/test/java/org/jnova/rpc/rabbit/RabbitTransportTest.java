package org.jnova.rpc.rabbit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jnova.compute.rpcapi.ComputeMessage;
import org.jnova.compute.rpcapi.ComputeMessage.BackupInstance;
import org.jnova.compute.rpcapi.ComputeMessage.GetConsoleOutput;
import org.jnova.compute.rpcapi.ComputeMessageCodec;
import org.jnova.compute.rpcapi.ComputeRpcApi;
import org.jnova.exception.NotFound;
import org.jnova.rpc.MessagingTimeout;
import org.jnova.rpc.RemoteError;
import org.jnova.rpc.RemoteNovaError;
import org.jnova.rpc.Transport;
import org.jnova.rpc.WireMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The RabbitMQ transport against the real broker on 127.0.0.1:5672. */
class RabbitTransportTest {
    private final RabbitFixture rabbit = new RabbitFixture();

    @AfterEach
    void deleteQueuesAndExchange() {
        rabbit.close();
    }

    /** An endpoint recording what it was sent. */
    private static Transport.Endpoint recorder(BlockingQueue<String> got, String server) {
        return (method, args) -> {
            got.add(server + " " + method + " " + args);
            return Map.of("server", server, "echo", args);
        };
    }

    @Test
    void castFromOneProcessReachesTheServerOfAnother() throws Exception {
        String topic = rabbit.topic("compute", "host1");
        BlockingQueue<Map<String, Object>> got = new LinkedBlockingQueue<>();
        rabbit.transport().listen(topic, "host1", (method, args) -> got.add(Map.of("method", method, "args", args)));

        rabbit.transport().cast(topic, "host1", "build_and_run_instance",
                Map.of("instance_uuid", "u-1", "n", 3, "list", List.of("a", "b")));

        assertThat(got.poll(10, TimeUnit.SECONDS)).isEqualTo(Map.of("method", "build_and_run_instance",
                "args", Map.of("instance_uuid", "u-1", "n", 3, "list", List.of("a", "b"))));
    }

    @Test
    void typedMessagesCrossTheBrokerWithTheirVersion() throws Exception {
        String topic = rabbit.topic("compute", "host1");
        BlockingQueue<Object> got = new LinkedBlockingQueue<>();
        rabbit.transport().listen(topic, "host1", new Transport.Endpoint() {
            @Override
            public Object dispatch(String method, Map<String, Object> args) {
                throw new AssertionError("sent without its version");
            }

            @Override
            public Object dispatch(String method, String version, Map<String, Object> args) throws Exception {
                got.add(version);
                return ComputeRpcApi.endpoint(message -> {
                    got.add(message);
                    return message instanceof GetConsoleOutput ? "console" : null;
                }).dispatch(method, version, args);
            }
        });
        ComputeMessageCodec codec = new ComputeMessageCodec();
        ComputeMessage sent = new BackupInstance("u-1", "req-1", "img-1", "daily", 2,
                org.jnova.context.RequestContext.project("demo", "demo", java.util.List.of("member"), false, "req-1"));
        WireMessage wire = codec.encode(sent);

        rabbit.transport().cast(topic, "host1", wire.method(), "6.0", wire.args());
        assertThat(got.poll(10, TimeUnit.SECONDS)).isEqualTo("6.0");
        assertThat(got.poll(10, TimeUnit.SECONDS)).isEqualTo(sent);
        Object answer = rabbit.transport().call(topic, "host1", "get_console_output", "6.3",
                codec.encode(new GetConsoleOutput("u-1", "req-2", 3)).args()).get(10, TimeUnit.SECONDS);

        assertThat(got.poll(10, TimeUnit.SECONDS)).isEqualTo("6.3");
        assertThat(got.poll(10, TimeUnit.SECONDS)).isEqualTo(new GetConsoleOutput("u-1", "req-2", 3));
        assertThat(answer).isEqualTo("console");
    }

    @Test
    void callReturnsTheEndpointsResultFromTheAddressedHost() throws Exception {
        String topic = rabbit.topic("compute", "host1", "host2");
        BlockingQueue<String> got = new LinkedBlockingQueue<>();
        RabbitTransport server = rabbit.transport();
        server.listen(topic, "host1", recorder(got, "host1"));
        server.listen(topic, "host2", recorder(got, "host2"));

        Object answer = rabbit.transport().call(topic, "host2", "ping", Map.of("x", 1)).get(10, TimeUnit.SECONDS);

        assertThat(answer).isEqualTo(Map.of("server", "host2", "echo", Map.of("x", 1)));
        assertThat(got).containsExactly("host2 ping {x=1}");
    }

    @Test
    void castsWithoutHostAreSharedOutOnceEachAmongTheServersOfTheTopic() throws Exception {
        String topic = rabbit.topic("conductor", "a", "b");
        BlockingQueue<String> got = new LinkedBlockingQueue<>();
        rabbit.transport().listen(topic, "a", recorder(got, "a"));
        rabbit.transport().listen(topic, "b", recorder(got, "b"));
        RabbitTransport client = rabbit.transport();

        for (int i = 0; i < 20; i++) {
            client.cast(topic, null, "build_instances", Map.of("i", i));
        }

        List<String> handled = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) {
            handled.add(got.poll(10, TimeUnit.SECONDS));
        }
        assertThat(handled).doesNotContainNull();
        assertThat(handled.stream().map(s -> s.substring(s.indexOf(' ') + 1)).distinct()).hasSize(20);
        assertThat(got.poll(300, TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    void callWithoutServerTimesOutWithMessagingTimeout() {
        String topic = rabbit.topic("compute", "nobody");
        RabbitTransport client = rabbit.transport(rabbit.settings().withResponseTimeout(Duration.ofMillis(700)));

        long start = System.nanoTime();
        assertThatThrownBy(() -> client.call(topic, "nobody", "ping", Map.of()).get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).cause().isInstanceOf(MessagingTimeout.class)
                .hasMessageContaining("ping");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(600), Duration.ofSeconds(5));
    }

    @Test
    void endpointExceptionsTravelBackToTheCaller() {
        String topic = rabbit.topic("compute", "h");
        rabbit.transport().listen(topic, "h", (method, args) -> {
            if (method.equals("missing")) {
                throw new NotFound("Instance u-9 could not be found.");
            }
            throw new IllegalStateException("the hypervisor is on fire");
        });
        RabbitTransport client = rabbit.transport();

        assertThatThrownBy(() -> client.call(topic, "h", "missing", Map.of()).get(10, TimeUnit.SECONDS))
                .cause().isInstanceOfSatisfying(RemoteNovaError.class, e -> {
                    assertThat(e.code()).isEqualTo(404);
                    assertThat(e.getMessage()).isEqualTo("Instance u-9 could not be found.");
                    assertThat(e.excType()).isEqualTo(NotFound.class.getName());
                });
        assertThatThrownBy(() -> client.call(topic, "h", "boom", Map.of()).get(10, TimeUnit.SECONDS))
                .cause().isInstanceOfSatisfying(RemoteError.class, e -> {
                    assertThat(e.excType()).isEqualTo("java.lang.IllegalStateException");
                    assertThat(e.value()).isEqualTo("the hypervisor is on fire");
                });
    }

    @Test
    void aMessageNotAcknowledgedBeforeItsServerStoppedIsRedeliveredToTheNextServer() throws Exception {
        String topic = rabbit.topic("compute", "h");
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch never = new CountDownLatch(1);
        RabbitTransport dying = rabbit.transport(rabbit.settings().withShutdownGrace(Duration.ZERO));
        dying.listen(topic, "h", (method, args) -> {
            started.countDown();
            never.await();
            return null;
        });
        rabbit.transport().cast(topic, "h", "build_and_run_instance", Map.of("instance_uuid", "u-2"));
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

        dying.close();
        BlockingQueue<String> got = new LinkedBlockingQueue<>();
        rabbit.transport().listen(topic, "h", recorder(got, "h"));

        assertThat(got.poll(10, TimeUnit.SECONDS)).isEqualTo("h build_and_run_instance {instance_uuid=u-2}");
        never.countDown();
    }

    @Test
    void castsToAServerThatIsDownWaitInItsQueueUntilItIsBack() throws Exception {
        String topic = rabbit.topic("compute", "h");
        RabbitTransport first = rabbit.transport();
        first.listen(topic, "h", (method, args) -> null);
        first.close();
        RabbitTransport client = rabbit.transport();

        for (int i = 0; i < 3; i++) {
            client.cast(topic, "h", "stop_instance", Map.of("i", i));
        }
        String other = rabbit.topic("scheduler", "never-seen");
        client.cast(other, "never-seen", "start_instance", Map.of());
        BlockingQueue<String> got = new LinkedBlockingQueue<>();
        rabbit.transport().listen(topic, "h", recorder(got, "h"));
        rabbit.transport().listen(other, "never-seen", recorder(got, "never-seen"));

        List<String> handled = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            handled.add(got.poll(10, TimeUnit.SECONDS));
        }
        assertThat(handled).containsExactlyInAnyOrder("h stop_instance {i=0}", "h stop_instance {i=1}",
                "h stop_instance {i=2}", "never-seen start_instance {}");
    }

    @Test
    void stoppingWaitsForMessagesBeingHandledAndAcknowledgesThem() throws Exception {
        String topic = rabbit.topic("compute", "h");
        CountDownLatch started = new CountDownLatch(1);
        RabbitTransport server = rabbit.transport();
        server.listen(topic, "h", (method, args) -> {
            started.countDown();
            Thread.sleep(500);
            return null;
        });
        rabbit.transport().cast(topic, "h", "build_and_run_instance", Map.of());
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

        server.unlisten(topic, "h");
        BlockingQueue<String> got = new LinkedBlockingQueue<>();
        rabbit.transport().listen(topic, "h", recorder(got, "h"));

        assertThat(got.poll(1500, TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    void aServerHandlesAtMostPrefetchMessagesOfAQueueAtOnce() throws Exception {
        String topic = rabbit.topic("compute", "h");
        RabbitSettings s = rabbit.settings();
        RabbitSettings two = new RabbitSettings(s.url(), s.exchange(), s.responseTimeout(), 2, s.durableQueues(),
                s.heartbeat(), s.retryInterval(), s.replyQueueTtl(), s.shutdownGrace());
        java.util.concurrent.atomic.AtomicInteger started = new java.util.concurrent.atomic.AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch finished = new CountDownLatch(5);
        rabbit.transport(two).listen(topic, "h", (method, args) -> {
            started.incrementAndGet();
            release.await();
            finished.countDown();
            return null;
        });
        RabbitTransport client = rabbit.transport();

        for (int i = 0; i < 5; i++) {
            client.cast(topic, "h", "build_and_run_instance", Map.of("i", i));
        }
        Thread.sleep(800);
        assertThat(started).hasValue(2);
        release.countDown();

        assertThat(finished.await(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void durableQueuesCarryCastsAndCallsAlike() throws Exception {
        try (RabbitFixture durable = new RabbitFixture(true)) {
            String topic = durable.topic("compute", "h");
            RabbitTransport server = durable.transport();
            server.listen(topic, "h", (method, args) -> "done " + method);
            server.unlisten(topic, "h");
            durable.transport().cast(topic, "h", "queued", Map.of());
            BlockingQueue<String> got = new LinkedBlockingQueue<>();
            durable.transport().listen(topic, "h", recorder(got, "h"));

            assertThat(got.poll(10, TimeUnit.SECONDS)).isEqualTo("h queued {}");
            assertThat(durable.transport().call(topic, "h", "ping", Map.of()).get(10, TimeUnit.SECONDS))
                    .isEqualTo(Map.of("server", "h", "echo", Map.of()));
        }
    }
}
