package org.jnova.exception;

/** The request conflicts with the current state. Answers 409. */
public class Conflict extends NovaException {
    public Conflict(String message) {
        super(409, message);
    }

    protected Conflict(int code, String message) {
        super(code, message);
    }
}
