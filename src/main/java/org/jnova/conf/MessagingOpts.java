package org.jnova.conf;

import java.util.List;
import org.jnova.conf.cfg.Opt;

/**
 * oslo.messaging's options jnova's RabbitMQ transport reads: {@code [DEFAULT]}
 * control_exchange, rpc_response_timeout and executor_thread_pool_size, and the
 * {@code [oslo_messaging_rabbit]} ones it honours (nova.conf.sample, Zed).
 */
public final class MessagingOpts {
    private MessagingOpts() {
    }

    private static final String RABBIT = "oslo_messaging_rabbit";

    public static final Opt<String> CONTROL_EXCHANGE = Opt.string("DEFAULT", "control_exchange").defaultValue("nova")
            .help("The default exchange under which topics are scoped. May be overridden by an exchange name "
                    + "specified in the transport_url option.").build();
    public static final Opt<Integer> RPC_RESPONSE_TIMEOUT = Opt.integer("DEFAULT", "rpc_response_timeout")
            .defaultValue(60).help("Seconds to wait for a response from a call.").build();
    public static final Opt<Integer> EXECUTOR_THREAD_POOL_SIZE = Opt.integer("DEFAULT", "executor_thread_pool_size")
            .defaultValue(64).help("Size of executor thread pool when executor is threading or eventlet. jnova "
                    + "uses it as the number of messages a listener handles at once when "
                    + "rabbit_qos_prefetch_count is 0.").build();
    public static final Opt<Boolean> AMQP_DURABLE_QUEUES = Opt.bool(RABBIT, "amqp_durable_queues").defaultValue(false)
            .help("Use durable queues in AMQP. If rabbit_quorum_queue is enabled, queues will be durable and "
                    + "this value will be ignored.").build();
    public static final Opt<Integer> RABBIT_RETRY_INTERVAL = Opt.integer(RABBIT, "rabbit_retry_interval")
            .defaultValue(1).help("How frequently to retry connecting with RabbitMQ.").build();
    public static final Opt<Integer> RABBIT_TRANSIENT_QUEUES_TTL = Opt.integer(RABBIT, "rabbit_transient_queues_ttl")
            .defaultValue(1800).min(1).help("Positive integer representing duration in seconds for queue TTL "
                    + "(x-expires). Queues which are unused for the duration of the TTL are automatically "
                    + "deleted. The parameter affects only reply and fanout queues.").build();
    public static final Opt<Integer> RABBIT_QOS_PREFETCH_COUNT = Opt.integer(RABBIT, "rabbit_qos_prefetch_count")
            .defaultValue(0).min(0).help("Specifies the number of messages to prefetch. Setting to zero allows "
                    + "unlimited messages (jnova: executor_thread_pool_size).").build();
    public static final Opt<Integer> HEARTBEAT_TIMEOUT_THRESHOLD = Opt.integer(RABBIT, "heartbeat_timeout_threshold")
            .defaultValue(60).min(0).help("Number of seconds after which the Rabbit broker is considered down if "
                    + "heartbeat's keep-alive fails (0 disables heartbeat).").build();

    public static List<Opt<?>> all() {
        return List.of(CONTROL_EXCHANGE, RPC_RESPONSE_TIMEOUT, EXECUTOR_THREAD_POOL_SIZE, AMQP_DURABLE_QUEUES,
                RABBIT_RETRY_INTERVAL, RABBIT_TRANSIENT_QUEUES_TTL, RABBIT_QOS_PREFETCH_COUNT,
                HEARTBEAT_TIMEOUT_THRESHOLD);
    }
}
