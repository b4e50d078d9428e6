package org.jnova.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.ContextInitializer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jnova.conf.DefaultOpts;
import org.jnova.conf.cfg.ConfigOpts;
import org.jnova.log.LoggingSetup;
import org.jnova.testing.EachEngine;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Each engine's duplicate-key error, from a real database, arrives as one {@link DuplicateEntry}
 * naming the key; other integrity errors do not; a transaction refused by a unique index runs
 * again, so its own existence check answers, and the service's log shows no warning for it.
 */
class DuplicateKeysTest {
    @TempDir
    Path logDir;

    /** What a test does with its database. */
    @FunctionalInterface
    private interface WithDatabase {
        void run(Database db) throws Exception;
    }

    private static Database open(String url) {
        return new Database(DatabaseUrl.parse(url, Path.of("")), Database.PoolSettings.DEFAULT,
                new Database.RetryPolicy(5, Duration.ofMillis(1), Duration.ofMillis(5)));
    }

    private static void withTable(String engine, WithDatabase body) throws Exception {
        String url = TestDatabases.create(engine);
        try (Database db = open(url)) {
            db.inTransaction(tx -> {
                tx.execute("CREATE TABLE dup_items (id VARCHAR(36) NOT NULL PRIMARY KEY, name VARCHAR(64) NOT NULL)");
                tx.execute("CREATE UNIQUE INDEX uniq_dup_items0name ON dup_items (name)");
                return null;
            });
            db.inTransaction(tx -> tx.update("INSERT INTO dup_items (id, name) VALUES (?, ?)", "1", "a"));
            body.run(db);
        } finally {
            TestDatabases.drop(url);
        }
    }

    @EachEngine
    void aUniqueIndexAndAPrimaryKeyRefuseWithOneTypeNamingTheKey(String engine) throws Exception {
        withTable(engine, db -> {
            assertThatThrownBy(() -> insert(db, "2", "a")).isInstanceOfSatisfying(DuplicateEntry.class,
                    e -> assertThat(e.key()).isEqualTo(engine.equals("sqlite") ? "dup_items.name"
                            : "uniq_dup_items0name"));
            assertThatThrownBy(() -> insert(db, "1", "b")).isInstanceOfSatisfying(DuplicateEntry.class,
                    e -> assertThat(e.key()).isEqualTo(switch (engine) {
                        case "sqlite" -> "dup_items.id";
                        case "postgresql" -> "dup_items_pkey";
                        default -> "PRIMARY";
                    }));
            long rows = db.read(tx -> tx.count("SELECT COUNT(*) FROM dup_items"));
            assertThat(rows).isEqualTo(1);
        });
    }

    @EachEngine
    void aBatchEntryRefusedIsADuplicateToo(String engine) throws Exception {
        withTable(engine, db -> assertThatThrownBy(() -> db.inTransaction(tx -> {
            tx.batch("INSERT INTO dup_items (id, name) VALUES (?, ?)", List.of(new Object[] {"3", "c"},
                    new Object[] {"4", "c"}));
            return null;
        })).isInstanceOf(DuplicateEntry.class));
    }

    @EachEngine
    void anotherIntegrityErrorIsNoDuplicate(String engine) throws Exception {
        // MariaDB reports a NULL in a NOT NULL column with SQLSTATE 23000 as well, but error 1048
        withTable(engine, db -> assertThatThrownBy(() -> insert(db, "5", null))
                .isInstanceOf(DatabaseException.class).isNotInstanceOf(DuplicateEntry.class));
    }

    @EachEngine
    void aRefusedTransactionRunsAgainSoItsCheckAnswers(String engine) throws Exception {
        withTable(engine, db -> {
            AtomicInteger runs = new AtomicInteger();
            assertThat(insertCheckedFromTheSecondRun(db, runs, "6")).isEqualTo("exists");
            assertThat(runs).hasValue(2);

            AtomicInteger blind = new AtomicInteger();
            assertThatThrownBy(() -> db.inTransaction(tx -> {
                blind.incrementAndGet();
                return tx.update("INSERT INTO dup_items (id, name) VALUES (?, ?)", "7", "a");
            })).isInstanceOf(DuplicateEntry.class);
            assertThat(blind).as("runs of work without a check before the duplicate is given up").hasValue(3);
        });
    }

    /** MariaDB's driver would log the refused insert the retry answers as a WARNING of its own. */
    @EachEngine
    void aDuplicateTheRetryAnswersLeavesNoWarningInTheServiceLog(String engine) throws Exception {
        LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();
        ConfigOpts conf = new ConfigOpts(DefaultOpts.all());
        conf.set(DefaultOpts.LOG_DIR, logDir.toString());
        LoggingSetup.configure(logging, conf, "nova-api");
        try {
            withTable(engine, db -> {
                assertThat(insertCheckedFromTheSecondRun(db, new AtomicInteger(), "8")).isEqualTo("exists");
            });
            logging.getLogger("nova.db.test").warn("the log is written");
            LoggingSetup.flush(logging);
            // other tests' servers may log warnings of their own meanwhile: only the driver's line counts
            List<String> warnings = Files.readAllLines(logDir.resolve("nova-api.log")).stream()
                    .filter(l -> l.contains(" WARNING ")).toList();
            assertThat(warnings).anyMatch(l -> l.endsWith("WARNING nova.db.test [-] the log is written"));
            assertThat(warnings).noneMatch(l -> l.contains("org.mariadb") || l.contains("Duplicate entry"));
        } finally {
            logging.reset();
            new ContextInitializer(logging).autoConfig();
        }
    }

    /**
     * Inserts row {@code id} named "a" unless a check finds one; the first run skips the check, as if
     * a concurrent create had won between check and insert. Returns what the run that held answered.
     */
    private static String insertCheckedFromTheSecondRun(Database db, AtomicInteger runs, String id) {
        return db.inTransaction(tx -> {
            if (runs.incrementAndGet() > 1 && tx.count("SELECT COUNT(*) FROM dup_items WHERE name = ?", "a") > 0) {
                return "exists";
            }
            tx.update("INSERT INTO dup_items (id, name) VALUES (?, ?)", id, "a");
            return "inserted";
        });
    }

    private static int insert(Database db, String id, String name) {
        return db.inTransaction(tx -> tx.update("INSERT INTO dup_items (id, name) VALUES (?, ?)", id, name));
    }
}
