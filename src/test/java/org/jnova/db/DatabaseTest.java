package org.jnova.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class DatabaseTest {
    static Stream<String> engines() {
        return TestDatabases.engines().stream();
    }

    private static Database open(String url) {
        return new Database(DatabaseUrl.parse(url, Path.of("")), Database.PoolSettings.DEFAULT,
                new Database.RetryPolicy(5, Duration.ofMillis(1), Duration.ofMillis(5)));
    }

    @ParameterizedTest
    @MethodSource("engines")
    void migrationsApplyOnceAndAreIdempotent(String engine) throws Exception {
        String url = TestDatabases.create(engine);
        try (Database db = open(url)) {
            Migrator main = new Migrator(db, "main");
            Migrator api = new Migrator(db, "api");
            assertThat(main.currentVersion()).isZero();
            assertThat(main.migrate(Optional.empty())).isEqualTo(main.latestVersion());
            assertThat(api.migrate(Optional.empty())).isEqualTo(api.latestVersion());
            assertThat(main.migrate(Optional.empty())).isEqualTo(main.latestVersion());
            assertThat(api.currentVersion()).isEqualTo(1);
            long rows = db.read(tx -> tx.count("SELECT COUNT(*) FROM migrate_version"));
            assertThat(rows).isEqualTo(2);
            db.read(tx -> tx.count("SELECT COUNT(*) FROM shadow_instances"));
            db.read(tx -> tx.count("SELECT COUNT(*) FROM flavors"));
        } finally {
            TestDatabases.drop(url);
        }
    }

    @ParameterizedTest
    @MethodSource("engines")
    void aTransactionFailingWithDeadlockIsRunAgainAndCommitsOnce(String engine) throws Exception {
        String url = TestDatabases.create(engine);
        try (Database db = open(url)) {
            db.inTransaction(tx -> {
                tx.execute("CREATE TABLE counter (n INTEGER)");
                return null;
            });
            AtomicInteger attempts = new AtomicInteger();
            int result = db.inTransaction(tx -> {
                tx.update("INSERT INTO counter (n) VALUES (?)", attempts.incrementAndGet());
                if (attempts.get() < 3) {
                    throw new SQLException("Deadlock found when trying to get lock", "40001");
                }
                return attempts.get();
            });
            assertThat(result).isEqualTo(3);
            // the two failed attempts were rolled back
            List<Integer> rows = db.read(tx -> tx.query("SELECT n FROM counter", r -> r.getInt("n")));
            assertThat(rows).containsExactly(3);
            AtomicInteger plain = new AtomicInteger();
            assertThatThrownBy(() -> db.inTransaction(tx -> {
                plain.incrementAndGet();
                throw new SQLException("syntax", "42000");
            })).isInstanceOf(DatabaseException.class);
            assertThat(plain.get()).isEqualTo(1);
            AtomicInteger forever = new AtomicInteger();
            assertThatThrownBy(() -> db.inTransaction(tx -> {
                forever.incrementAndGet();
                throw new SQLException("[SQLITE_BUSY] database is locked", null, 5);
            })).isInstanceOf(DatabaseException.class);
            assertThat(forever.get()).isEqualTo(6);
        } finally {
            TestDatabases.drop(url);
        }
    }
}
