package org.jnova.rpc.rabbit;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Address;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.Delivery;
import com.rabbitmq.client.ListAddressResolver;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jnova.exception.ConfigError;
import org.jnova.rpc.MessageDeliveryFailure;
import org.jnova.rpc.MessagingTimeout;
import org.jnova.rpc.Transport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code rabbit://} transport, laid out as oslo.messaging's rabbit driver: a topic
 * exchange named by {@code control_exchange}; each server of a topic consumes the shared
 * queue {@code topic} and its own {@code topic.host}, both bound with their names as routing
 * keys. Casts are persistent and return once the broker confirmed them; servers acknowledge
 * after handling, so a message whose server died is redelivered. A call carries
 * {@code reply_to} (this transport's exclusive reply queue) and a correlation id; the reply
 * completes its future, or {@link MessagingTimeout} does after {@code rpc_response_timeout}.
 * The connection recovers by itself after a loss (queues, bindings and consumers included).
 */
public final class RabbitTransport implements Transport {
    private static final Logger LOG = LoggerFactory.getLogger(RabbitTransport.class);
    private static final String JSON = "application/json";

    private final RabbitSettings settings;
    private final Connection connection;
    private final Publisher publisher;
    private final RpcCodec codec = new RpcCodec();
    private final ExecutorService handlers = Executors.newVirtualThreadPerTaskExecutor();
    private final Map<String, RabbitListener> listeners = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<Object>> pendingCalls = new ConcurrentHashMap<>();
    private final Set<String> declaredQueues = ConcurrentHashMap.newKeySet();
    private final String replyQueue = "reply_" + UUID.randomUUID().toString().replace("-", "");
    private final Channel replyChannel;

    /**
     * Connects to the first reachable broker of the URL and declares the exchange and this
     * transport's reply queue.
     *
     * @throws ConfigError when no broker can be reached
     */
    public RabbitTransport(RabbitSettings settings) {
        this.settings = settings;
        this.connection = connect(settings);
        try {
            this.publisher = new Publisher(connection, settings.responseTimeout().toMillis());
            publisher.withChannel(channel -> channel.exchangeDeclare(settings.exchange(), "topic",
                    settings.durableQueues(), false, null), "Cannot declare exchange " + settings.exchange());
            this.replyChannel = connection.createChannel();
            replyChannel.queueDeclare(replyQueue, false, true, true,
                    Map.of("x-expires", (int) Math.min(Integer.MAX_VALUE, settings.replyQueueTtl().toMillis())));
            replyChannel.basicConsume(replyQueue, true, (tag, delivery) -> replied(delivery), tag -> {
                LOG.warn("The reply consumer was cancelled by the broker");
            });
        } catch (IOException | RuntimeException e) {
            closeQuietly();
            throw new MessageDeliveryFailure("Cannot set up messaging on " + settings.url() + ": " + e, e);
        }
        LOG.info("Connected to AMQP server on {}:{} (exchange {})", connection.getAddress().getHostAddress(),
                connection.getPort(), settings.exchange());
    }

    private static Connection connect(RabbitSettings settings) {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setUsername(settings.url().username());
        factory.setPassword(settings.url().password());
        factory.setVirtualHost(settings.url().virtualHost());
        factory.setAutomaticRecoveryEnabled(true);
        factory.setTopologyRecoveryEnabled(true);
        factory.setNetworkRecoveryInterval(settings.retryInterval().toMillis());
        factory.setRequestedHeartbeat((int) Math.min(Integer.MAX_VALUE, settings.heartbeat().toSeconds() / 2));
        factory.setConnectionTimeout(10_000);
        List<Address> addresses = new ArrayList<>();
        for (RabbitUrl.Host host : settings.url().hosts()) {
            addresses.add(new Address(host.name(), host.port()));
        }
        // In order, not shuffled: the first reachable broker wins.
        ListAddressResolver inOrder = new ListAddressResolver(addresses) {
            @Override
            public List<Address> maybeShuffle(List<Address> input) {
                return input;
            }
        };
        try {
            return factory.newConnection(null, inOrder, "jnova-" + ProcessHandle.current().pid());
        } catch (IOException | TimeoutException e) {
            throw new ConfigError("Cannot connect to the AMQP server(s) of transport_url " + settings.url() + ": "
                    + e.getMessage());
        }
    }

    @Override
    public void listen(String topic, String host, Endpoint endpoint) {
        String key = topic + "." + host;
        try {
            List<String> queues = List.of(topic, key);
            for (String queue : queues) {
                declareQueue(queue);
            }
            Channel channel = connection.createChannel();
            RabbitListener listener = new RabbitListener(topic, host, endpoint, channel, codec, this::reply, handlers);
            listener.start(settings.prefetch(), queues);
            RabbitListener previous = listeners.put(key, listener);
            if (previous != null) {
                previous.stop(settings.shutdownGrace());
            }
        } catch (IOException e) {
            throw new MessageDeliveryFailure("Cannot listen on " + key + ": " + e, e);
        }
    }

    @Override
    public void unlisten(String topic, String host) {
        RabbitListener listener = listeners.remove(topic + "." + host);
        if (listener != null) {
            listener.stop(settings.shutdownGrace());
        }
    }

    @Override
    public void cast(String topic, String host, String method, String version, Map<String, Object> args) {
        String routingKey = routingKey(topic, host);
        declareQueue(routingKey);
        AMQP.BasicProperties props = new AMQP.BasicProperties.Builder().contentType(JSON).deliveryMode(2).build();
        publisher.publish(settings.exchange(), routingKey, props, codec.request(method, version, args));
    }

    @Override
    public CompletableFuture<Object> call(String topic, String host, String method, String version,
            Map<String, Object> args) {
        String routingKey = routingKey(topic, host);
        String correlationId = UUID.randomUUID().toString();
        CompletableFuture<Object> answer = new CompletableFuture<>();
        pendingCalls.put(correlationId, answer);
        answer.whenComplete((result, error) -> pendingCalls.remove(correlationId));
        long timeout = settings.responseTimeout().toMillis();
        CompletableFuture.delayedExecutor(timeout, TimeUnit.MILLISECONDS).execute(() -> answer.completeExceptionally(
                new MessagingTimeout("Timed out waiting for a reply to message ID " + correlationId + " (" + method
                        + " on " + routingKey + ", " + settings.responseTimeout().toSeconds() + " s)")));
        try {
            declareQueue(routingKey);
            AMQP.BasicProperties props = new AMQP.BasicProperties.Builder().contentType(JSON).deliveryMode(1)
                    .replyTo(replyQueue).correlationId(correlationId).expiration(Long.toString(timeout)).build();
            publisher.publish(settings.exchange(), routingKey, props, codec.request(method, version, args));
        } catch (RuntimeException e) {
            answer.completeExceptionally(e);
        }
        return answer;
    }

    private static String routingKey(String topic, String host) {
        return host == null ? topic : topic + "." + host;
    }

    /** Declares and binds a server queue once per transport (automatic recovery redeclares it). */
    private void declareQueue(String name) {
        if (declaredQueues.contains(name)) {
            return;
        }
        publisher.withChannel(channel -> {
            channel.queueDeclare(name, settings.durableQueues(), false, false, null);
            channel.queueBind(name, settings.exchange(), name);
        }, "Cannot declare queue " + name);
        declaredQueues.add(name);
    }

    private void reply(String replyTo, String correlationId, byte[] body) {
        AMQP.BasicProperties props = new AMQP.BasicProperties.Builder().contentType(JSON).correlationId(correlationId)
                .build();
        publisher.publish("", replyTo, props, body);
    }

    private void replied(Delivery delivery) {
        String correlationId = delivery.getProperties().getCorrelationId();
        CompletableFuture<Object> answer = correlationId == null ? null : pendingCalls.get(correlationId);
        if (answer == null) {
            LOG.info("No calling threads waiting for msg_id : {}", correlationId);
            return;
        }
        try {
            answer.complete(codec.readReply(delivery.getBody()));
        } catch (IOException e) {
            answer.completeExceptionally(new MessageDeliveryFailure("Unreadable reply: " + e.getMessage(), e));
        } catch (RuntimeException remote) {
            answer.completeExceptionally(remote);
        }
    }

    /** Deletes a queue this test or tool created (not used by the services themselves). */
    public void deleteQueue(String name) {
        publisher.withChannel(channel -> channel.queueDelete(name), "Cannot delete queue " + name);
        declaredQueues.remove(name);
    }

    /** Deletes this transport's exchange (for tests using a throw-away exchange). */
    public void deleteExchange() {
        publisher.withChannel(channel -> channel.exchangeDelete(settings.exchange()),
                "Cannot delete exchange " + settings.exchange());
    }

    /** Stops every listener (each with its grace period), fails pending calls, disconnects. */
    @Override
    public void close() {
        for (String key : List.copyOf(listeners.keySet())) {
            RabbitListener listener = listeners.remove(key);
            if (listener != null) {
                listener.stop(settings.shutdownGrace());
            }
        }
        pendingCalls.values().forEach(f -> f.completeExceptionally(new MessagingTimeout("The transport was closed")));
        closeQuietly();
        handlers.shutdown();
    }

    private void closeQuietly() {
        if (publisher != null) {
            publisher.close();
        }
        try {
            connection.close(5_000);
        } catch (IOException | RuntimeException e) {
            LOG.debug("Closing the AMQP connection failed: {}", e.toString());
        }
    }
}
