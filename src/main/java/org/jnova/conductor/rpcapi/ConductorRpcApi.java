package org.jnova.conductor.rpcapi;

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
 * The client side of the conductor's interface (nova's conductor rpcapi): sends each
 * {@link ConductorMessage} to any conductor, encoded at this boundary with the interface
 * version, and reads the typed answers of calls.
 */
public final class ConductorRpcApi {
    /** The topic conductors share. */
    public static final String TOPIC = "conductor";
    private final Transport transport;
    /** Where casts made inside a transaction are recorded; empty for a client that only sends. */
    private final Optional<Outbox> outbox;
    private final ConductorMessageCodec codec = new ConductorMessageCodec();

    /** A client that casts within transactions through {@code outbox}. */
    public ConductorRpcApi(Transport transport, Outbox outbox) {
        this.transport = requireNonNull(transport, "transport is null");
        this.outbox = Optional.of(requireNonNull(outbox, "outbox is null"));
    }

    /** A client without an outbox: calls and immediate casts only. */
    public ConductorRpcApi(Transport transport) {
        this.transport = requireNonNull(transport, "transport is null");
        this.outbox = Optional.empty();
    }

    /** Sends {@code message} to a conductor without waiting. */
    public void cast(ConductorMessage message) {
        WireMessage wire = codec.encode(message);
        transport.cast(TOPIC, null, wire.method(), ConductorMessageCodec.VERSION.toString(),
                wire.args());
    }

    /**
     * Sends {@code message} to a conductor once {@code tx} committed, and never if it rolls back: it is
     * recorded in {@code tx}, so a process dying before the send leaves it for the outbox relay.
     */
    public void cast(Tx tx, ConductorMessage message) throws SQLException {
        WireMessage wire = codec.encode(message);
        outbox.orElseThrow(() -> new IllegalStateException("this client has no outbox"))
                .cast(tx, TOPIC, null, wire.method(), ConductorMessageCodec.VERSION.toString(), wire.args());
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
