package org.jnova.exception;

/**
 * nova's ValidationError: a request value fails a check outside the JSON schema. Answers 400
 * from any API method, whatever errors the method expects, as nova's expected_errors lets it pass.
 */
public class ValidationError extends InvalidInput {
    public ValidationError(String message) {
        super(message);
    }
}
