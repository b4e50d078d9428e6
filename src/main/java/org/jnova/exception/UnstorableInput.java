package org.jnova.exception;

/**
 * A value the database cannot hold at all (U+0000 in PostgreSQL text), met wherever the
 * request's strings reach a statement. nova fails there with a 500; this is the 400 that
 * fault means, answered by any API method whatever errors it expects.
 */
public final class UnstorableInput extends InvalidInput {
    public UnstorableInput(String message) {
        super(message);
    }
}
