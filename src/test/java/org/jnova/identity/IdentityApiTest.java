package org.jnova.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.jnova.db.Database;
import org.jnova.db.DatabaseUrl;
import org.jnova.db.IdentityApplicationCredentialStore;
import org.jnova.db.IdentityRevocationStore;
import org.jnova.db.IdentityStore;
import org.jnova.db.Migrator;
import org.jnova.db.TestDatabases;
import org.junit.jupiter.api.Test;

/** Expiry and signing-key rotation of password tokens, with a clock the test moves. */
class IdentityApiTest {
    /** A clock that stands still until moved. */
    static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2026-03-01T10:00:00.123456Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    /** The API database of {@code db} migrated and bootstrapped (admin, password pw), and the identity over it. */
    private record Bootstrapped(IdentityStore store, TokenRevocations revocations, IdentityApi identity) {
    }

    private static Database open(String url) {
        return new Database(DatabaseUrl.parse(url, Path.of("")), Database.PoolSettings.DEFAULT,
                new Database.RetryPolicy(5, Duration.ofMillis(1), Duration.ofMillis(5)));
    }

    private static Bootstrapped bootstrapped(Database db, Clock clock) {
        new Migrator(db, "api").migrate(Optional.empty());
        IdentityStore store = new IdentityStore(db);
        PasswordHasher hasher = new PasswordHasher(1000);
        TokenRevocations revocations = new TokenRevocations(new IdentityRevocationStore(db), Duration.ofHours(1),
                clock);
        new IdentityBootstrap(store, hasher, revocations).run(new IdentityBootstrap.Settings("admin", "pw", "admin",
                "admin", "RegionOne", Map.of()));
        return new Bootstrapped(store, revocations, new IdentityApi(store, new IdentityApplicationCredentialStore(db),
                revocations, hasher, Duration.ofHours(1), clock));
    }

    @Test
    void tokensExpireAndSurviveAKeyRotation() throws Exception {
        try (var scratch = TestDatabases.scratch("sqlite"); Database db = open(scratch.url())) {
            MovableClock clock = new MovableClock();
            Bootstrapped cloud = bootstrapped(db, clock);
            IdentityStore store = cloud.store();
            TokenRevocations revocations = cloud.revocations();
            IdentityApi identity = cloud.identity();
            Optional<NameOrId> project = Optional.of(NameOrId.byName("admin", "default"));

            Token first = identity.authenticateWithPassword(NameOrId.byName("admin", "default"), "pw", project);
            assertThat(first.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofHours(1)));
            assertThat(first.catalog()).isEmpty();
            store.insertSigningKey("a-newer-key-0123456789abcdef0123456789abcdef");
            Token second = identity.authenticateWithPassword(NameOrId.byName("admin", "default"), "pw", project);
            assertThat(second.id().split("\\.")[0]).isNotEqualTo(first.id().split("\\.")[0]);
            assertThat(identity.validate(first.id())).isPresent();
            assertThat(identity.validate(second.id()).orElseThrow().auditId()).isEqualTo(second.auditId());

            clock.advance(Duration.ofMinutes(59));
            assertThat(identity.validate(first.id())).isPresent();
            clock.advance(Duration.ofMinutes(1));
            assertThat(identity.validate(first.id())).isEmpty();
            assertThatThrownBy(() -> identity.authenticateWithPassword(NameOrId.byName("admin", "default"), "PW",
                    project)).isInstanceOfSatisfying(IdentityError.class, e -> assertThat(e.code()).isEqualTo(401));
        }
    }

    @Test
    void aRotationKeepsTheNewestKeysAndEndsTheTokensOfTheOthers() throws Exception {
        try (var scratch = TestDatabases.scratch("sqlite"); Database db = open(scratch.url())) {
            Bootstrapped cloud = bootstrapped(db, Clock.systemUTC());
            IdentityStore store = cloud.store();
            TokenRevocations revocations = cloud.revocations();
            IdentityApi identity = cloud.identity();
            SigningKeys keys = new SigningKeys(store);
            Optional<NameOrId> project = Optional.of(NameOrId.byName("admin", "default"));

            Token first = identity.authenticateWithPassword(NameOrId.byName("admin", "default"), "pw", project);
            SigningKeys.Rotation rotation = keys.rotate(2);
            assertThat(rotation.deleted()).isZero();
            Token second = identity.authenticateWithPassword(NameOrId.byName("admin", "default"), "pw", project);
            assertThat(second.id()).startsWith(rotation.newKeyId() + ".");
            assertThat(identity.validate(first.id())).as("the previous key still validates").isPresent();
            assertThat(keys.rotate(2).deleted()).isEqualTo(1);
            assertThat(store.signingKeys()).hasSize(2);
            assertThat(identity.validate(first.id())).as("its key was deleted").isEmpty();
            assertThat(identity.validate(second.id())).isPresent();
            assertThatThrownBy(() -> keys.rotate(0)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void revocationByAuditChainAllowExpiredAndPruning() throws Exception {
        try (var scratch = TestDatabases.scratch("sqlite"); Database db = open(scratch.url())) {
            MovableClock clock = new MovableClock();
            Bootstrapped cloud = bootstrapped(db, clock);
            IdentityStore store = cloud.store();
            TokenRevocations revocations = cloud.revocations();
            IdentityApi identity = cloud.identity();
            NameOrId admin = NameOrId.byName("admin", "default");

            Token original = identity.authenticateWithPassword(admin, "pw", Optional.empty());
            clock.advance(Duration.ofMinutes(1));
            Token rescoped = identity.authenticate(java.util.List.of(new AuthMethod.ExistingToken(original.id())),
                    RequestedScope.system());
            assertThat(rescoped.systemScoped()).isTrue();
            assertThat(rescoped.auditIds()).containsExactly(rescoped.auditId(), original.auditId());
            assertThat(rescoped.expiresAt()).isEqualTo(original.expiresAt());
            Token other = identity.authenticateWithPassword(admin, "pw", Optional.of(NameOrId.byName("admin",
                    "default")));
            clock.advance(Duration.ofMinutes(1));
            revocations.revokeAuditChain(original.auditId());
            assertThat(identity.validate(original.id())).isEmpty();
            assertThat(identity.validate(rescoped.id())).isEmpty();
            assertThat(identity.validate(other.id())).as("another chain").isPresent();

            clock.advance(Duration.ofMinutes(59));
            assertThat(identity.validate(other.id())).isEmpty();
            assertThat(identity.validate(other.id(), true)).as("allow_expired").isPresent();
            assertThat(identity.validate(rescoped.id(), true)).as("revoked stays revoked").isEmpty();
            clock.advance(Duration.ofHours(48));
            assertThat(identity.validate(other.id(), true)).as("past the window").isEmpty();

            assertThat(events(db)).isEqualTo(1);
            revocations.revokeUser("someone");
            assertThat(events(db)).as("the old event pruned, the new kept").isEqualTo(1);
        }
    }

    private static long events(Database db) {
        return db.read(tx -> tx.count("SELECT COUNT(*) FROM identity_revocation_events"));
    }
}
