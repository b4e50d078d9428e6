package org.jnova.db;

import static java.util.Objects.requireNonNull;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jnova.objects.VirtualInterface;

/**
 * The virtual_interfaces table of the built-in network: a live row is a port with one fixed
 * address. Rows are soft-deleted (deleted = id) so a released address can be given again.
 */
public final class PortStore {
    private final Database db;

    /** A port with its device tag (null when none). */
    public record TaggedPort(String uuid, String instanceUuid, String address, String fixedIp, String tag) {
    }

    public PortStore(Database db) {
        this.db = requireNonNull(db, "db is null");
    }

    /** The fixed addresses of every live port. */
    public List<String> fixedIpsInUse(Tx tx) throws SQLException {
        return tx.query("SELECT fixed_ip FROM virtual_interfaces WHERE deleted = 0", r -> r.getString("fixed_ip"));
    }

    /** Adds a port without a tag. */
    public void insert(Tx tx, VirtualInterface port) throws SQLException {
        tx.update("INSERT INTO virtual_interfaces (uuid, instance_uuid, network_label, address, fixed_ip, created_at, "
                + "deleted) VALUES (?, ?, ?, ?, ?, ?, 0)", port.uuid(), port.instanceUuid(), port.networkLabel(),
                port.macAddress(), port.fixedIp(), java.time.Instant.now());
    }

    /** Adds a port with a device tag. */
    public void insertTagged(Tx tx, String label, TaggedPort port) throws SQLException {
        tx.update("INSERT INTO virtual_interfaces (uuid, instance_uuid, network_label, address, fixed_ip, tag, "
                + "created_at, deleted) VALUES (?, ?, ?, ?, ?, ?, ?, 0)", port.uuid(), port.instanceUuid(),
                label, port.address(), port.fixedIp(), port.tag(), Instant.now());
    }

    /** Releases every port of an instance (soft delete). */
    public void deleteForInstance(String instanceUuid) {
        db.inTransaction(tx -> {
            FloatingIpStore.disassociateInstance(tx, instanceUuid, null);
            return tx.update("UPDATE virtual_interfaces SET deleted = id, deleted_at = ? "
                    + "WHERE instance_uuid = ? AND deleted = 0", java.time.Instant.now(), instanceUuid);
        });
    }

    /** Releases one port (soft delete). */
    public void delete(String portId) {
        db.inTransaction(tx -> {
            for (String[] port : tx.query("SELECT instance_uuid, fixed_ip FROM virtual_interfaces WHERE uuid = ? "
                    + "AND deleted = 0", r -> new String[] {r.getString("instance_uuid"), r.getString("fixed_ip")},
                    portId)) {
                FloatingIpStore.disassociateInstance(tx, port[0], port[1]);
            }
            return tx.update("UPDATE virtual_interfaces SET deleted = id, deleted_at = ? WHERE uuid = ? "
                    + "AND deleted = 0", Instant.now(), portId);
        });
    }

    public void setTag(String portId, String tag) {
        db.inTransaction(tx -> tx.update("UPDATE virtual_interfaces SET tag = ? WHERE uuid = ?", tag, portId));
    }

    /** An instance's live ports, oldest first. */
    public List<VirtualInterface> ports(String instanceUuid) {
        return db.read(tx -> tx.query("SELECT uuid, instance_uuid, network_label, address, fixed_ip FROM "
                + "virtual_interfaces WHERE instance_uuid = ? AND deleted = 0 ORDER BY id",
                r -> new VirtualInterface(r.getString("uuid"), r.getString("instance_uuid"),
                        r.getString("network_label"), r.getString("address"), r.getString("fixed_ip")), instanceUuid));
    }

    /** An instance's live ports with their tags, oldest first. */
    public List<TaggedPort> tagged(String instanceUuid) {
        return db.read(tx -> tx.query("SELECT uuid, instance_uuid, address, fixed_ip, tag FROM virtual_interfaces "
                + "WHERE instance_uuid = ? AND deleted = 0 ORDER BY id", PortStore::tagged, instanceUuid));
    }

    public Optional<TaggedPort> find(String portId) {
        return db.read(tx -> tx.queryOne("SELECT uuid, instance_uuid, address, fixed_ip, tag FROM virtual_interfaces "
                + "WHERE uuid = ? AND deleted = 0", PortStore::tagged, portId));
    }

    /** The live port when its server belongs to {@code projectId}. */
    public Optional<TaggedPort> findInProject(String portId, String projectId) {
        return db.read(tx -> tx.queryOne("SELECT v.uuid AS uuid, v.instance_uuid AS instance_uuid, "
                + "v.address AS address, v.fixed_ip AS fixed_ip, v.tag AS tag FROM virtual_interfaces v "
                + "JOIN instances i ON i.uuid = v.instance_uuid WHERE v.uuid = ? AND v.deleted = 0 "
                + "AND i.project_id = ?",
                PortStore::tagged, portId, projectId));
    }

    /** The instances whose live ports have {@code fixedIp}, oldest port first. */
    public List<String> instancesWithFixedIp(String fixedIp) {
        return db.read(tx -> tx.query(
                "SELECT instance_uuid FROM virtual_interfaces WHERE fixed_ip = ? AND deleted = 0 ORDER BY id",
                r -> r.getString("instance_uuid"), fixedIp));
    }

    /** The instance whose live port has {@code fixedIp}, if any. */
    public Optional<String> holderOf(Tx tx, String fixedIp) throws SQLException {
        return tx.queryOne("SELECT instance_uuid FROM virtual_interfaces WHERE fixed_ip = ? "
                + "AND deleted = 0", r -> r.getString("instance_uuid"), fixedIp);
    }

    /** The network label of the instance's first port (live or not), if it ever had one. */
    public Optional<String> firstLabel(Tx tx, String instanceUuid) throws SQLException {
        return tx.queryOne("SELECT network_label FROM virtual_interfaces WHERE instance_uuid = ? ORDER BY id",
                r -> r.getString("network_label"), instanceUuid);
    }

    private static TaggedPort tagged(Row r) throws SQLException {
        return new TaggedPort(r.getString("uuid"), r.getString("instance_uuid"), r.getString("address"),
                r.getString("fixed_ip"), r.getString("tag"));
    }
}
