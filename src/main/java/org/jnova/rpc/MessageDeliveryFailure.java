package org.jnova.rpc;

/** The broker did not take a message (oslo.messaging's MessageDeliveryFailure): not sent. */
public final class MessageDeliveryFailure extends RuntimeException {
    public MessageDeliveryFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
