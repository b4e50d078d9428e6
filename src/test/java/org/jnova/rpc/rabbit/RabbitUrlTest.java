package org.jnova.rpc.rabbit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.jnova.exception.ConfigError;
import org.junit.jupiter.api.Test;

/** transport_url as oslo.messaging reads rabbit:// URLs. */
class RabbitUrlTest {
    @Test
    void novasExampleUsesTheDefaultVirtualHost() {
        RabbitUrl url = RabbitUrl.parse("rabbit://rabbitmq:password@127.0.0.1:5672//");

        assertThat(url).isEqualTo(new RabbitUrl(List.of(new RabbitUrl.Host("127.0.0.1", 5672)), "rabbitmq",
                "password", "/"));
    }

    @Test
    void bareSchemeIsGuestOnLocalhost() {
        assertThat(RabbitUrl.parse("rabbit://")).isEqualTo(new RabbitUrl(
                List.of(new RabbitUrl.Host("localhost", 5672)), "guest", "guest", "/"));
    }

    @Test
    void severalHostsKeepTheirOrderAndTheFirstCredentials() {
        RabbitUrl url = RabbitUrl.parse("rabbit://nova:s%40cret@mq1:5673,nova:s%40cret@[fd00::2],mq3/openstack?ssl=0");

        assertThat(url.hosts()).containsExactly(new RabbitUrl.Host("mq1", 5673), new RabbitUrl.Host("fd00::2", 5672),
                new RabbitUrl.Host("mq3", 5672));
        assertThat(url.password()).isEqualTo("s@cret");
        assertThat(url.virtualHost()).isEqualTo("openstack");
    }

    @Test
    void badPortsAreConfigErrorsWithoutThePassword() {
        assertThatThrownBy(() -> RabbitUrl.parse("rabbit://nova:topsecret@mq1:99999/"))
                .isInstanceOf(ConfigError.class).hasMessageContaining("nova:****@").hasMessageNotContaining("topsecret");
        assertThat(RabbitUrl.parse("rabbit://nova:topsecret@mq1/").toString()).doesNotContain("topsecret");
    }
}
