package org.jnova.rpc;

import org.jnova.exception.NovaException;

/**
 * A {@link NovaException} raised by the remote endpoint of a {@code call}: same HTTP code and
 * message, so the API answers the fault it would have answered in-process (oslo rebuilds
 * exceptions of the allowed modules the same way).
 */
public final class RemoteNovaError extends NovaException {
    private final String excType;

    public RemoteNovaError(String excType, int code, String message) {
        super(code, message);
        this.excType = excType;
    }

    /** The remote exception's class name. */
    public String excType() {
        return excType;
    }
}
