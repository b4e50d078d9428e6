package org.jnova.exception;

/** The thing asked for does not exist. Answers 404. */
public class NotFound extends NovaException {
    public NotFound(String message) {
        super(404, message);
    }

    protected NotFound(int code, String message) {
        super(code, message);
    }
}
