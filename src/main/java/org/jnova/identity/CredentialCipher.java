package org.jnova.identity;

import static java.util.Objects.requireNonNull;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Encrypts credential blobs at rest, as Keystone encrypts its credential table: AES-256-GCM
 * (the JDK's) with the repository's primary key, a random 96-bit nonce, and the credential's id
 * as associated data, so a value copied onto another row does not decrypt. Stored form:
 * {@code aes-gcm:<key hash>:<base64url(nonce || ciphertext || tag)>}. A blob stored before
 * encryption (JSON, beginning with "{") reads as it is.
 */
public final class CredentialCipher {
    private static final String PREFIX = "aes-gcm:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private final CredentialKeyRepository keys;
    private final SecureRandom random = new SecureRandom();

    public CredentialCipher(CredentialKeyRepository keys) {
        this.keys = requireNonNull(keys, "keys is null");
    }

    /** The stored form of {@code blob} for the credential {@code credentialId}. */
    public String encrypt(String credentialId, String blob) {
        CredentialKeyRepository.CredentialKey key = keys.primary();
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key.secret(), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(credentialId.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(blob.getBytes(StandardCharsets.UTF_8));
            byte[] out = ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
            return PREFIX + key.hash() + ":" + Base64.getUrlEncoder().withoutPadding().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    /**
     * The blob {@code stored} holds for the credential {@code credentialId}; a clear blob as it is.
     *
     * @throws CredentialEncryptionError when its key is not in the repository or it does not decrypt
     */
    public String decrypt(String credentialId, String stored) {
        if (!isEncrypted(stored)) {
            return stored;
        }
        int colon = stored.indexOf(':', PREFIX.length());
        if (colon < 0) {
            throw new CredentialEncryptionError("a stored credential is malformed");
        }
        String hash = stored.substring(PREFIX.length(), colon);
        CredentialKeyRepository.CredentialKey key = keys.byHash(hash).orElseThrow(
                () -> new CredentialEncryptionError("the key " + hash + " of a stored credential is not in the "
                        + "credential key repository"));
        try {
            byte[] in = Base64.getUrlDecoder().decode(stored.substring(colon + 1));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key.secret(), new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
            cipher.updateAAD(credentialId.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new CredentialEncryptionError("a stored credential does not decrypt with its key " + hash);
        }
    }

    /** Whether {@code stored} is to be written again: in clear, or encrypted with a key that is no longer primary. */
    public boolean isStale(String stored) {
        return !isEncrypted(stored) || !stored.startsWith(PREFIX + keys.primary().hash() + ":");
    }

    private static boolean isEncrypted(String stored) {
        return stored.startsWith(PREFIX);
    }

    /**
     * Keystone's CredentialEncryptionError: a stored credential cannot be read with the keys at
     * hand (an operator's error, answered 500; the reason is logged, not shown).
     */
    public static final class CredentialEncryptionError extends RuntimeException {
        CredentialEncryptionError(String reason) {
            super(reason);
        }
    }
}
