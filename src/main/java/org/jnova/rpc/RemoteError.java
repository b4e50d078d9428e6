package org.jnova.rpc;

/**
 * An exception raised by the remote endpoint of a {@code call} that is not one of jnova's own
 * errors (oslo.messaging's RemoteError): the remote class name and message travel back.
 */
public final class RemoteError extends RuntimeException {
    private final String excType;
    private final String value;

    public RemoteError(String excType, String value) {
        super("Remote error: " + excType + " " + value);
        this.excType = excType;
        this.value = value;
    }

    /** The remote exception's class name. */
    public String excType() {
        return excType;
    }

    /** The remote exception's message. */
    public String value() {
        return value;
    }
}
