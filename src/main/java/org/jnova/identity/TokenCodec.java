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
 * (version 2) are the user, the scope (none, a project, a domain or the system), the methods,
 * issue and expiry instants, the audit id, the audit id of the token this one was rescoped
 * from, and the application credential it was issued for; a validator that holds the key with
 * that id checks them without a lookup. Version 1 claims (six fields: user, project, methods,
 * issue and expiry, audit id) still decode.
 */
final class TokenCodec {
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final int MAX_TOKEN_LENGTH = 1024;
    private static final String VERSION_2 = "2";

    /** What a token says about itself once its signature checked. */
    record Claims(String userId, TokenScope scope, List<String> methods, Instant issuedAt, Instant expiresAt,
            String auditId, Optional<String> parentAuditId, Optional<String> applicationCredentialId) {
        Claims {
            methods = List.copyOf(methods);
        }

        /** A password token's claims: unscoped or scoped to a project. */
        Claims(String userId, Optional<String> projectId, List<String> methods, Instant issuedAt, Instant expiresAt,
                String auditId) {
            this(userId, projectId.map(TokenScope::project).orElseGet(TokenScope::unscoped), methods, issuedAt,
                    expiresAt, auditId, Optional.empty(), Optional.empty());
        }

        Optional<String> projectId() {
            return scope.projectId();
        }
    }

    private TokenCodec() {
    }

    static String encode(long keyId, byte[] key, Claims claims) {
        String text = String.join("\n", VERSION_2, claims.userId(), scopeText(claims.scope()),
                String.join(",", claims.methods()), micros(claims.issuedAt()), micros(claims.expiresAt()),
                claims.auditId(), claims.parentAuditId().orElse(""), claims.applicationCredentialId().orElse(""));
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
            if (fields.length == 6) {
                return Optional.of(new Claims(fields[0], present(fields[1]), List.of(fields[2].split(",")),
                        instant(fields[3]), instant(fields[4]), fields[5]));
            }
            if (fields.length != 9 || !fields[0].equals(VERSION_2)) {
                return Optional.empty();
            }
            return scope(fields[2]).map(scope -> new Claims(fields[1], scope, List.of(fields[3].split(",")),
                    instant(fields[4]), instant(fields[5]), fields[6], present(fields[7]), present(fields[8])));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String scopeText(TokenScope scope) {
        return switch (scope.kind()) {
            case UNSCOPED -> "";
            case PROJECT -> "project:" + scope.id().orElseThrow();
            case DOMAIN -> "domain:" + scope.id().orElseThrow();
            case SYSTEM -> "system:all";
        };
    }

    private static Optional<TokenScope> scope(String text) {
        if (text.isEmpty()) {
            return Optional.of(TokenScope.unscoped());
        }
        int colon = text.indexOf(':');
        String id = colon < 0 ? "" : text.substring(colon + 1);
        return switch (colon < 0 ? "" : text.substring(0, colon)) {
            case "project" -> Optional.of(TokenScope.project(id));
            case "domain" -> Optional.of(TokenScope.domain(id));
            case "system" -> id.equals("all") ? Optional.of(TokenScope.system()) : Optional.empty();
            default -> Optional.empty();
        };
    }

    private static Optional<String> present(String text) {
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
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
