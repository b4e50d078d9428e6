package org.jnova.db;

import static java.util.Objects.requireNonNull;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jnova.objects.KeyPair;

/** Key pairs in the API database, unique per (user, name). */
public final class KeyPairStore {
    private static final String COLUMNS = "id, name, user_id, key_type, public_key, fingerprint, created_at";
    private final Database db;

    public KeyPairStore(Database db) {
        this.db = requireNonNull(db, "db is null");
    }

    public void insert(Tx tx, String userId, String name, String type, String publicKey, String fingerprint)
            throws SQLException {
        tx.update("INSERT INTO key_pairs (name, user_id, key_type, public_key, fingerprint, created_at) "
                + "VALUES (?, ?, ?, ?, ?, ?)", name, userId, type, publicKey, fingerprint, FlavorJson.now());
    }

    public Optional<KeyPair> get(String userId, String name) {
        return db.read(tx -> get(tx, userId, name));
    }

    public Optional<KeyPair> get(Tx tx, String userId, String name) throws SQLException {
        return tx.queryOne("SELECT " + COLUMNS + " FROM key_pairs WHERE user_id = ? AND name = ?", KeyPairStore::row,
                userId, name);
    }

    /** Lists a user's key pairs by name, after the marker name, at most limit (null: all). */
    public List<KeyPair> list(String userId, Integer limit, String marker) {
        return db.read(tx -> {
            StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM key_pairs WHERE user_id = ?");
            List<Object> args = new ArrayList<>(List.of(userId));
            if (marker != null) {
                if (get(tx, userId, marker).isEmpty()) {
                    throw new org.jnova.exception.Invalid("Marker " + marker + " could not be found.");
                }
                sql.append(" AND name > ?");
                args.add(marker);
            }
            sql.append(" ORDER BY name ASC");
            if (limit != null) {
                sql.append(" LIMIT ").append(limit);
            }
            return tx.query(sql.toString(), KeyPairStore::row, args.toArray());
        });
    }

    public long count(String userId) {
        return db.read(tx -> count(tx, userId));
    }

    public long count(Tx tx, String userId) throws SQLException {
        return tx.count("SELECT COUNT(*) FROM key_pairs WHERE user_id = ?", userId);
    }

    public boolean delete(String userId, String name) {
        return db.inTransaction(tx -> tx.update("DELETE FROM key_pairs WHERE user_id = ? AND name = ?", userId,
                name) > 0);
    }

    private static KeyPair row(Row r) throws SQLException {
        return new KeyPair(r.getInt("id"), r.getString("name"), r.getString("user_id"), r.getString("key_type"),
                r.getString("public_key"), r.getString("fingerprint"), r.getInstant("created_at"));
    }
}
