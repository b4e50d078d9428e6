package org.jnova.rpc;

/** No server answered (oslo.messaging's MessagingTimeout). */
public final class MessagingTimeout extends RuntimeException {
    public MessagingTimeout(String message) {
        super(message);
    }
}
