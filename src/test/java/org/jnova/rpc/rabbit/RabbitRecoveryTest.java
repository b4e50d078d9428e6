package org.jnova.rpc.rabbit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jnova.exception.ConfigError;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Connection loss and broker lists: the transport comes back by itself, listeners included. */
class RabbitRecoveryTest {
    private final RabbitFixture rabbit = new RabbitFixture();

    @AfterEach
    void deleteQueuesAndExchange() {
        rabbit.close();
    }

    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private RabbitSettings via(String url) {
        RabbitSettings s = rabbit.settings();
        return new RabbitSettings(RabbitUrl.parse(url), s.exchange(), s.responseTimeout(), s.prefetch(),
                s.durableQueues(), s.heartbeat(), Duration.ofMillis(300), s.replyQueueTtl(), s.shutdownGrace());
    }

    @Test
    void listenersAndRepliesComeBackAfterTheConnectionIsCut() throws Exception {
        String topic = rabbit.topic("compute", "h");
        try (TcpProxy proxy = new TcpProxy("127.0.0.1", 5672)) {
            RabbitTransport server = rabbit.transport(via("rabbit://guest:guest@127.0.0.1:" + proxy.port() + "/"));
            server.listen(topic, "h", (method, args) -> "pong " + args.get("n"));
            RabbitTransport client = rabbit.transport(via("rabbit://guest:guest@127.0.0.1:" + proxy.port() + "/"));
            assertThat(client.call(topic, "h", "ping", Map.of("n", 1)).get(10, TimeUnit.SECONDS)).isEqualTo("pong 1");

            proxy.cutAll();

            Object answer = null;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (answer == null && System.nanoTime() < deadline) {
                try {
                    answer = client.call(topic, "h", "ping", Map.of("n", 2)).get(2, TimeUnit.SECONDS);
                } catch (Exception notYet) {
                    Thread.sleep(200);
                }
            }
            assertThat(answer).isEqualTo("pong 2");
        }
    }

    @Test
    void theFirstReachableBrokerOfTheListIsUsed() throws Exception {
        String topic = rabbit.topic("compute", "h");
        RabbitTransport server = rabbit.transport(
                via("rabbit://guest:guest@127.0.0.1:" + closedPort() + ",guest:guest@127.0.0.1:5672/"));
        server.listen(topic, "h", (method, args) -> "here");

        assertThat(rabbit.transport().call(topic, "h", "where", Map.of()).get(10, TimeUnit.SECONDS)).isEqualTo("here");
    }

    @Test
    void noReachableBrokerIsAStartUpError() throws Exception {
        int port = closedPort();

        assertThatThrownBy(() -> new RabbitTransport(via("rabbit://guest:guest@127.0.0.1:" + port + "/")))
                .isInstanceOf(ConfigError.class).hasMessageContaining("Cannot connect")
                .hasMessageNotContaining("guest:guest");
    }

    @Test
    void wrongCredentialsAreAStartUpError() {
        assertThatThrownBy(() -> new RabbitTransport(via("rabbit://guest:wrong@127.0.0.1:5672/")))
                .isInstanceOf(ConfigError.class).hasMessageNotContaining("wrong");
    }
}
