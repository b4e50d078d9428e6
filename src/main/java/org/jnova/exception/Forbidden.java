package org.jnova.exception;

/** The caller may not do this. Answers 403. */
public class Forbidden extends NovaException {
    public Forbidden(String message) {
        super(403, message);
    }

    protected Forbidden(int code, String message) {
        super(code, message);
    }
}
