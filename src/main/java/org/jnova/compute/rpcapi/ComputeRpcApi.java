package org.jnova.compute.rpcapi;

import static java.util.Objects.requireNonNull;

import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.jnova.db.Tx;
import org.jnova.rpc.Outbox;
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
    /** Where casts made inside a transaction are recorded; empty for a client that only sends. */
    private final Optional<Outbox> outbox;
    private final ComputeMessageCodec codec = new ComputeMessageCodec();

    /** A client that casts within transactions through {@code outbox}. */
    public ComputeRpcApi(Transport transport, Outbox outbox) {
        this.transport = requireNonNull(transport, "transport is null");
        this.outbox = Optional.of(requireNonNull(outbox, "outbox is null"));
    }

    /** A client without an outbox: calls and immediate casts only. */
    public ComputeRpcApi(Transport transport) {
        this.transport = requireNonNull(transport, "transport is null");
        this.outbox = Optional.empty();
    }

    /** Sends {@code message} to {@code host} without waiting. */
    public void cast(String host, ComputeMessage message) {
        WireMessage wire = codec.encode(message);
        transport.cast(TOPIC, host, wire.method(), ComputeMessageCodec.VERSION.toString(),
                wire.args());
    }

    /**
     * Sends {@code message} to {@code host} once {@code tx} committed, and never if it rolls back: it is
     * recorded in {@code tx}, so a process dying before the send leaves it for the outbox relay.
     */
    public void cast(Tx tx, String host, ComputeMessage message) throws SQLException {
        WireMessage wire = codec.encode(message);
        outbox.orElseThrow(() -> new IllegalStateException("this client has no outbox"))
                .cast(tx, TOPIC, host, wire.method(), ComputeMessageCodec.VERSION.toString(), wire.args());
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
