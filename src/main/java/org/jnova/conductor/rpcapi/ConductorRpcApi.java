package org.jnova.conductor.rpcapi;

import static java.util.Objects.requireNonNull;

import java.util.concurrent.CompletableFuture;
import org.jnova.rpc.Transport;
import org.jnova.rpc.TypedEndpoint;
import org.jnova.rpc.WireMessage;

/**
 * The client side of the conductor's interface (nova's conductor rpcapi): sends each
 * {@link ConductorMessage} to any conductor, encoded at this boundary with the interface
 * version, and reads the typed answers of calls.
 */
public final class ConductorRpcApi {
    /** The topic conductors share. */
    public static final String TOPIC = "conductor";
    private final Transport transport;
    private final ConductorMessageCodec codec = new ConductorMessageCodec();

    public ConductorRpcApi(Transport transport) {
        this.transport = requireNonNull(transport, "transport is null");
    }

    /** Sends {@code message} to a conductor without waiting. */
    public void cast(ConductorMessage message) {
        WireMessage wire = codec.encode(message);
        transport.cast(TOPIC, null, wire.method(), ConductorMessageCodec.VERSION.toString(),
                wire.args());
    }

    /** Sends {@code message} to a conductor; the answer, as its type, completes the future. */
    public <R> CompletableFuture<R> call(ConductorMessage.Call<R> message) {
        WireMessage wire = codec.encode(message);
        return transport.call(TOPIC, null, wire.method(), ConductorMessageCodec.VERSION.toString(),
                wire.args()).thenApply(reply -> codec.decodeReply(message, reply));
    }

    /** The endpoint a conductor listens with: decodes each message for {@code handler}. */
    public static Transport.Endpoint endpoint(TypedEndpoint.Handler<ConductorMessage> handler) {
        return new TypedEndpoint<>(new ConductorMessageCodec(), handler);
    }
}
