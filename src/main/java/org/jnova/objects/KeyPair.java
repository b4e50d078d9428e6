package org.jnova.objects;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/** A key pair (nova's KeyPair); {@code type} is "ssh" or "x509". */
public record KeyPair(int id, String name, String userId, String type, String publicKey, String fingerprint,
        Instant createdAt) {
    public static final String TYPE_SSH = "ssh";
    public static final String TYPE_X509 = "x509";

    public KeyPair {
        requireNonNull(name, "name is null");
        requireNonNull(userId, "userId is null");
        requireNonNull(type, "type is null");
        requireNonNull(publicKey, "publicKey is null");
        requireNonNull(fingerprint, "fingerprint is null");
    }
}
