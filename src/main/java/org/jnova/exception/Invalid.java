package org.jnova.exception;

/** The request is not valid. Answers 400. */
public class Invalid extends NovaException {
    public Invalid(String message) {
        super(400, message);
    }

    protected Invalid(int code, String message) {
        super(code, message);
    }
}
