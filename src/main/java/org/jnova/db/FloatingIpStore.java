package org.jnova.db;

import static java.util.Objects.requireNonNull;

import java.math.BigInteger;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jnova.objects.FloatingIp;
import org.jnova.utils.Cidr;

/**
 * Floating IPs of the built-in pool. A row is an allocated address; it names the server and
 * fixed IP it is associated with, cleared when that port goes away ({@link PortStore}).
 */
public final class FloatingIpStore {
    private static final String COLUMNS = "id, address, pool, project_id, instance_uuid, fixed_ip";

    private final Database db;

    public FloatingIpStore(Database db) {
        this.db = requireNonNull(db, "db is null");
    }

    /** What an allocation came to: the address, or why there is none. */
    public record Allocation(FloatingIp ip, boolean overQuota) {
    }

    /**
     * Allocates the lowest free address of {@code range} to a project holding fewer than
     * {@code limit} (negative: any number); allocations of one pool are serialized.
     *
     * @return the address; null ip and overQuota false when the pool is exhausted
     */
    public Allocation allocate(String projectId, String pool, Cidr range, long limit) {
        return db.inTransaction(tx -> {
            ProjectLock.lock(tx, "floating-ip-pool:" + pool);
            if (limit >= 0 && tx.count("SELECT COUNT(*) FROM floating_ips WHERE project_id = ?", projectId) >= limit) {
                return new Allocation(null, true);
            }
            Set<String> taken = new HashSet<>(tx.query("SELECT address FROM floating_ips WHERE pool = ?",
                    r -> r.getString("address"), pool));
            for (BigInteger n = range.firstAssignable(); n.compareTo(range.lastAssignable()) <= 0; n = n.add(
                    BigInteger.ONE)) {
                String address = range.toAddress(n);
                if (!taken.contains(address)) {
                    FloatingIp ip = new FloatingIp(UUID.randomUUID().toString(), address, pool, projectId, null, null);
                    tx.update("INSERT INTO floating_ips (id, address, pool, project_id, created_at) VALUES (?, ?, ?, ?, ?)",
                            ip.id(), ip.address(), ip.pool(), ip.projectId(), FlavorJson.now());
                    return new Allocation(ip, false);
                }
            }
            return new Allocation(null, false);
        });
    }

    /** A project's addresses (null: every project's), in address order of allocation. */
    public List<FloatingIp> list(String projectId) {
        return db.read(tx -> projectId == null
                ? tx.query("SELECT " + COLUMNS + " FROM floating_ips ORDER BY created_at, id", FloatingIpStore::row)
                : tx.query("SELECT " + COLUMNS + " FROM floating_ips WHERE project_id = ? ORDER BY created_at, id",
                        FloatingIpStore::row, projectId));
    }

    public Optional<FloatingIp> get(String id) {
        return db.read(tx -> tx.queryOne("SELECT " + COLUMNS + " FROM floating_ips WHERE id = ?", FloatingIpStore::row,
                id));
    }

    public Optional<FloatingIp> byAddress(String address) {
        return db.read(tx -> tx.queryOne("SELECT " + COLUMNS + " FROM floating_ips WHERE address = ?",
                FloatingIpStore::row, address));
    }

    /**
     * Associates an address with a server's fixed IP, moving it from wherever it was, unless
     * another address is associated with that fixed IP: then that one comes back and nothing
     * changes.
     */
    public Optional<FloatingIp> associate(String id, String instanceUuid, String fixedIp) {
        return db.inTransaction(tx -> {
            Optional<FloatingIp> other = tx.queryOne("SELECT " + COLUMNS + " FROM floating_ips WHERE instance_uuid = ? "
                    + "AND fixed_ip = ? AND id <> ?", FloatingIpStore::row, instanceUuid, fixedIp, id);
            if (other.isEmpty()) {
                tx.update("UPDATE floating_ips SET instance_uuid = ?, fixed_ip = ?, updated_at = ? WHERE id = ?",
                        instanceUuid, fixedIp, FlavorJson.now(), id);
            }
            return other;
        });
    }

    public void disassociate(String id) {
        db.inTransaction(tx -> tx.update("UPDATE floating_ips SET instance_uuid = NULL, fixed_ip = NULL, updated_at = ? "
                + "WHERE id = ?", FlavorJson.now(), id));
    }

    /** Releases an address. */
    public void delete(String id) {
        db.inTransaction(tx -> tx.update("DELETE FROM floating_ips WHERE id = ?", id));
    }

    /** Clears the association of a server's addresses (of one fixed IP; null: all), as its ports go. */
    static void disassociateInstance(Tx tx, String instanceUuid, String fixedIp) throws SQLException {
        if (fixedIp == null) {
            tx.update("UPDATE floating_ips SET instance_uuid = NULL, fixed_ip = NULL, updated_at = ? "
                    + "WHERE instance_uuid = ?", FlavorJson.now(), instanceUuid);
        } else {
            tx.update("UPDATE floating_ips SET instance_uuid = NULL, fixed_ip = NULL, updated_at = ? "
                    + "WHERE instance_uuid = ? AND fixed_ip = ?", FlavorJson.now(), instanceUuid, fixedIp);
        }
    }

    private static FloatingIp row(Row r) throws SQLException {
        return new FloatingIp(r.getString("id"), r.getString("address"), r.getString("pool"),
                r.getString("project_id"), r.getString("instance_uuid"), r.getString("fixed_ip"));
    }
}
