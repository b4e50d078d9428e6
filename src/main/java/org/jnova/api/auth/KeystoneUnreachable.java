package org.jnova.api.auth;

/**
 * Keystone could not say whether a token is valid: it cannot be reached, timed out, refused
 * the service's own credentials or answered with an error. The request is refused with 503,
 * never let through.
 */
public final class KeystoneUnreachable extends RuntimeException {
    public KeystoneUnreachable(String message) {
        super(message);
    }

    public KeystoneUnreachable(String message, Throwable cause) {
        super(message, cause);
    }
}
