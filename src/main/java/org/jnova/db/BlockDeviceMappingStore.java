package org.jnova.db;

import static java.util.Objects.requireNonNull;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jnova.objects.BlockDeviceMapping;

/** The live block_device_mapping rows of instances (deleted = id once gone, as nova). */
public final class BlockDeviceMappingStore {
    private static final String COLUMNS = "uuid, instance_uuid, source_type, destination_type, image_id, volume_id, "
            + "volume_size, boot_index, device_name, delete_on_termination, tag, attachment_id, snapshot_id";
    private static final int CHUNK = 500;
    private final Database db;

    public BlockDeviceMappingStore(Database db) {
        this.db = requireNonNull(db, "db is null");
    }

    /** The mappings of one instance, oldest first. */
    public List<BlockDeviceMapping> forInstance(String instanceUuid) {
        return db.read(tx -> forInstance(tx, instanceUuid));
    }

    public List<BlockDeviceMapping> forInstance(Tx tx, String instanceUuid) throws SQLException {
        return tx.query("SELECT " + COLUMNS + " FROM block_device_mapping WHERE instance_uuid = ? AND deleted = 0 "
                + "ORDER BY id", BlockDeviceMappingStore::row, instanceUuid);
    }

    /** The volume mappings of many instances with one query per 500 of them (server lists). */
    public Map<String, List<BlockDeviceMapping>> volumesOf(Collection<String> instanceUuids) {
        Map<String, List<BlockDeviceMapping>> out = new HashMap<>();
        if (instanceUuids.isEmpty()) {
            return out;
        }
        List<String> all = List.copyOf(instanceUuids);
        db.read(tx -> {
            for (int from = 0; from < all.size(); from += CHUNK) {
                Object[] chunk = all.subList(from, Math.min(all.size(), from + CHUNK)).toArray();
                tx.query("SELECT " + COLUMNS + " FROM block_device_mapping WHERE deleted = 0 AND volume_id IS NOT NULL "
                        + "AND instance_uuid IN (" + InstanceStore.marks(chunk.length) + ") ORDER BY id", r -> {
                            BlockDeviceMapping b = row(r);
                            out.computeIfAbsent(b.instanceUuid(), k -> new ArrayList<>()).add(b);
                            return null;
                        }, chunk);
            }
            return null;
        });
        return out;
    }

    /** nova's get_by_volume_and_instance. */
    public Optional<BlockDeviceMapping> byVolumeAndInstance(String volumeId, String instanceUuid) {
        return db.read(tx -> tx.queryOne("SELECT " + COLUMNS + " FROM block_device_mapping WHERE volume_id = ? "
                + "AND instance_uuid = ? AND deleted = 0 ORDER BY id", BlockDeviceMappingStore::row, volumeId,
                instanceUuid));
    }

    /** nova's get_by_volume: every live mapping of a volume. */
    public List<BlockDeviceMapping> byVolume(String volumeId) {
        return db.read(tx -> tx.query("SELECT " + COLUMNS + " FROM block_device_mapping WHERE volume_id = ? "
                + "AND deleted = 0 ORDER BY id", BlockDeviceMappingStore::row, volumeId));
    }

    /** Adds a volume mapping in a transaction of its own; returns it with its new uuid. */
    public BlockDeviceMapping insertVolume(String instanceUuid, String volumeId, String deviceName, String tag,
            boolean deleteOnTermination, Integer bootIndex, Integer volumeSize) {
        return db.inTransaction(tx -> insertVolume(tx, instanceUuid, volumeId, deviceName, tag, deleteOnTermination,
                bootIndex, volumeSize));
    }

    /** Adds a volume mapping (source and destination "volume"); returns it with its new uuid. */
    public BlockDeviceMapping insertVolume(Tx tx, String instanceUuid, String volumeId, String deviceName,
            String tag, boolean deleteOnTermination, Integer bootIndex, Integer volumeSize) throws SQLException {
        String uuid = UUID.randomUUID().toString();
        tx.update("INSERT INTO block_device_mapping (uuid, instance_uuid, source_type, destination_type, volume_id, "
                + "volume_size, boot_index, device_name, delete_on_termination, tag, created_at, deleted) "
                + "VALUES (?, ?, 'volume', 'volume', ?, ?, ?, ?, ?, ?, ?, 0)", uuid, instanceUuid, volumeId,
                volumeSize, bootIndex, deviceName, deleteOnTermination, tag, FlavorJson.now());
        return new BlockDeviceMapping(uuid, instanceUuid, "volume", "volume", null, volumeId, volumeSize, bootIndex,
                deviceName, deleteOnTermination, tag, null, null);
    }

    /** Adds a mapping of any kind (server create); returns its new uuid. */
    public String insert(Tx tx, String instanceUuid, String sourceType, String destinationType, String imageId,
            String volumeId, String snapshotId, Integer volumeSize, Integer bootIndex, String deviceName,
            boolean deleteOnTermination, String tag, String attachmentId) throws SQLException {
        String uuid = UUID.randomUUID().toString();
        tx.update("INSERT INTO block_device_mapping (uuid, instance_uuid, source_type, destination_type, image_id, "
                + "volume_id, snapshot_id, volume_size, boot_index, device_name, delete_on_termination, tag, "
                + "attachment_id, created_at, deleted) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)", uuid,
                instanceUuid, sourceType, destinationType, imageId, volumeId, snapshotId, volumeSize, bootIndex,
                deviceName, deleteOnTermination, tag, attachmentId, FlavorJson.now());
        return uuid;
    }

    public void setAttachment(String uuid, String attachmentId) {
        db.inTransaction(tx -> tx.update("UPDATE block_device_mapping SET attachment_id = ?, updated_at = ? "
                + "WHERE uuid = ? AND deleted = 0", attachmentId, FlavorJson.now(), uuid));
    }

    public void setDeleteOnTermination(String uuid, boolean deleteOnTermination) {
        db.inTransaction(tx -> tx.update("UPDATE block_device_mapping SET delete_on_termination = ?, updated_at = ? "
                + "WHERE uuid = ? AND deleted = 0", deleteOnTermination, FlavorJson.now(), uuid));
    }

    /** Points a mapping at another volume (swap). */
    public void setVolume(String uuid, String volumeId, String attachmentId, Integer volumeSize) {
        db.inTransaction(tx -> tx.update("UPDATE block_device_mapping SET volume_id = ?, attachment_id = ?, "
                + "volume_size = ?, updated_at = ? WHERE uuid = ? AND deleted = 0", volumeId, attachmentId,
                volumeSize, FlavorJson.now(), uuid));
    }

    /** nova's bdm.destroy. */
    public void destroy(String uuid) {
        db.inTransaction(tx -> tx.update("UPDATE block_device_mapping SET deleted = id, deleted_at = ? WHERE uuid = ? "
                + "AND deleted = 0", FlavorJson.now(), uuid));
    }

    private static BlockDeviceMapping row(Row r) throws SQLException {
        return new BlockDeviceMapping(r.getString("uuid"), r.getString("instance_uuid"), r.getString("source_type"),
                r.getString("destination_type"), r.getString("image_id"), r.getString("volume_id"),
                r.getInteger("volume_size"), r.getInteger("boot_index"), r.getString("device_name"),
                r.getBoolean("delete_on_termination"), r.getString("tag"), r.getString("attachment_id"),
                r.getString("snapshot_id"));
    }
}
