package org.jnova.objects;

/** A key that signs Identity tokens, by its number. */
public record SigningKey(long id, String secret) {
}
