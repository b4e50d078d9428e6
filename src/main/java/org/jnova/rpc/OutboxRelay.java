package org.jnova.rpc;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jnova.db.OutboxStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends again the casts whose sender died between commit and send: every few seconds it claims
 * the outbox rows older than {@code redeliverAfter} (for that long, so two nodes never both
 * take one) and hands them to the {@link Outbox}, which deletes each the transport accepted.
 * A cast still not sent after {@code expireAfter} (its host is gone for good) is dropped with
 * an error: the state it announced is in the database, where the receivers' start-up recovery
 * and the conductor's build recovery find it.
 */
public final class OutboxRelay {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxRelay.class);
    private static final int BATCH = 100;

    private final OutboxStore store;
    private final Outbox outbox;
    private final Duration redeliverAfter;
    private final Duration expireAfter;
    private final Duration interval;
    private ScheduledExecutorService timer;

    public OutboxRelay(OutboxStore store, Outbox outbox, Duration redeliverAfter, Duration expireAfter,
            Duration interval) {
        this.store = requireNonNull(store, "store is null");
        this.outbox = requireNonNull(outbox, "outbox is null");
        this.redeliverAfter = requireNonNull(redeliverAfter, "redeliverAfter is null");
        this.expireAfter = requireNonNull(expireAfter, "expireAfter is null");
        this.interval = requireNonNull(interval, "interval is null");
    }

    public synchronized void start() {
        if (timer != null) {
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().factory());
        timer.scheduleWithFixedDelay(this::sweepQuietly, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    public synchronized void stop() {
        if (timer == null) {
            return;
        }
        timer.shutdown(); // a sweep under way finishes: what it sent is deleted
        try {
            if (!timer.awaitTermination(10, TimeUnit.SECONDS)) {
                timer.shutdownNow();
            }
        } catch (InterruptedException e) {
            timer.shutdownNow();
            Thread.currentThread().interrupt();
        }
        timer = null;
    }

    /** Drops the expired casts, then claims and sends the stale ones once; returns how many the transport accepted. */
    public int sweep() {
        for (OutboxStore.Entry expired : store.deleteOlderThan(expireAfter)) {
            LOG.error("Dropping cast {} to {}{} recorded at {}: not delivered within {} s", expired.method(),
                    expired.topic(), expired.host() == null ? "" : "." + expired.host(), expired.createdAt(),
                    expireAfter.toSeconds());
        }
        int sent = 0;
        for (OutboxStore.Entry entry : store.claimStale(redeliverAfter, redeliverAfter, BATCH)) {
            LOG.info("Sending again cast {} to {}{} recorded at {}", entry.method(), entry.topic(),
                    entry.host() == null ? "" : "." + entry.host(), entry.createdAt());
            if (outbox.deliver(entry)) {
                sent++;
            }
        }
        return sent;
    }

    private void sweepQuietly() {
        try {
            sweep();
        } catch (RuntimeException e) {
            LOG.warn("Outbox sweep failed: {}", e.toString());
        }
    }
}
