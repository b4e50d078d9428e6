package org.jnova.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TokenCodecTest {
    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final TokenCodec.Claims CLAIMS = new TokenCodec.Claims("u1", Optional.of("p1"),
            List.of("password"), Instant.parse("2026-01-01T00:00:00.123456Z"),
            Instant.parse("2026-01-01T01:00:00.123456Z"), "audit");

    @Test
    void decodesWhatItEncodedWithAKnownKey() {
        String token = TokenCodec.encode(7, KEY, CLAIMS);
        assertThat(TokenCodec.decode(token, id -> id == 7 ? Optional.of(KEY) : Optional.empty())).contains(CLAIMS);
    }

    @Test
    void refusesAnUnknownKeyATamperedTokenAndGarbage() {
        String token = TokenCodec.encode(7, KEY, CLAIMS);
        assertThat(TokenCodec.decode(token, id -> Optional.empty())).isEmpty();
        assertThat(TokenCodec.decode(token, id -> Optional.of("other".getBytes(StandardCharsets.US_ASCII)))).isEmpty();
        String[] parts = token.split("\\.");
        String otherClaims = TokenCodec.encode(7, "x".getBytes(StandardCharsets.US_ASCII),
                new TokenCodec.Claims("admin", Optional.of("p1"), List.of("password"), CLAIMS.issuedAt(),
                        CLAIMS.expiresAt(), "audit")).split("\\.")[1];
        String forged = parts[0] + "." + otherClaims + "." + parts[2];
        assertThat(TokenCodec.decode(forged, id -> Optional.of(KEY))).isEmpty();
        for (String garbage : new String[] {"", "a.b", "x.y.z", "7..", "7.!!.??", token + "."}) {
            assertThat(TokenCodec.decode(garbage, id -> Optional.of(KEY))).as(garbage).isEmpty();
        }
    }

    @Test
    void carriesEveryScopeTheAuditChainAndTheApplicationCredential() {
        for (TokenScope scope : List.of(TokenScope.unscoped(), TokenScope.project("p1"), TokenScope.domain("default"),
                TokenScope.system())) {
            TokenCodec.Claims claims = new TokenCodec.Claims("u1", scope, List.of("token", "password"),
                    CLAIMS.issuedAt(), CLAIMS.expiresAt(), "audit", Optional.of("parent"), Optional.of("ac1"));
            assertThat(TokenCodec.decode(TokenCodec.encode(7, KEY, claims), id -> Optional.of(KEY))).contains(claims);
        }
    }

    @Test
    void stillDecodesVersionOneClaimsAndRefusesUnknownVersions() throws Exception {
        String v1 = String.join("\n", "u1", "p1", "password", "1767225600123456", "1767229200123456", "audit");
        assertThat(TokenCodec.decode(signed(v1), id -> Optional.of(KEY))).contains(CLAIMS);
        String v1Unscoped = String.join("\n", "u1", "", "password", "1767225600123456", "1767229200123456", "audit");
        assertThat(TokenCodec.decode(signed(v1Unscoped), id -> Optional.of(KEY)).orElseThrow().scope())
                .isEqualTo(TokenScope.unscoped());
        for (String unknown : List.of(String.join("\n", "3", "u1", "", "password", "1", "2", "a", "", ""),
                String.join("\n", "2", "u1", "galaxy:x", "password", "1", "2", "a", "", ""),
                String.join("\n", "2", "u1", "system:some", "password", "1", "2", "a", "", ""),
                String.join("\n", "2", "u1", "", "password", "one", "2", "a", "", ""))) {
            assertThat(TokenCodec.decode(signed(unknown), id -> Optional.of(KEY))).as(unknown).isEmpty();
        }
    }

    /** {@code claims} signed as the codec signs them, with key 7. */
    private static String signed(String claims) throws Exception {
        String payload = "7." + java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(claims.getBytes(StandardCharsets.UTF_8));
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(KEY, "HmacSHA256"));
        return payload + "." + java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
    }
}
