package org.jnova.api.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The token cache holds bytes, not a count: many or large tokens stay within its budget. */
class TokenCacheTest {
    private static TokenInfo token(String user) {
        return new TokenInfo(user, "name-" + user, Optional.of("default"), Optional.of("Default"), Optional.of("p1"),
                Optional.of("demo"), Optional.of("default"), Optional.of("Default"), Optional.empty(), Optional.empty(),
                Optional.empty(), List.of("member", "reader"), false, Instant.now().plusSeconds(3600), Optional.empty());
    }

    @Test
    void aLargeCatalogWeighsAsMuchAsItsText() {
        TokenCache.Entry small = new TokenCache.Entry(token("u"), Optional.empty());
        TokenCache.Entry large = new TokenCache.Entry(token("u"), Optional.of("x".repeat(100_000)));
        assertThat(small.weight()).isBetween(500, 2000);
        assertThat(large.weight()).isGreaterThan(200_000);
    }

    @Test
    void manyTokensStayWithinTheByteBudget() {
        long budget = 256 * 1024;
        TokenCache cache = new TokenCache(Duration.ofMinutes(5), budget, Duration.ofSeconds(5));
        for (int i = 0; i < 5_000; i++) {
            cache.putValid("key-" + i, new TokenCache.Entry(token("user-" + i), Optional.of("c".repeat(2_000))));
        }
        assertThat(cache.validWeight()).isPositive().isLessThanOrEqualTo(budget);
        long kept = java.util.stream.IntStream.range(0, 5_000).filter(i -> cache.valid("key-" + i).isPresent()).count();
        assertThat(kept).isBetween(10L, 200L); // about 4.5 KB each: some tens fit in 256 KiB

    }

    @Test
    void rejectedTokensAreForgottenAfterTheirShortTime() throws Exception {
        TokenCache cache = new TokenCache(Duration.ofMinutes(5), TokenCache.VALID_BUDGET_BYTES, Duration.ofMillis(200));
        cache.putRejected("bogus");
        assertThat(cache.rejected("bogus")).isTrue();
        Thread.sleep(400);
        assertThat(cache.rejected("bogus")).isFalse();
    }

    @Test
    void withCachingOffNothingIsRemembered() {
        TokenCache cache = new TokenCache(Duration.ofSeconds(-1));
        cache.putValid("k", new TokenCache.Entry(token("u"), Optional.empty()));
        cache.putRejected("bogus");
        assertThat(cache.valid("k")).isEmpty();
        assertThat(cache.rejected("bogus")).isFalse();
    }
}
