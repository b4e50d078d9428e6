package org.jnova.rpc.rabbit;

import java.time.Duration;
import java.util.Objects;
import org.jnova.conf.MessagingOpts;
import org.jnova.conf.cfg.ConfigOpts;

/**
 * Everything {@link RabbitTransport} needs: where the broker is, the exchange topics are
 * scoped by, and the timing and flow limits.
 *
 * @param prefetch messages a listener holds unacknowledged at once (and handles concurrently)
 * @param shutdownGrace how long stopping a listener waits for messages being handled before it
 *     gives the rest back to the broker for redelivery
 */
public record RabbitSettings(RabbitUrl url, String exchange, Duration responseTimeout, int prefetch,
        boolean durableQueues, Duration heartbeat, Duration retryInterval, Duration replyQueueTtl,
        Duration shutdownGrace) {
    public RabbitSettings {
        Objects.requireNonNull(url, "url is null");
        Objects.requireNonNull(exchange, "exchange is null");
        if (prefetch < 1) {
            throw new IllegalArgumentException("prefetch must be positive");
        }
    }

    /** Settings from {@code transport_url} and the messaging options of {@code conf}. */
    public static RabbitSettings from(String transportUrl, ConfigOpts conf) {
        int prefetch = conf.get(MessagingOpts.RABBIT_QOS_PREFETCH_COUNT);
        return new RabbitSettings(RabbitUrl.parse(transportUrl), conf.get(MessagingOpts.CONTROL_EXCHANGE),
                Duration.ofSeconds(conf.get(MessagingOpts.RPC_RESPONSE_TIMEOUT)),
                prefetch > 0 ? prefetch : Math.max(1, conf.get(MessagingOpts.EXECUTOR_THREAD_POOL_SIZE)),
                conf.get(MessagingOpts.AMQP_DURABLE_QUEUES),
                Duration.ofSeconds(conf.get(MessagingOpts.HEARTBEAT_TIMEOUT_THRESHOLD)),
                Duration.ofSeconds(Math.max(1, conf.get(MessagingOpts.RABBIT_RETRY_INTERVAL))),
                Duration.ofSeconds(conf.get(MessagingOpts.RABBIT_TRANSIENT_QUEUES_TTL)), Duration.ofSeconds(30));
    }

    /** oslo.messaging's defaults for {@code url}. */
    public static RabbitSettings defaults(String transportUrl) {
        return new RabbitSettings(RabbitUrl.parse(transportUrl), "nova", Duration.ofSeconds(60), 64, false,
                Duration.ofSeconds(60), Duration.ofSeconds(1), Duration.ofSeconds(1800), Duration.ofSeconds(30));
    }

    public RabbitSettings withExchange(String name) {
        return new RabbitSettings(url, name, responseTimeout, prefetch, durableQueues, heartbeat, retryInterval,
                replyQueueTtl, shutdownGrace);
    }

    public RabbitSettings withResponseTimeout(Duration timeout) {
        return new RabbitSettings(url, exchange, timeout, prefetch, durableQueues, heartbeat, retryInterval,
                replyQueueTtl, shutdownGrace);
    }

    public RabbitSettings withDurableQueues(boolean durable) {
        return new RabbitSettings(url, exchange, responseTimeout, prefetch, durable, heartbeat, retryInterval,
                replyQueueTtl, shutdownGrace);
    }

    public RabbitSettings withShutdownGrace(Duration grace) {
        return new RabbitSettings(url, exchange, responseTimeout, prefetch, durableQueues, heartbeat, retryInterval,
                replyQueueTtl, grace);
    }
}
