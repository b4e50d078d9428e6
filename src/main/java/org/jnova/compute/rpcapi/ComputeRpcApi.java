package org.jnova.compute.rpcapi;

import static java.util.Objects.requireNonNull;

import java.util.concurrent.CompletableFuture;
import org.jnova.rpc.Transport;
import org.jnova.rpc.TypedEndpoint;
import org.jnova.rpc.WireMessage;

/**
 * The client side of the compute hosts' interface (nova's compute rpcapi): sends each
 * {@link ComputeMessage} to topic "compute" on one host, encoded at this boundary with the
 * interface version, and reads the typed answers of calls.
 */
public final class ComputeRpcApi {
    /** The topic compute hosts listen on, one queue per host. */
    public static final String TOPIC = "compute";
    private final Transport transport;
    private final ComputeMessageCodec codec = new ComputeMessageCodec();

    public ComputeRpcApi(Transport transport) {
        this.transport = requireNonNull(transport, "transport is null");
    }

    /** Sends {@code message} to {@code host} without waiting. */
    public void cast(String host, ComputeMessage message) {
        WireMessage wire = codec.encode(message);
        transport.cast(TOPIC, host, wire.method(), ComputeMessageCodec.VERSION.toString(),
                wire.args());
    }

    /** Sends {@code message} to {@code host}; the answer, as its type, completes the future. */
    public <R> CompletableFuture<R> call(String host, ComputeMessage.Call<R> message) {
        WireMessage wire = codec.encode(message);
        return transport.call(TOPIC, host, wire.method(), ComputeMessageCodec.VERSION.toString(),
                wire.args()).thenApply(reply -> codec.decodeReply(message, reply));
    }

    /** The endpoint a compute host listens with: decodes each message for {@code handler}. */
    public static Transport.Endpoint endpoint(TypedEndpoint.Handler<ComputeMessage> handler) {
        return new TypedEndpoint<>(new ComputeMessageCodec(), handler);
    }
}
