package org.jnova.db;

import static java.util.Objects.requireNonNull;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jnova.objects.Aggregate;

/** Host aggregates, their hosts and metadata in the API database. */
public final class AggregateStore {
    private static final String COLUMNS = "id, uuid, name, created_at, updated_at";

    private final Database db;

    public AggregateStore(Database db) {
        this.db = requireNonNull(db, "db is null");
    }

    /** Creates an aggregate (with its zone as metadata when not null); empty when the name is taken. */
    public Optional<Aggregate> create(String name, String availabilityZone) {
        try {
            return db.inTransaction(tx -> {
                if (tx.count("SELECT COUNT(*) FROM aggregates WHERE name = ?", name) > 0) {
                    return Optional.<Aggregate>empty();
                }
                Instant now = FlavorJson.now();
                String uuid = UUID.randomUUID().toString();
                tx.update("INSERT INTO aggregates (uuid, name, created_at) VALUES (?, ?, ?)", uuid, name, now);
                int id = tx.queryOne("SELECT id FROM aggregates WHERE uuid = ?", r -> r.getInt("id"), uuid)
                        .orElseThrow();
                if (availabilityZone != null) {
                    tx.update("INSERT INTO aggregate_metadata (aggregate_id, meta_key, meta_value, created_at) "
                            + "VALUES (?, ?, ?, ?)", id, Aggregate.AZ_KEY, availabilityZone, now);
                }
                return get(tx, id);
            });
        } catch (DuplicateEntry e) {
            // a concurrent create of the same name lost the race on the unique index
            if (db.read(tx -> tx.count("SELECT COUNT(*) FROM aggregates WHERE name = ?", name)) > 0) {
                return Optional.empty();
            }
            throw e;
        }
    }

    public Optional<Aggregate> get(int id) {
        return db.read(tx -> get(tx, id));
    }

    private Optional<Aggregate> get(Tx tx, int id) throws SQLException {
        return fill(tx, tx.query("SELECT " + COLUMNS + " FROM aggregates WHERE id = ?", AggregateStore::row, id))
                .stream().findFirst();
    }

    public List<Aggregate> list() {
        return db.read(tx -> fill(tx, tx.query("SELECT " + COLUMNS + " FROM aggregates ORDER BY id",
                AggregateStore::row)));
    }

    /** Aggregates a host is in. */
    public List<Aggregate> byHost(String host) {
        return db.read(tx -> fill(tx, tx.query("SELECT " + COLUMNS + " FROM aggregates WHERE id IN (SELECT "
                + "aggregate_id FROM aggregate_hosts WHERE host = ?) ORDER BY id", AggregateStore::row, host)));
    }

    /** host -> availability zone, for hosts in an aggregate that names a zone. */
    public Map<String, String> hostZones() {
        Map<String, String> out = new HashMap<>();
        db.read(tx -> tx.query("SELECT h.host, m.meta_value FROM aggregate_hosts h JOIN aggregate_metadata m ON "
                + "m.aggregate_id = h.aggregate_id WHERE m.meta_key = ? ORDER BY h.aggregate_id", r -> {
                    out.putIfAbsent(r.getString("host"), r.getString("meta_value"));
                    return null;
                }, Aggregate.AZ_KEY));
        return out;
    }

    /** Renames; false when another aggregate has the name. */
    public boolean rename(int id, String name) {
        return db.inTransaction(tx -> {
            if (tx.count("SELECT COUNT(*) FROM aggregates WHERE name = ? AND id <> ?", name, id) > 0) {
                return false;
            }
            tx.update("UPDATE aggregates SET name = ?, updated_at = ? WHERE id = ?", name, FlavorJson.now(), id);
            return true;
        });
    }

