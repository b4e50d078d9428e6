package org.jnova.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.jnova.testing.EachEngine;

class DatabaseTest {

    private static Database open(String url) {
        return new Database(DatabaseUrl.parse(url, Path.of("")), Database.PoolSettings.DEFAULT,
                new Database.RetryPolicy(5, Duration.ofMillis(1), Duration.ofMillis(5)));
    }

    @EachEngine
    void migrationsApplyOnceAndAreIdempotent(String engine) throws Exception {
        String url = TestDatabases.create(engine);
        try (Database db = open(url)) {
            Migrator main = new Migrator(db, "main");
            Migrator api = new Migrator(db, "api");
            assertThat(main.currentVersion()).isZero();
            assertThat(main.migrate(Optional.empty())).isEqualTo(main.latestVersion());
            assertThat(api.migrate(Optional.empty())).isEqualTo(api.latestVersion());
            assertThat(main.migrate(Optional.empty())).isEqualTo(main.latestVersion());
            assertThat(api.currentVersion()).isEqualTo(api.latestVersion());
            long rows = db.read(tx -> tx.count("SELECT COUNT(*) FROM migrate_version"));
            assertThat(rows).isEqualTo(2);
            db.read(tx -> tx.count("SELECT COUNT(*) FROM shadow_instances"));
            db.read(tx -> tx.count("SELECT COUNT(*) FROM flavors"));
        } finally {
            TestDatabases.drop(url);
        }
    }

    @EachEngine
    void aLongValueListAnswersRightEveryTimeAndIsNotKeptPreparedOnPostgresql(String engine) throws Exception {
        String url = TestDatabases.create(engine);
        try (Database db = open(url)) {
            new Migrator(db, "api").migrate(Optional.empty());
            Object[] names = new Object[100];
            for (int n = 0; n < names.length; n++) {
                names[n] = n == 42 ? "api" : "absent-" + n;
            }
            String longList = "SELECT repository_id FROM migrate_version WHERE repository_id IN ("
                    + InstanceStore.marks(names.length) + ")";
            String short1 = "SELECT repository_id FROM migrate_version WHERE repository_id = ?";
            db.read(tx -> {
                for (int run = 0; run < 10; run++) { // past the driver's threshold for preparing on the server
                    assertThat(tx.query(longList, r -> r.getString("repository_id"), names)).containsExactly("api");
                    assertThat(tx.query(short1, r -> r.getString("repository_id"), "api")).containsExactly("api");
                }
                if (engine.equals("postgresql")) {
                    List<String> prepared = tx.query("SELECT statement FROM pg_prepared_statements",
                            r -> r.getString("statement"));
                    assertThat(prepared).anyMatch(sql -> sql.contains("repository_id = $1"));
                    assertThat(prepared).noneMatch(sql -> sql.contains("repository_id IN ("));
                }
                return null;
            });
        } finally {
            TestDatabases.drop(url);
        }
    }

    @EachEngine
    void aNulCharacterIsBadInputWherePostgresqlCannotHoldIt(String engine) throws Exception {
        String url = TestDatabases.create(engine);
        try (Database db = open(url)) {
            new Migrator(db, "api").migrate(Optional.empty());
            String name = "a\0b";
            if (engine.equals("postgresql")) {
                assertThatThrownBy(() -> db.read(tx -> tx.count("SELECT COUNT(*) FROM flavors WHERE name = ?", name)))
                        .isInstanceOf(org.jnova.exception.ValidationError.class)
                        .hasMessage("Invalid input received: A string cannot contain NUL (0x00) characters.");
            } else {
                long found = db.read(tx -> tx.count("SELECT COUNT(*) FROM flavors WHERE name = ?", name));
                assertThat(found).isZero();
            }
        } finally {
            TestDatabases.drop(url);
        }
    }

    @EachEngine
    void aValueTooLongForItsColumnIsBadInput(String engine) throws Exception {
        String url = TestDatabases.create(engine);
        try (Database db = open(url)) {
            db.inTransaction(tx -> {
                tx.execute("CREATE TABLE too_long (v VARCHAR(3))");
                return null;
            });
            if (engine.equals("sqlite")) {
                int inserted = db.inTransaction(tx -> tx.update("INSERT INTO too_long (v) VALUES (?)", "abcd"));
                assertThat(inserted).isOne();
            } else {
                assertThatThrownBy(() -> db.inTransaction(tx -> tx.update("INSERT INTO too_long (v) VALUES (?)",
                        "abcd"))).isInstanceOf(org.jnova.exception.ValidationError.class);
            }
        } finally {
            TestDatabases.drop(url);
        }
    }

    @EachEngine
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

