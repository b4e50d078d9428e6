package org.jnova.api.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What the {@code auth_token} filter remembers about the tokens callers present, keyed by the
 * token's SHA-256: each validated token for {@code token_cache_time}, within a budget of
 * bytes (so a flood of large tokens cannot fill the heap), and each token Keystone rejected
 * for a few seconds, so the same bogus token does not cost a Keystone call per request. A
 * {@code token_cache_time} of zero or less remembers nothing.
 */
final class TokenCache {
    /** The heap the validated tokens may take. */
    static final long VALID_BUDGET_BYTES = 32L * 1024 * 1024;
    /** The heap the rejected tokens may take: about ten thousand of them. */
    static final long REJECTED_BUDGET_BYTES = 1024L * 1024;
    /** How long a rejected token is answered 401 without asking Keystone again. */
    static final Duration REJECTED_TIME = Duration.ofSeconds(5);
    private static final int KEY_BYTES = 64 * 2 + 64;

    /** A validated token: its data without the catalog, and the catalog as the header carries it. */
    record Entry(TokenInfo info, Optional<String> catalogHeader) {
        Entry {
            Objects.requireNonNull(info, "info is null");
            Objects.requireNonNull(catalogHeader, "catalogHeader is null");
        }

        /** An estimate of the heap this entry holds, its key included: two bytes a character, plus overhead. */
        int weight() {
            long chars = info.userId().length() + info.userName().length() + catalogHeader.map(String::length).orElse(0);
            for (Optional<String> field : java.util.List.of(info.userDomainId(), info.userDomainName(),
                    info.projectId(), info.projectName(), info.projectDomainId(), info.projectDomainName(),
                    info.domainId(), info.domainName(), info.systemScope())) {
                chars += field.map(String::length).orElse(0) + 16;
            }
            for (String role : info.roles()) {
                chars += role.length() + 24;
            }
            return (int) Math.min(Integer.MAX_VALUE, KEY_BYTES + 2 * chars + 512);
        }
    }

    private final Optional<Cache<String, Entry>> valid;
    private final Optional<Cache<String, Boolean>> rejected;

    TokenCache(Duration tokenCacheTime) {
        this(tokenCacheTime, VALID_BUDGET_BYTES, REJECTED_TIME);
    }

    TokenCache(Duration tokenCacheTime, long validBudgetBytes, Duration rejectedTime) {
        if (!tokenCacheTime.isPositive()) {
            valid = Optional.empty();
            rejected = Optional.empty();
            return;
        }
        valid = Optional.of(Caffeine.newBuilder().expireAfterWrite(tokenCacheTime)
                .maximumWeight(validBudgetBytes)
                .weigher((String key, Entry entry) -> entry.weight())
                .build());
        Duration forgetRejected = rejectedTime.compareTo(tokenCacheTime) < 0 ? rejectedTime : tokenCacheTime;
        rejected = Optional.of(Caffeine.newBuilder().expireAfterWrite(forgetRejected)
                .maximumWeight(REJECTED_BUDGET_BYTES)
                .weigher((String key, Boolean value) -> KEY_BYTES + 32)
                .build());
    }

    Optional<Entry> valid(String key) {
        return valid.map(cache -> cache.getIfPresent(key));
    }

    boolean rejected(String key) {
        return rejected.map(cache -> cache.getIfPresent(key) != null).orElse(false);
    }

    void putValid(String key, Entry entry) {
        valid.ifPresent(cache -> cache.put(key, entry));
    }

    void putRejected(String key) {
        rejected.ifPresent(cache -> cache.put(key, Boolean.TRUE));
    }

    void invalidate(String key) {
        valid.ifPresent(cache -> cache.invalidate(key));
    }

    /** The estimated bytes the validated tokens hold now (after pending evictions). */
    long validWeight() {
        return valid.map(cache -> {
            cache.cleanUp();
            return cache.policy().eviction().map(e -> e.weightedSize().orElse(0)).orElse(0L);
        }).orElse(0L);
    }
}
