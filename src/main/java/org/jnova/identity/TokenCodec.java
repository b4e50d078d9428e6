package org.jnova.identity;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.LongFunction;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Stateless tokens: {@code <key id>.<claims>.<HMAC-SHA256 of both>}, base64url. The claims
 * are the user, the project (empty when unscoped), the methods, issue and expiry instants
 * and the audit id; a validator that holds the key with that id checks them without a lookup.
 */
final class TokenCodec {
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final int MAX_TOKEN_LENGTH = 1024;

    /** What a token says about itself once its signature checked. */
    record Claims(String userId, Optional<String> projectId, List<String> methods, Instant issuedAt,
            Instant expiresAt, String auditId) {
    }

    private TokenCodec() {
    }

    static String encode(long keyId, byte[] key, Claims claims) {
        String text = String.join("\n", claims.userId(), claims.projectId().orElse(""),
                String.join(",", claims.methods()), micros(claims.issuedAt()), micros(claims.expiresAt()),
                claims.auditId());
        String signed = keyId + "." + ENCODER.encodeToString(text.getBytes(StandardCharsets.UTF_8));
        return signed + "." + ENCODER.encodeToString(mac(key, signed));
    }

    /** The claims of {@code token} if a key {@code keys} knows signed it; empty for anything else. */
    static Optional<Claims> decode(String token, LongFunction<Optional<byte[]>> keys) {
        if (token == null || token.length() > MAX_TOKEN_LENGTH) {
            return Optional.empty();
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            Optional<byte[]> key = keys.apply(Long.parseLong(parts[0]));
            if (key.isEmpty()
                    || !MessageDigest.isEqual(mac(key.get(), parts[0] + "." + parts[1]), DECODER.decode(parts[2]))) {
                return Optional.empty();
            }
            String[] fields = new String(DECODER.decode(parts[1]), StandardCharsets.UTF_8).split("\n", -1);
            if (fields.length != 6) {
                return Optional.empty();
            }
            return Optional.of(new Claims(fields[0], fields[1].isEmpty() ? Optional.empty() : Optional.of(fields[1]),
                    List.of(fields[2].split(",")), instant(fields[3]), instant(fields[4]), fields[5]));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String micros(Instant instant) {
        return Long.toString(instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1000);
    }

    private static Instant instant(String micros) {
        long value = Long.parseLong(micros);
        return Instant.ofEpochSecond(Math.floorDiv(value, 1_000_000L), Math.floorMod(value, 1_000_000L) * 1000L);
    }

    private static byte[] mac(byte[] key, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
