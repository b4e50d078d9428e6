package org.jnova.rpc.rabbit;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Delivery;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.jnova.rpc.Transport.Endpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One server of a topic: consumes the shared {@code topic} queue and its own
 * {@code topic.host} queue on its own channel, at most {@code prefetch} unacknowledged messages
 * per queue, handles each on a virtual thread and acknowledges it only after the endpoint
 * returned (and the reply of a call was sent). Messages not acknowledged when the channel
 * closes (the process died, or stopping ran out of grace) go back to the queue.
 */
final class RabbitListener {
    private static final Logger LOG = LoggerFactory.getLogger(RabbitListener.class);

    /** Sends the reply of a call. */
    @FunctionalInterface
    interface Replier {
        void reply(String replyTo, String correlationId, byte[] body);
    }

    private final String topic;
    private final String host;
    private final Endpoint endpoint;
    private final Channel channel;
    private final RpcCodec codec;
    private final Replier replier;
    private final ExecutorService executor;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition idle = lock.newCondition();
    private List<String> consumerTags = List.of();
    private int inFlight;
    private boolean stopping;

    RabbitListener(String topic, String host, Endpoint endpoint, Channel channel, RpcCodec codec, Replier replier,
            ExecutorService executor) {
        this.topic = topic;
        this.host = host;
        this.endpoint = endpoint;
        this.channel = channel;
        this.codec = codec;
        this.replier = replier;
        this.executor = executor;
    }

    /** Starts consuming {@code queues} (already declared and bound). */
    void start(int prefetch, List<String> queues) throws IOException {
        channel.basicQos(prefetch);
        String[] tags = new String[queues.size()];
        for (int i = 0; i < tags.length; i++) {
            tags[i] = channel.basicConsume(queues.get(i), false, (tag, delivery) -> received(delivery), tag -> {
                LOG.warn("Consumer of {} was cancelled by the broker", topic);
            });
        }
        consumerTags = List.of(tags);
    }

    private void received(Delivery delivery) {
        lock.lock();
        try {
            if (stopping) {
                return; // Not acknowledged: the broker redelivers it when the channel closes.
            }
            inFlight++;
        } finally {
            lock.unlock();
        }
        executor.execute(() -> {
            try {
                handle(delivery);
            } finally {
                lock.lock();
                try {
                    inFlight--;
                    idle.signalAll();
                } finally {
                    lock.unlock();
                }
            }
        });
    }

    private void handle(Delivery delivery) {
        AMQP.BasicProperties props = delivery.getProperties();
        String replyTo = props.getReplyTo();
        RpcCodec.Request request;
        try {
            request = codec.readRequest(delivery.getBody());
        } catch (IOException e) {
            LOG.error("Dropping an unreadable message on {}: {}", topic, e.getMessage());
            ack(delivery);
            return;
        }
        byte[] reply;
        try {
            Object result = endpoint.dispatch(request.method(), request.version(), request.args());
            reply = codec.result(result);
        } catch (Exception e) {
            if (replyTo == null) {
                LOG.error("Exception during message handling of {}.{}", topic, request.method(), e);
            } else {
                LOG.debug("{}.{} failed, returning the error to the caller: {}", topic, request.method(), e.toString());
            }
            reply = codec.failure(e);
        }
        if (replyTo != null) {
            try {
                replier.reply(replyTo, props.getCorrelationId(), reply);
            } catch (RuntimeException e) {
                LOG.warn("Could not send the reply of {}.{}: {}", topic, request.method(), e.toString());
            }
        }
        ack(delivery);
    }

    private void ack(Delivery delivery) {
        lock.lock();
        try {
            if (channel.isOpen()) {
                channel.basicAck(delivery.getEnvelope().getDeliveryTag(), false);
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("Acknowledging a message on {} failed (it will be redelivered): {}", topic, e.toString());
        } finally {
            lock.unlock();
        }
    }

    /**
     * Stops taking messages, waits up to {@code grace} for those being handled, then closes the
     * channel; what is still unacknowledged then is redelivered to another server.
     */
    void stop(Duration grace) {
        lock.lock();
        try {
            stopping = true;
        } finally {
            lock.unlock();
        }
        for (String tag : consumerTags) {
            try {
                if (channel.isOpen()) {
                    channel.basicCancel(tag);
                }
            } catch (IOException | RuntimeException e) {
                LOG.debug("Cancelling consumer {} failed: {}", tag, e.toString());
            }
        }
        long deadline = System.nanoTime() + grace.toNanos();
        lock.lock();
        try {
            while (inFlight > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    LOG.warn("{} message(s) on {}.{} still being handled; they go back to the queue", inFlight,
                            topic, host);
                    break;
                }
                idle.awaitNanos(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lock.unlock();
        }
        try {
            channel.abort();
        } catch (IOException | RuntimeException e) {
            LOG.debug("Closing the channel of {}.{} failed: {}", topic, host, e.toString());
        }
    }
}
