package org.jnova.identity;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Password hashes as Keystone's {@code password_hash_algorithm = pbkdf2_sha512} writes them
 * (passlib's {@code $pbkdf2-sha512$rounds$salt$checksum}, adapted base64), computed with the
 * JDK's PBKDF2WithHmacSHA512, so hashes move between jnova and Keystone databases.
 */
public final class PasswordHasher {
    private static final String PREFIX = "$pbkdf2-sha512$";
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 64;
    private static final int MAX_ROUNDS = 1_000_000;
    private final int rounds;
    private final SecureRandom random = new SecureRandom();

    public PasswordHasher(int rounds) {
        if (rounds < 1 || rounds > MAX_ROUNDS) {
            throw new IllegalArgumentException("rounds out of range: " + rounds);
        }
        this.rounds = rounds;
    }

    public String hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        return PREFIX + rounds + "$" + ab64(salt) + "$" + ab64(derive(password, salt, rounds));
    }

    /** Whether {@code password} matches {@code stored}; false for a hash in another form. */
    public boolean verify(String password, String stored) {
        if (password == null || stored == null || !stored.startsWith(PREFIX)) {
            return false;
        }
        String[] parts = stored.substring(PREFIX.length()).split("\\$");
        if (parts.length != 3) {
            return false;
        }
        try {
            int storedRounds = Integer.parseInt(parts[0]);
            if (storedRounds < 1 || storedRounds > MAX_ROUNDS) {
                return false;
            }
            byte[] expected = fromAb64(parts[2]);
            return MessageDigest.isEqual(expected, derive(password, fromAb64(parts[1]), storedRounds));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static byte[] derive(String password, byte[] salt, int rounds) {
        PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, rounds, HASH_BYTES * 8);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA512").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA512 unavailable", e);
        } finally {
            spec.clearPassword();
        }
    }

    private static String ab64(byte[] bytes) {
        return Base64.getEncoder().withoutPadding().encodeToString(bytes).replace('+', '.');
    }

    private static byte[] fromAb64(String text) {
        return Base64.getDecoder().decode(text.replace('.', '+'));
    }
}
