package org.jnova.rpc;

/** A received message this side cannot read: an unknown method, an incompatible version, a missing or mistyped argument. */
public final class MalformedMessage extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public MalformedMessage(String message) {
        super(message);
    }
}
