package org.jnova.db;

import static java.util.Objects.requireNonNull;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jnova.objects.Service;

/** Service records (os-services) in the main database. */
public final class ServiceStore {
    private static final String COLUMNS = "id, uuid, host, service_binary, topic, disabled, disabled_reason, "
            + "forced_down, last_seen_up, version, report_count, created_at, updated_at";
    private final Database db;

    public ServiceStore(Database db) {
        this.db = requireNonNull(db, "db is null");
    }

    /** Returns the live record of (host, binary), creating it when absent. */
    public Service register(String host, String binary, String topic, int version) {
        return db.inTransaction(tx -> {
            Optional<Service> existing = find(tx, host, binary);
            if (existing.isPresent()) {
                tx.update("UPDATE services SET version = ?, updated_at = ? WHERE id = ?", version, FlavorJson.now(),
                        existing.get().id());
                return find(tx, host, binary).orElseThrow();
            }
            tx.update("INSERT INTO services (uuid, host, service_binary, topic, version, created_at, deleted) "
                    + "VALUES (?, ?, ?, ?, ?, ?, 0)", UUID.randomUUID().toString(), host, binary, topic, version,
                    FlavorJson.now());
            return find(tx, host, binary).orElseThrow();
        });
    }

    /** Records a heartbeat. */
    public void heartbeat(int id) {
        Instant now = FlavorJson.now();
        db.inTransaction(tx -> tx.update("UPDATE services SET last_seen_up = ?, updated_at = ?, "
                + "report_count = report_count + 1 WHERE id = ?", now, now, id));
    }

    public Optional<Service> find(Tx tx, String host, String binary) throws SQLException {
        return tx.queryOne("SELECT " + COLUMNS + " FROM services WHERE host = ? AND service_binary = ? AND deleted = 0",
                ServiceStore::row, host, binary);
    }

    public Optional<Service> byUuid(String uuid) {
        return db.read(tx -> tx.queryOne("SELECT " + COLUMNS + " FROM services WHERE uuid = ? AND deleted = 0",
                ServiceStore::row, uuid));
    }

    public Optional<Service> byId(int id) {
        return db.read(tx -> tx.queryOne("SELECT " + COLUMNS + " FROM services WHERE id = ? AND deleted = 0",
                ServiceStore::row, id));
    }

    /** Live services, optionally of one host and/or binary. */
    public List<Service> list(String host, String binary) {
        return db.read(tx -> {
            StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM services WHERE deleted = 0");
            List<Object> args = new ArrayList<>();
            if (host != null) {
                sql.append(" AND host = ?");
                args.add(host);
            }
            if (binary != null) {
                sql.append(" AND service_binary = ?");
                args.add(binary);
            }
            return tx.query(sql + " ORDER BY id", ServiceStore::row, args.toArray());
        });
    }

    /** Sets disabled/disabled_reason/forced_down (null leaves a field alone). */
    public Optional<Service> update(int id, Boolean disabled, String disabledReason, boolean setReason,
            Boolean forcedDown) {
        return db.inTransaction(tx -> {
            if (disabled != null) {
                tx.update("UPDATE services SET disabled = ?, updated_at = ? WHERE id = ?", disabled, FlavorJson.now(),
                        id);
            }
            if (setReason) {
                tx.update("UPDATE services SET disabled_reason = ? WHERE id = ?", disabledReason, id);
            }
            if (forcedDown != null) {
                tx.update("UPDATE services SET forced_down = ?, updated_at = ? WHERE id = ?", forcedDown,
                        FlavorJson.now(), id);
            }
            return tx.queryOne("SELECT " + COLUMNS + " FROM services WHERE id = ?", ServiceStore::row, id);
        });
    }

    /** Soft-deletes a service and its compute nodes. */
    public boolean delete(int id) {
        return db.inTransaction(tx -> {
            Instant now = FlavorJson.now();
            tx.update("UPDATE compute_nodes SET deleted = id, deleted_at = ? WHERE service_id = ? AND deleted = 0",
                    now, id);
            return tx.update("UPDATE services SET deleted = id, deleted_at = ? WHERE id = ? AND deleted = 0", now,
                    id) > 0;
        });
    }

    private static Service row(Row r) throws SQLException {
        return new Service(r.getInt("id"), r.getString("uuid"), r.getString("host"), r.getString("service_binary"),
                r.getString("topic"), r.getBoolean("disabled"), r.getString("disabled_reason"),
                r.getBoolean("forced_down"), r.getInstant("last_seen_up"), r.getInt("version"),
                r.getInt("report_count"), r.getInstant("created_at"), r.getInstant("updated_at"));
    }
}