    /** Sets metadata items; a null value deletes its key (missing keys are ignored). */
    public void updateMetadata(int id, Map<String, String> items) {
        db.inTransaction(tx -> {
            Instant now = FlavorJson.now();
            for (Map.Entry<String, String> e : items.entrySet()) {
                if (e.getValue() == null) {
                    tx.update("DELETE FROM aggregate_metadata WHERE aggregate_id = ? AND meta_key = ?", id, e.getKey());
                } else if (tx.update("UPDATE aggregate_metadata SET meta_value = ?, updated_at = ? WHERE "
                        + "aggregate_id = ? AND meta_key = ?", e.getValue(), now, id, e.getKey()) == 0) {
                    tx.update("INSERT INTO aggregate_metadata (aggregate_id, meta_key, meta_value, created_at) "
                            + "VALUES (?, ?, ?, ?)", id, e.getKey(), e.getValue(), now);
                }
            }
            tx.update("UPDATE aggregates SET updated_at = ? WHERE id = ?", now, id);
            return null;
        });
    }

    /** Adds a host; false when it is already there. */
    public boolean addHost(int id, String host) {
        return db.inTransaction(tx -> {
            if (tx.count("SELECT COUNT(*) FROM aggregate_hosts WHERE aggregate_id = ? AND host = ?", id, host) > 0) {
                return false;
            }
            tx.update("INSERT INTO aggregate_hosts (host, aggregate_id, created_at) VALUES (?, ?, ?)", host, id,
                    FlavorJson.now());
            return true;
        });
    }

    /** Removes a host; false when it was not there. */
    public boolean removeHost(int id, String host) {
        return db.inTransaction(tx -> tx.update("DELETE FROM aggregate_hosts WHERE aggregate_id = ? AND host = ?", id,
                host) > 0);
    }

    /** Takes a host out of every aggregate (its compute service was deleted). */
    public void removeHostEverywhere(String host) {
        db.inTransaction(tx -> tx.update("DELETE FROM aggregate_hosts WHERE host = ?", host));
    }

    public boolean delete(int id) {
        return db.inTransaction(tx -> {
            tx.update("DELETE FROM aggregate_metadata WHERE aggregate_id = ?", id);
            tx.update("DELETE FROM aggregate_hosts WHERE aggregate_id = ?", id);
            return tx.update("DELETE FROM aggregates WHERE id = ?", id) > 0;
        });
    }

    private record Raw(int id, String uuid, String name, Instant createdAt, Instant updatedAt) {
    }

    private static Raw row(Row r) throws SQLException {
        return new Raw(r.getInt("id"), r.getString("uuid"), r.getString("name"), r.getInstant("created_at"),
                r.getInstant("updated_at"));
    }

    private static List<Aggregate> fill(Tx tx, List<Raw> raws) throws SQLException {
        if (raws.isEmpty()) {
            return List.of();
        }
        Object[] ids = raws.stream().map(Raw::id).toArray();
        String in = " IN (" + InstanceStore.marks(ids.length) + ")";
        Map<Integer, List<String>> hosts = new HashMap<>();
        tx.query("SELECT aggregate_id, host FROM aggregate_hosts WHERE aggregate_id" + in + " ORDER BY id",
                r -> hosts.computeIfAbsent(r.getInt("aggregate_id"), k -> new ArrayList<>()).add(r.getString("host")),
                ids);
        Map<Integer, Map<String, String>> metadata = new HashMap<>();
        tx.query("SELECT aggregate_id, meta_key, meta_value FROM aggregate_metadata WHERE aggregate_id" + in
                + " ORDER BY id", r -> metadata.computeIfAbsent(r.getInt("aggregate_id"), k -> new LinkedHashMap<>())
                        .put(r.getString("meta_key"), r.getString("meta_value")), ids);
        return raws.stream().map(raw -> new Aggregate(raw.id(), raw.uuid(), raw.name(),
                hosts.getOrDefault(raw.id(), List.of()), metadata.getOrDefault(raw.id(), Map.of()), raw.createdAt(),
                raw.updatedAt())).toList();
    }
}
