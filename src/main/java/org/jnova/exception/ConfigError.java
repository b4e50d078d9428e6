package org.jnova.exception;

/** Configuration that cannot be used; start-up stops with this message and a non-zero exit. */
public class ConfigError extends RuntimeException {
    public ConfigError(String message) {
        super(message);
    }

    public ConfigError(String message, Throwable cause) {
        super(message, cause);
    }
}
