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
        return open(url, new Database.RetryPolicy(5, Duration.ofMillis(1), Duration.ofMillis(5)));
    }

    private static Database open(String url, Database.RetryPolicy retries) {
        return new Database(DatabaseUrl.parse(url, Path.of("")), Database.PoolSettings.DEFAULT, retries);
    }

    /** Runs each statement in one transaction. */
    private static void execute(Database db, String... statements) {
        db.inTransaction(tx -> {
            for (String sql : statements) {
                tx.execute(sql);
            }
            return null;
        });
    }

    /** The query for the id of the server session a connection is. */
    private static String sessionIdQuery(String engine) {
        return engine.equals("postgresql") ? "SELECT pg_backend_pid()" : "SELECT CONNECTION_ID()";
    }

    @EachEngine
    void migrationsApplyOnceAndAreIdempotent(String engine) throws Exception {
        try (var scratch = TestDatabases.scratch(engine); Database db = open(scratch.url())) {
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
        }
    }

    @EachEngine
    void aLongValueListAnswersRightEveryTimeAndIsNotKeptPreparedOnPostgresql(String engine) throws Exception {
        try (var scratch = TestDatabases.scratch(engine); Database db = open(scratch.url())) {
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
        }
    }

    @EachEngine
    void aNulCharacterIsBadInputWherePostgresqlCannotHoldIt(String engine) throws Exception {
        try (var scratch = TestDatabases.scratch(engine); Database db = open(scratch.url())) {
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
        }
    }

    @EachEngine
    void aValueTooLongForItsColumnIsBadInput(String engine) throws Exception {
        try (var scratch = TestDatabases.scratch(engine); Database db = open(scratch.url())) {
            execute(db, "CREATE TABLE too_long (v VARCHAR(3))");
            if (engine.equals("sqlite")) {
                int inserted = db.inTransaction(tx -> tx.update("INSERT INTO too_long (v) VALUES (?)", "abcd"));
                assertThat(inserted).isOne();
            } else {
                assertThatThrownBy(() -> db.inTransaction(tx -> tx.update("INSERT INTO too_long (v) VALUES (?)",
                        "abcd"))).isInstanceOf(org.jnova.exception.ValidationError.class);
            }
        }
    }

    @EachEngine
    void aTransactionFailingWithDeadlockIsRunAgainAndCommitsOnce(String engine) throws Exception {
        try (var scratch = TestDatabases.scratch(engine); Database db = open(scratch.url())) {
            execute(db, "CREATE TABLE counter (n INTEGER)");
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
        }
    }

    @EachEngine
    void aRealDeadlockBetweenTwoTransactionsIsRetriedUntilBothCommit(String engine) throws Exception {
        try (var scratch = TestDatabases.scratch(engine); Database db = open(scratch.url(),
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
        }
    }

    @EachEngine
    void aReadWhoseConnectionTheServerEndedIsAnsweredOnAFreshOne(String engine) throws Exception {
        if (engine.equals("sqlite")) {
            return; // a file has no server to end the session
        }
        try (var scratch = TestDatabases.scratch(engine); Database db = open(scratch.url());
                Database admin = open(scratch.url())) {
            new Migrator(db, "api").migrate(Optional.empty());
            long sessionBefore = db.read(tx -> tx.count(sessionIdQuery(engine)));
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
            long sessionAfter = db.read(tx -> tx.count(sessionIdQuery(engine)));
            assertThat(flavors).isZero();
            assertThat(sessionAfter).isNotEqualTo(sessionBefore);
        }
    }

    @EachEngine
    void aTransactionWhoseConnectionWasLostBeforeItsCommitRunsAgainOnAFreshOne(String engine) throws Exception {
        if (engine.equals("sqlite")) {
            return; // a file has no server to end the session
        }
        try (var scratch = TestDatabases.scratch(engine); Database db = open(scratch.url());
                Database admin = open(scratch.url())) {
            execute(db, "CREATE TABLE lost_commit (n INTEGER)");
            AtomicInteger runs = new AtomicInteger();
            db.inTransaction(tx -> {
                tx.update("INSERT INTO lost_commit (n) VALUES (?)", runs.incrementAndGet());
                if (runs.get() == 1) {
                    long session = tx.count(sessionIdQuery(engine));
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
        }
    }
}
