package org.jnova.rpc;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * oslo.messaging's role: deliver a method call to the service listening on a topic (and
 * host). {@code cast} is fire-and-forget; {@code call} answers with the result. Arguments
 * are plain JSON-like maps so a broker transport (RabbitMQ) can carry them unchanged; the
 * typed messages of each receiver are encoded to them by its codec before they get here.
 */
public interface Transport extends AutoCloseable {
    /** Something that handles messages of one topic on one server. */
    @FunctionalInterface
    interface Endpoint {
        Object dispatch(String method, Map<String, Object> args) throws Exception;

        /** Handles a message sent with {@code version} (null: none sent); by default the version is not looked at. */
        default Object dispatch(String method, String version, Map<String, Object> args) throws Exception {
            return dispatch(method, args);
        }
    }

    /** Starts serving {@code topic} on {@code host} (and the shared topic queue). */
    void listen(String topic, String host, Endpoint endpoint);

    /** Stops serving {@code topic} on {@code host}. */
    void unlisten(String topic, String host);

    /** Sends without waiting; host null means any server of the topic. */
    default void cast(String topic, String host, String method, Map<String, Object> args) {
        cast(topic, host, method, null, args);
    }

    /** Sends without waiting, in the envelope's {@code version} of the receiver's interface (null: none). */
    void cast(String topic, String host, String method, String version, Map<String, Object> args);

    /** Sends and waits for the answer. */
    default CompletableFuture<Object> call(String topic, String host, String method, Map<String, Object> args) {
        return call(topic, host, method, null, args);
    }

    /** Sends and waits for the answer, in the envelope's {@code version} of the receiver's interface (null: none). */
    CompletableFuture<Object> call(String topic, String host, String method, String version,
            Map<String, Object> args);

    @Override
    void close();
}
