package org.jnova.rpc;

import static java.util.Objects.requireNonNull;

import java.sql.SQLException;
import java.util.Map;
import org.jnova.db.OutboxStore;
import org.jnova.db.Tx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Casts that commit with the state change they announce: each is recorded in the caller's
 * transaction and sent once that transaction committed, its row deleted when the transport
 * accepted it. A row left behind (the process died, the broker refused) is sent again by the
 * {@link OutboxRelay}; receivers check the state they expect, so a repeat does nothing.
 */
public final class Outbox {
    private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);

    private final OutboxStore store;
    private final Transport transport;

    public Outbox(OutboxStore store, Transport transport) {
        this.store = requireNonNull(store, "store is null");
        this.transport = requireNonNull(transport, "transport is null");
    }

    /** Records the cast in {@code tx}; it is sent after {@code tx} commits, never if it rolls back. */
    public void cast(Tx tx, String topic, String host, String method, String version, Map<String, Object> args)
            throws SQLException {
        OutboxStore.Entry entry = store.record(tx, topic, host, method, version, args);
        tx.afterCommit(() -> deliver(entry));
    }

    /** Sends a recorded cast and forgets it once the transport accepted it; false if it did not. */
    public boolean deliver(OutboxStore.Entry entry) {
        try {
            transport.cast(entry.topic(), entry.host(), entry.method(), entry.version(), entry.args());
        } catch (RuntimeException e) {
            LOG.warn("Cast {} to {}{} not sent yet ({}); it will be sent again", entry.method(), entry.topic(),
                    entry.host() == null ? "" : "." + entry.host(), e.toString());
            return false;
        }
        store.delete(entry.id());
        return true;
    }
}
