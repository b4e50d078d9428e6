package org.jnova.rpc;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * oslo.messaging's role: deliver a method call to the service listening on a topic (and
 * host). {@code cast} is fire-and-forget; {@code call} answers with the result. Arguments
 * are plain JSON-like maps so a broker transport (RabbitMQ) can carry them unchanged.
 */
public interface Transport extends AutoCloseable {
    /** Something that handles messages of one topic on one server. */
    @FunctionalInterface
    interface Endpoint {
        Object dispatch(String method, Map<String, Object> args) throws Exception;
    }

    /** Starts serving {@code topic} on {@code host} (and the shared topic queue). */
    void listen(String topic, String host, Endpoint endpoint);

    /** Stops serving {@code topic} on {@code host}. */
    void unlisten(String topic, String host);

    /** Sends without waiting; host null means any server of the topic. */
    void cast(String topic, String host, String method, Map<String, Object> args);

    /** Sends and waits for the answer. */
    CompletableFuture<Object> call(String topic, String host, String method, Map<String, Object> args);

    @Override
    void close();
}
