package org.jnova.rpc.rabbit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Transports on the RabbitMQ of 127.0.0.1:5672 (guest/guest) with a throw-away exchange and
 * topic names of their own, so runs never meet; {@link #close()} deletes what they created.
 */
final class RabbitFixture implements AutoCloseable {
    static final String URL = "rabbit://guest:guest@127.0.0.1:5672/";

    final String id = UUID.randomUUID().toString().substring(0, 8);
    final String exchange = "jnova-test-" + id;
    private final List<RabbitTransport> transports = new ArrayList<>();
    private final List<String> queues = new ArrayList<>();
    private final boolean durable;

    RabbitFixture() {
        this(false);
    }

    /** With {@code amqp_durable_queues} as given (the exchange is durable too, as in oslo). */
    RabbitFixture(boolean durable) {
        this.durable = durable;
    }

    /** A topic name unique to this fixture; its queues ({@code topic}, {@code topic.host}) are deleted at close. */
    String topic(String name, String... hosts) {
        String topic = name + "-" + id;
        queues.add(topic);
        for (String host : hosts) {
            queues.add(topic + "." + host);
        }
        return topic;
    }

    RabbitSettings settings() {
        return RabbitSettings.defaults(URL).withExchange(exchange).withResponseTimeout(Duration.ofSeconds(5))
                .withShutdownGrace(Duration.ofSeconds(5)).withDurableQueues(durable);
    }

    /** A new transport (its own connection: another "process"). */
    RabbitTransport transport() {
        return transport(settings());
    }

    RabbitTransport transport(RabbitSettings settings) {
        RabbitTransport transport = new RabbitTransport(settings);
        transports.add(transport);
        return transport;
    }

    @Override
    public void close() {
        try (RabbitTransport cleaner = new RabbitTransport(settings())) {
            for (String queue : queues) {
                cleaner.deleteQueue(queue);
            }
            cleaner.deleteExchange();
        } finally {
            transports.forEach(RabbitTransport::close);
        }
    }
}
