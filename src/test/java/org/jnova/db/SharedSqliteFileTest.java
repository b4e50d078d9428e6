package org.jnova.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Two pools on one SQLite file stand for two processes: concurrent writers must all succeed. */
class SharedSqliteFileTest {
    @Test
    void twoPoolsWritingOneFileConcurrentlyLoseNothing() throws Exception {
        String url = TestDatabases.create("sqlite");
        try (Database a = new Database(DatabaseUrl.parse(url, Path.of("")), Database.PoolSettings.DEFAULT,
                Database.RetryPolicy.DEFAULT);
                Database b = new Database(DatabaseUrl.parse(url, Path.of("")), Database.PoolSettings.DEFAULT,
                        Database.RetryPolicy.DEFAULT)) {
            a.inTransaction(tx -> {
                tx.execute("CREATE TABLE counter (id INTEGER PRIMARY KEY, n INTEGER NOT NULL)");
                tx.update("INSERT INTO counter (id, n) VALUES (1, 0)");
                return null;
            });
            String mode = b.read(tx -> tx.queryOne("PRAGMA journal_mode", r -> r.getString("journal_mode")))
                    .orElseThrow();
            assertThat(mode).isEqualToIgnoringCase("wal");
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                Database db = t % 2 == 0 ? a : b;
                work.add(pool.submit(() -> {
                    for (int k = 0; k < 50; k++) {
                        db.inTransaction(tx -> {
                            long n = tx.count("SELECT n FROM counter WHERE id = 1");
                            return tx.update("UPDATE counter SET n = ? WHERE id = 1", n + 1);
                        });
                    }
                    return null;
                }));
            }
            for (Future<?> f : work) {
                f.get();
            }
            pool.shutdown();
            long total = a.read(tx -> tx.count("SELECT n FROM counter WHERE id = 1"));
            assertThat(total).isEqualTo(400L);
        } finally {
            TestDatabases.drop(url);
        }
    }
}
