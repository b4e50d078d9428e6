package org.jnova.api.auth;

import java.util.Objects;

/**
 * The Identity API this process serves itself: the {@code auth_token} filter validates tokens
 * with {@code tokens} in-process instead of calling a Keystone, and sends unauthenticated
 * callers to {@code publicUri} unless {@code www_authenticate_uri} says otherwise.
 */
public record BuiltInIdentity(TokenValidator tokens, String publicUri) {
    public BuiltInIdentity {
        Objects.requireNonNull(tokens, "tokens is null");
        Objects.requireNonNull(publicUri, "publicUri is null");
    }
}
