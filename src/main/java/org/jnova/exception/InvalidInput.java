package org.jnova.exception;

/** A value given is not valid; startup and API callers both raise it. Answers 400. */
public class InvalidInput extends NovaException {
    public InvalidInput(String message) {
        super(400, message);
    }

    protected InvalidInput(int code, String message) {
        super(code, message);
    }
}
