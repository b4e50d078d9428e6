package org.jnova.rpc;

import static java.util.Objects.requireNonNull;

import java.util.Map;

/**
 * The transport side of a receiver of typed messages: checks the version a message was sent
 * with, decodes it with the receiver's codec and hands the record to the handler.
 */
public final class TypedEndpoint<M> implements Transport.Endpoint {
    /** Runs one message; the answer of a call, null for a cast. */
    @FunctionalInterface
    public interface Handler<M> {
        Object handle(M message) throws Exception;
    }

    private final MessageCodec<M> codec;
    private final Handler<M> handler;

    public TypedEndpoint(MessageCodec<M> codec, Handler<M> handler) {
        this.codec = requireNonNull(codec, "codec is null");
        this.handler = requireNonNull(handler, "handler is null");
    }

    @Override
    public Object dispatch(String method, Map<String, Object> args) throws Exception {
        return dispatch(method, null, args);
    }

    @Override
    public Object dispatch(String method, String version, Map<String, Object> args) throws Exception {
        codec.version().checkReceivable(method, version);
        return codec.encodeReply(handler.handle(codec.decode(method, args)));
    }
}
