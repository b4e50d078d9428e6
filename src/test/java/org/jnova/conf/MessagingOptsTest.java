package org.jnova.conf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jnova.conf.SampleDefaults.defaults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.jnova.conf.cfg.ConfigOpts;
import org.jnova.conf.cfg.Opt;
import org.jnova.conf.cfg.SampleConfigGenerator;
import org.jnova.rpc.rabbit.RabbitSettings;
import org.junit.jupiter.api.Test;

/** MessagingOpts against nova's sample config (Zed), and what the transport makes of them. */
class MessagingOptsTest {
    @Test
    void everyOptionMatchesNovasSampleConfig() throws IOException {
        Map<String, String> nova = defaults(Files.readAllLines(Path.of("../shared/reference/nova.conf.sample-zed")));
        Map<String, String> ours = defaults(new SampleConfigGenerator(MessagingOpts.all()).generate().lines().toList());

        for (Opt<?> opt : MessagingOpts.all()) {
            String key = opt.group() + " " + opt.name();
            assertThat(nova).as("nova declares %s", key).containsKey(key);
            assertThat(ours.get(key)).as("default of %s", key).isEqualTo(nova.get(key));
        }
    }

    @Test
    void unlimitedPrefetchIsBoundedByTheExecutorPoolAndTheExchangeIsTheControlExchange() {
        ConfigOpts conf = new ConfigOpts(MessagingOpts.all());
        conf.set(MessagingOpts.CONTROL_EXCHANGE, "openstack");
        conf.set(MessagingOpts.EXECUTOR_THREAD_POOL_SIZE, "16");

        RabbitSettings settings = RabbitSettings.from("rabbit://u:p@mq:5672/", conf);

        assertThat(settings.exchange()).isEqualTo("openstack");
        assertThat(settings.prefetch()).isEqualTo(16);
        assertThat(settings.responseTimeout()).hasSeconds(60);
        conf.set(MessagingOpts.RABBIT_QOS_PREFETCH_COUNT, "3");
        assertThat(RabbitSettings.from("rabbit://u:p@mq:5672/", conf).prefetch()).isEqualTo(3);
    }
}
