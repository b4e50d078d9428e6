package org.jnova.rpc.rabbit;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import java.io.IOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.jnova.rpc.MessageDeliveryFailure;

/**
 * Publishes with publisher confirms over a small pool of confirm-mode channels: a message is
 * sent only when the broker confirmed it (took responsibility for it), so what a caller was
 * told is sent survives the sender's death.
 */
final class Publisher implements AutoCloseable {
    private static final int MAX_CHANNELS = 8;

    /** Work done on a pooled channel. */
    @FunctionalInterface
    interface ChannelWork {
        void run(Channel channel) throws IOException;
    }

    private final Connection connection;
    private final long confirmTimeoutMillis;
    private final BlockingQueue<Channel> idle = new ArrayBlockingQueue<>(MAX_CHANNELS);
    private final AtomicInteger opened = new AtomicInteger();

    Publisher(Connection connection, long confirmTimeoutMillis) {
        this.connection = connection;
        this.confirmTimeoutMillis = confirmTimeoutMillis;
    }

    /** Sends one message and waits for the broker's confirm. */
    void publish(String exchange, String routingKey, AMQP.BasicProperties props, byte[] body) {
        withChannel(channel -> {
            channel.basicPublish(exchange, routingKey, props, body);
            try {
                channel.waitForConfirmsOrDie(confirmTimeoutMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted waiting for the broker's confirm", e);
            } catch (TimeoutException e) {
                throw new IOException("the broker did not confirm in time", e);
            }
        }, "Failed to publish to " + exchange + "/" + routingKey);
    }

    /** Runs other channel work (declarations) on a pooled channel. */
    void withChannel(ChannelWork work, String failure) {
        Channel channel = borrow();
        boolean healthy = false;
        try {
            work.run(channel);
            healthy = true;
        } catch (IOException | RuntimeException e) {
            throw new MessageDeliveryFailure(failure + ": " + e, e);
        } finally {
            giveBack(channel, healthy);
        }
    }

    private Channel borrow() {
        Channel channel = idle.poll();
        while (channel == null) {
            if (opened.incrementAndGet() <= MAX_CHANNELS) {
                try {
                    channel = connection.createChannel();
                    channel.confirmSelect();
                    return channel;
                } catch (IOException | RuntimeException e) {
                    opened.decrementAndGet();
                    throw new MessageDeliveryFailure("Cannot open a channel to the messaging server: " + e, e);
                }
            }
            opened.decrementAndGet();
            try {
                channel = idle.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new MessageDeliveryFailure("interrupted waiting for a channel", e);
            }
        }
        return channel;
    }

    private void giveBack(Channel channel, boolean healthy) {
        if (healthy && channel.isOpen() && idle.offer(channel)) {
            return;
        }
        opened.decrementAndGet();
        try {
            if (channel.isOpen()) {
                channel.abort();
            }
        } catch (IOException | RuntimeException e) {
            // Already unusable.
        }
    }

    @Override
    public void close() {
        Channel channel;
        while ((channel = idle.poll()) != null) {
            try {
                channel.abort();
            } catch (IOException | RuntimeException e) {
                // Closing anyway.
            }
        }
    }
}
