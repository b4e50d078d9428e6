package org.jnova.rpc;

import java.util.Map;

/** Maps one receiver's typed messages to and from the wire's method name and arguments. */
public interface MessageCodec<M> {
    /** The interface version messages are sent with and received at. */
    MessageVersion version();

    WireMessage encode(M message);

    /** The message {@code method} with {@code args} names; a {@link MalformedMessage} when it cannot be read. */
    M decode(String method, Map<String, Object> args);

    /** A handler's answer as the wire carries it. */
    Object encodeReply(Object reply);
}
