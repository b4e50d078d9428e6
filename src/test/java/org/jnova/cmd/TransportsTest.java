package org.jnova.cmd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jnova.conf.ComputeOpts;
import org.jnova.conf.MessagingOpts;
import org.jnova.conf.cfg.ConfigOpts;
import org.jnova.conf.cfg.Opt;
import org.jnova.exception.ConfigError;
import org.jnova.rpc.FakeTransport;
import org.jnova.rpc.Transport;
import org.jnova.rpc.rabbit.RabbitTransport;
import org.junit.jupiter.api.Test;

/** transport_url picks the transport. */
class TransportsTest {
    private static ConfigOpts conf(String url) {
        List<Opt<?>> all = new ArrayList<>(ComputeOpts.all());
        all.addAll(MessagingOpts.all());
        ConfigOpts conf = new ConfigOpts(all);
        conf.set(ComputeOpts.TRANSPORT_URL, url);
        return conf;
    }

    @Test
    void fakeIsInProcess() {
        try (Transport t = Transports.fromConfig(conf("fake://"))) {
            assertThat(t).isInstanceOf(FakeTransport.class);
        }
        assertThat(Transports.isInProcess("fake://")).isTrue();
        assertThat(Transports.isInProcess("rabbit://")).isFalse();
    }

    @Test
    void rabbitConnectsToTheBrokerWithTheConfiguredExchange() throws Exception {
        ConfigOpts conf = conf("rabbit://guest:guest@127.0.0.1:5672/");
        String exchange = "jnova-test-transports-" + System.nanoTime();
        conf.set(MessagingOpts.CONTROL_EXCHANGE, exchange);
        String topic = "transports-" + System.nanoTime();
        try (Transport t = Transports.fromConfig(conf)) {
            assertThat(t).isInstanceOf(RabbitTransport.class);
            t.listen(topic, "h", (method, args) -> method);
            assertThat(t.call(topic, "h", "hello", Map.of()).get(10, TimeUnit.SECONDS)).isEqualTo("hello");
            t.unlisten(topic, "h");
            RabbitTransport rabbit = (RabbitTransport) t;
            rabbit.deleteQueue(topic);
            rabbit.deleteQueue(topic + ".h");
            rabbit.deleteExchange();
        }
    }

    @Test
    void otherSchemesAreConfigErrorsWithoutThePassword() {
        assertThatThrownBy(() -> Transports.fromConfig(conf("kafka://nova:hunter2@mq:9092/")))
                .isInstanceOf(ConfigError.class).hasMessageContaining("kafka://nova:****@")
                .hasMessageNotContaining("hunter2");
    }
}
