package org.jnova.exception;

/**
 * The root of jnova's own errors, as nova's {@code NovaException}: a message meant for the
 * client and the HTTP status the API answers with when the error reaches it. Subclasses
 * name the families; the API's fault layer turns any of them into nova's fault body.
 */
public class NovaException extends RuntimeException {
    private final int code;

    public NovaException(int code, String message) {
        super(message);
        this.code = code;
    }

    public NovaException(int code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    /** The HTTP status this error answers with. */
    public int code() {
        return code;
    }
}