    @EachEngine
    void aRealDeadlockBetweenTwoTransactionsIsRetriedUntilBothCommit(String engine) throws Exception {
        String url = TestDatabases.create(engine);
        try (Database db = new Database(DatabaseUrl.parse(url, Path.of("")), Database.PoolSettings.DEFAULT,
                new Database.RetryPolicy(20, Duration.ofMillis(5), Duration.ofMillis(50)))) {
            db.inTransaction(tx -> {
                tx.execute("CREATE TABLE acct (id INTEGER PRIMARY KEY, n INTEGER NOT NULL)");
                tx.update("INSERT INTO acct (id, n) VALUES (1, 0)");
                tx.update("INSERT INTO acct (id, n) VALUES (2, 0)");
                return null;
            });
            java.util.concurrent.CyclicBarrier bothLockedOne = new java.util.concurrent.CyclicBarrier(2);
            AtomicInteger runs = new AtomicInteger();
            java.util.function.IntFunction<Runnable> worker = first -> () -> db.inTransaction(tx -> {
                boolean firstRun = runs.incrementAndGet() <= 2;
                tx.update("UPDATE acct SET n = n + 1 WHERE id = ?", first);
                if (firstRun) {
                    try {
                        bothLockedOne.await(2, java.util.concurrent.TimeUnit.SECONDS);
                    } catch (Exception e) {
                        // SQLite serializes writers: the other one waits on BEGIN IMMEDIATE instead
                    }
                }
                tx.update("UPDATE acct SET n = n + 1 WHERE id = ?", 3 - first);
                return null;
            });
            Thread a = Thread.ofPlatform().start(worker.apply(1));
            Thread b = Thread.ofPlatform().start(worker.apply(2));
            a.join(60_000);
            b.join(60_000);
            List<Integer> values = db.read(tx -> tx.query("SELECT n FROM acct ORDER BY id", r -> r.getInt("n")));
            assertThat(values).containsExactly(2, 2);
            if (!engine.equals("sqlite")) {
                assertThat(runs.get()).isGreaterThan(2); // one of them was chosen as the deadlock victim and ran again
            }
        } finally {
            TestDatabases.drop(url);
        }
    }

    @EachEngine
    void aReadWhoseConnectionTheServerEndedIsAnsweredOnAFreshOne(String engine) throws Exception {
        if (engine.equals("sqlite")) {
            return; // a file has no server to end the session
        }
        String url = TestDatabases.create(engine);
        try (Database db = open(url); Database admin = open(url)) {
            new Migrator(db, "api").migrate(Optional.empty());
            long sessionBefore = db.read(tx -> tx.count(engine.equals("postgresql")
                    ? "SELECT pg_backend_pid()" : "SELECT CONNECTION_ID()"));
            // what a server restart does to every open session
            if (engine.equals("postgresql")) {
                admin.read(tx -> tx.count("SELECT COUNT(pg_terminate_backend(pid)) FROM pg_stat_activity "
                        + "WHERE datname = current_database() AND pid <> pg_backend_pid()"));
            } else {
                admin.read(tx -> {
                    List<Long> sessions = tx.query("SELECT id FROM information_schema.processlist "
                            + "WHERE db = DATABASE() AND id <> CONNECTION_ID()", r -> r.getLong("id"));
                    for (long id : sessions) {
                        tx.execute("KILL " + id);
                    }
                    return null;
                });
            }
            long flavors = db.read(tx -> tx.count("SELECT COUNT(*) FROM flavors"));
            long sessionAfter = db.read(tx -> tx.count(engine.equals("postgresql")
                    ? "SELECT pg_backend_pid()" : "SELECT CONNECTION_ID()"));
            assertThat(flavors).isZero();
            assertThat(sessionAfter).isNotEqualTo(sessionBefore);
        } finally {
            TestDatabases.drop(url);
        }
    }

    @EachEngine
    void aTransactionWhoseConnectionWasLostBeforeItsCommitRunsAgainOnAFreshOne(String engine) throws Exception {
        if (engine.equals("sqlite")) {
            return; // a file has no server to end the session
        }
        String url = TestDatabases.create(engine);
        try (Database db = open(url); Database admin = open(url)) {
            db.inTransaction(tx -> {
                tx.execute("CREATE TABLE lost_commit (n INTEGER)");
                return null;
            });
            java.util.concurrent.atomic.AtomicInteger runs = new java.util.concurrent.atomic.AtomicInteger();
            db.inTransaction(tx -> {
                tx.update("INSERT INTO lost_commit (n) VALUES (?)", runs.incrementAndGet());
                if (runs.get() == 1) {
                    long session = tx.count(engine.equals("postgresql") ? "SELECT pg_backend_pid()"
                            : "SELECT CONNECTION_ID()");
                    // what a server restart does to the session, before this transaction commits
                    admin.read(a -> {
                        if (engine.equals("postgresql")) {
                            a.count("SELECT COUNT(pg_terminate_backend(" + session + "))");
                        } else {
                            a.execute("KILL " + session);
                        }
                        return null;
                    });
                }
                return tx.count("SELECT COUNT(*) FROM lost_commit");
            });
            assertThat(runs).hasValue(2);
            List<Integer> rows = db.read(tx -> tx.query("SELECT n FROM lost_commit", r -> r.getInt("n")));
            assertThat(rows).containsExactly(2);
        } finally {
            TestDatabases.drop(url);
        }
    }
}
