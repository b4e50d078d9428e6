package org.jnova.db;

import static java.util.Objects.requireNonNull;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jnova.objects.ShareMapping;

/** nova's share_mapping rows: which shares are attached to which server, and in what status. */
public final class ShareMappingStore {
    private static final String COLUMNS = "uuid, instance_uuid, share_id, status, tag, export_location, share_proto";
    private final Database db;

    public ShareMappingStore(Database db) {
        this.db = requireNonNull(db, "db is null");
    }

    /** The server's mappings, oldest first. */
    public List<ShareMapping> list(String instanceUuid) {
        return db.read(tx -> tx.query("SELECT " + COLUMNS + " FROM share_mapping WHERE instance_uuid = ? ORDER BY id",
                ShareMappingStore::row, instanceUuid));
    }

    public Optional<ShareMapping> get(String instanceUuid, String shareId) {
        return db.read(tx -> tx.queryOne("SELECT " + COLUMNS + " FROM share_mapping "
                + "WHERE instance_uuid = ? AND share_id = ?", ShareMappingStore::row, instanceUuid, shareId));
    }

    /** True when the server has a mapping with this share or this tag. */
    public boolean exists(Tx tx, String instanceUuid, String shareId, String tag) throws SQLException {
        return tx.count("SELECT COUNT(*) FROM share_mapping WHERE instance_uuid = ? AND (share_id = ? OR tag = ?)",
                instanceUuid, shareId, tag) > 0;
    }

    public void insert(Tx tx, ShareMapping m) throws SQLException {
        tx.update("INSERT INTO share_mapping (" + COLUMNS + ", created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", m.uuid(),
                m.instanceUuid(), m.shareId(), m.status(), m.tag(), m.exportLocation(), m.shareProto(),
                FlavorJson.now());
    }

    public void setStatus(Tx tx, String uuid, String status) throws SQLException {
        tx.update("UPDATE share_mapping SET status = ?, updated_at = ? WHERE uuid = ?", status, FlavorJson.now(),
                uuid);
    }

    /** Changes one mapping's status if it is still {@code from}; false when it was not. */
    public boolean changeStatus(String uuid, String from, String to) {
        return db.inTransaction(tx -> tx.update("UPDATE share_mapping SET status = ?, updated_at = ? "
                + "WHERE uuid = ? AND status = ?", to, FlavorJson.now(), uuid, from)) > 0;
    }

    public boolean delete(String uuid) {
        return db.inTransaction(tx -> tx.update("DELETE FROM share_mapping WHERE uuid = ?", uuid)) > 0;
    }

    public int deleteForInstance(String instanceUuid) {
        return db.inTransaction(tx -> tx.update("DELETE FROM share_mapping WHERE instance_uuid = ?", instanceUuid));
    }

    private static ShareMapping row(Row r) throws SQLException {
        return new ShareMapping(r.getString("uuid"), r.getString("instance_uuid"), r.getString("share_id"),
                r.getString("status"), r.getString("tag"), r.getString("export_location"),
                r.getString("share_proto"));
    }
}
