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
}
