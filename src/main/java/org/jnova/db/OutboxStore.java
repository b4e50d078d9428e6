package org.jnova.db;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jnova.utils.JsonMappers;

/**
 * The rpc_outbox table: casts recorded in the transaction whose state change they announce,
 * deleted once the transport took them. Rows still there after a while are claimed, one node
 * at a time, and sent again.
 */
public final class OutboxStore {
    private static final ObjectMapper JSON = JsonMappers.standard();
    private static final TypeReference<Map<String, Object>> ARGS = new TypeReference<>() {
    };

    private final Database db;

    public OutboxStore(Database db) {
        this.db = requireNonNull(db, "db is null");
    }

    /** A recorded cast: where it goes and what it says. */
    public record Entry(long id, String topic, String host, String method, String version,
            Map<String, Object> args, Instant createdAt) {
    }

    /** Records a cast in the caller's transaction; returns the row. */
    public Entry record(Tx tx, String topic, String host, String method, String version, Map<String, Object> args)
            throws SQLException {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        long id = tx.insert("INSERT INTO rpc_outbox (topic, host, method, version, args, created_at) "
                + "VALUES (?, ?, ?, ?, ?, ?)", topic, host, method, version, json(args), now);
        return new Entry(id, topic, host, method, version, args, now);
    }

    /** Forgets a cast the transport accepted. */
    public void delete(long id) {
        db.inTransaction(tx -> tx.update("DELETE FROM rpc_outbox WHERE id = ?", id));
    }

    /**
     * Claims at most {@code limit} casts recorded more than {@code olderThan} ago that no one holds,
     * for {@code lease}: each by a conditional UPDATE, so of two nodes racing for a row one wins.
     */
    public List<Entry> claimStale(Duration olderThan, Duration lease, int limit) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Instant until = now.plus(lease);
        List<Entry> candidates = db.read(tx -> tx.query("SELECT id, topic, host, method, version, args, created_at "
                + "FROM rpc_outbox WHERE created_at < ? AND (claimed_until IS NULL OR claimed_until < ?) "
                + "ORDER BY created_at, id LIMIT " + Math.max(1, limit),
                OutboxStore::entry, now.minus(olderThan), now));
        List<Entry> claimed = new ArrayList<>();
        for (Entry entry : candidates) {
            int won = db.inTransaction(tx -> tx.update("UPDATE rpc_outbox SET claimed_until = ? WHERE id = ? "
                    + "AND (claimed_until IS NULL OR claimed_until < ?)", until, entry.id(), now));
            if (won == 1) {
                claimed.add(entry);
            }
        }
        return claimed;
    }

    /** Deletes the casts recorded more than {@code olderThan} ago; returns them. */
    public List<Entry> deleteOlderThan(Duration olderThan) {
        Instant cutoff = Instant.now().truncatedTo(ChronoUnit.MICROS).minus(olderThan);
        return db.inTransaction(tx -> {
            List<Entry> expired = tx.query("SELECT id, topic, host, method, version, args, created_at "
                    + "FROM rpc_outbox WHERE created_at < ? ORDER BY created_at, id", OutboxStore::entry, cutoff);
            for (Entry entry : expired) {
                tx.update("DELETE FROM rpc_outbox WHERE id = ?", entry.id());
            }
            return expired;
        });
    }

    /** The casts recorded and not yet delivered. */
    public long pending() {
        return db.read(tx -> tx.count("SELECT COUNT(*) FROM rpc_outbox"));
    }

    /** One recorded cast, if still there. */
    public Optional<Entry> find(long id) {
        return db.read(tx -> tx.queryOne("SELECT id, topic, host, method, version, args, created_at FROM rpc_outbox "
                + "WHERE id = ?", OutboxStore::entry, id));
    }

    private static Entry entry(Row r) throws SQLException {
        return new Entry(r.getLong("id"), r.getString("topic"), r.getString("host"), r.getString("method"),
                r.getString("version"), args(r.getString("args")), r.getInstant("created_at"));
    }

    private static String json(Map<String, Object> args) throws SQLException {
        try {
            return JSON.writeValueAsString(args);
        } catch (JsonProcessingException e) {
            throw new SQLException("cannot record message arguments as JSON", e);
        }
    }

    private static Map<String, Object> args(String json) throws SQLException {
        try {
            return JSON.readValue(json, ARGS);
        } catch (JsonProcessingException e) {
            throw new SQLException("unreadable message arguments in rpc_outbox", e);
        }
    }
}
