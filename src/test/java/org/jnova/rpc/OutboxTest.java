package org.jnova.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jnova.db.Database;
import org.jnova.db.DatabaseUrl;
import org.jnova.db.Migrator;
import org.jnova.db.OutboxStore;
import org.jnova.db.TestDatabases;
import org.jnova.testing.EachEngine;

/** Casts recorded with the transaction they follow: sent after commit, never after rollback, sent again by the relay. */
class OutboxTest {
    private static final Duration HOUR = Duration.ofHours(1);

    private static final String TOPIC = "compute";
    private static final String HOST = "host-1";

    /** A migrated database, a fake transport with one listener recording what it gets. */
    private static final class World implements AutoCloseable {
        final String url;
        final Database db;
        final OutboxStore store;
        final FakeTransport transport = new FakeTransport();
        final BlockingQueue<String> received = new LinkedBlockingQueue<>();

        World(String engine) throws Exception {
            url = TestDatabases.create(engine);
            db = new Database(DatabaseUrl.parse(url, Path.of("")), Database.PoolSettings.DEFAULT,
                    new Database.RetryPolicy(5, Duration.ofMillis(1), Duration.ofMillis(5)));
            new Migrator(db, "main").migrate(Optional.empty());
            store = new OutboxStore(db);
            transport.listen(TOPIC, HOST, (method, args) -> received.add(method + " " + args.get("n")));
        }

        Outbox outbox() {
            return new Outbox(store, transport);
        }

        @Override
        public void close() throws Exception {
            transport.close();
            db.close();
            TestDatabases.drop(url);
        }
    }

    @EachEngine
    void aCommittedCastIsSentAndForgotten(String engine) throws Exception {
        try (World w = new World(engine)) {
            w.db.inTransaction(tx -> {
                w.outbox().cast(tx, TOPIC, HOST, "stop_instance", "6.0", Map.of("n", 1));
                assertThat(w.received).isEmpty();
                return null;
            });
            assertThat(w.received.poll(5, TimeUnit.SECONDS)).isEqualTo("stop_instance 1");
            assertThat(w.store.pending()).isZero();
        }
    }

    @EachEngine
    void aCastWhoseTransactionRollsBackIsNeverSent(String engine) throws Exception {
        try (World w = new World(engine)) {
            assertThatThrownBy(() -> w.db.inTransaction(tx -> {
                w.outbox().cast(tx, TOPIC, HOST, "stop_instance", "6.0", Map.of("n", 1));
                throw new IllegalStateException("the state change failed");
            })).isInstanceOf(IllegalStateException.class);
            assertThat(w.store.pending()).isZero();
            OutboxRelay relay = new OutboxRelay(w.store, w.outbox(), Duration.ZERO, HOUR, Duration.ofSeconds(1));
            assertThat(relay.sweep()).isZero();
            assertThat(w.received.poll(300, TimeUnit.MILLISECONDS)).isNull();
        }
    }

    @EachEngine
    void aRetriedTransactionSendsItsCastOnce(String engine) throws Exception {
        try (World w = new World(engine)) {
            AtomicInteger attempts = new AtomicInteger();
            w.db.inTransaction(tx -> {
                w.outbox().cast(tx, TOPIC, HOST, "stop_instance", "6.0", Map.of("n", attempts.incrementAndGet()));
                if (attempts.get() == 1) {
                    throw new SQLException("serialization failure", "40001");
                }
                return null;
            });
            assertThat(attempts).hasValue(2);
            assertThat(w.received.poll(5, TimeUnit.SECONDS)).isEqualTo("stop_instance 2");
            assertThat(w.received.poll(300, TimeUnit.MILLISECONDS)).isNull();
            assertThat(w.store.pending()).isZero();
        }
    }

    @EachEngine
    void aCastRecordedButNeverSentIsSentByTheRelayAfterTheThreshold(String engine) throws Exception {
        try (World w = new World(engine)) {
            // the process died between commit and send: the row is there, nothing was sent
            w.db.inTransaction(tx -> w.store.record(tx, TOPIC, HOST, "stop_instance", "6.0", Map.of("n", 7)));
            OutboxRelay relay = new OutboxRelay(w.store, w.outbox(), Duration.ofMillis(500), HOUR, Duration.ofSeconds(1));
            assertThat(relay.sweep()).as("too young to be sent again").isZero();
            Thread.sleep(600);
            assertThat(relay.sweep()).isEqualTo(1);
            assertThat(w.received.poll(5, TimeUnit.SECONDS)).isEqualTo("stop_instance 7");
            assertThat(w.store.pending()).isZero();
            assertThat(relay.sweep()).isZero();
        }
    }

    @EachEngine
    void aCastTheTransportRefusedStaysUntilTheRelaySendsIt(String engine) throws Exception {
        try (World w = new World(engine)) {
            Outbox refusing = new Outbox(w.store, new FakeTransport()); // nobody listens there
            w.db.inTransaction(tx -> {
                refusing.cast(tx, TOPIC, HOST, "start_instance", "6.0", Map.of("n", 3));
                return null;
            });
            assertThat(w.store.pending()).isEqualTo(1);
            OutboxRelay relay = new OutboxRelay(w.store, w.outbox(), Duration.ZERO, HOUR, Duration.ofMillis(50));
            relay.start();
            try {
                assertThat(w.received.poll(5, TimeUnit.SECONDS)).isEqualTo("start_instance 3");
            } finally {
                relay.stop();
            }
            assertThat(w.store.pending()).isZero();
        }
    }

    @EachEngine
    void aCastUndeliverableForLongerThanTheExpiryIsDropped(String engine) throws Exception {
        try (World w = new World(engine)) {
            Outbox refusing = new Outbox(w.store, new FakeTransport()); // its host is gone for good
            w.db.inTransaction(tx -> {
                refusing.cast(tx, TOPIC, HOST, "start_instance", "6.0", Map.of("n", 4));
                return null;
            });
            OutboxRelay hopeless = new OutboxRelay(w.store, refusing, Duration.ZERO, Duration.ofMillis(300),
                    Duration.ofSeconds(1));
            assertThat(hopeless.sweep()).isZero();
            assertThat(w.store.pending()).as("kept while younger than the expiry").isEqualTo(1);
            Thread.sleep(400);
            assertThat(hopeless.sweep()).isZero();
            assertThat(w.store.pending()).isZero();
        }
    }

    @EachEngine
    void twoRelaysNeverClaimTheSameRow(String engine) throws Exception {
        try (World w = new World(engine)) {
            int rows = 40;
            w.db.inTransaction(tx -> {
                for (int n = 0; n < rows; n++) {
                    w.store.record(tx, TOPIC, HOST, "stop_instance", "6.0", Map.of("n", n));
                }
                return null;
            });
            List<Long> claimed = Collections.synchronizedList(new ArrayList<>());
            Callable<Void> node = () -> {
                for (int round = 0; round < 10; round++) {
                    w.store.claimStale(Duration.ZERO, Duration.ofMinutes(5), 7)
                            .forEach(e -> claimed.add(e.id()));
                }
                return null;
            };
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<Void>> nodes = pool.invokeAll(List.of(node, node));
                for (Future<Void> f : nodes) {
                    f.get();
                }
            } finally {
                pool.shutdownNow();
            }
            Set<Long> distinct = new HashSet<>(claimed);
            assertThat(claimed).hasSize(distinct.size());
            assertThat(distinct).hasSize(rows);
            assertThat(w.store.claimStale(Duration.ZERO, Duration.ofMinutes(5), 100)).as("all held").isEmpty();
        }
    }
}
