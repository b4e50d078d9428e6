package org.jnova.db;

import static java.util.Objects.requireNonNull;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jnova.objects.ComputeNode;

/**
 * Hypervisors and the resources claimed on them. A claim is one conditional UPDATE that adds
 * the flavor's usage only if it still fits the capacity times the allocation ratio, so
 * concurrent schedulers on several API nodes can never oversubscribe a node.
 */
public final class ComputeNodeStore {
    private static final String COLUMNS = "id, uuid, service_id, host, hypervisor_hostname, hypervisor_type, "
            + "hypervisor_version, host_ip, vcpus, memory_mb, local_gb, vcpus_used, memory_mb_used, local_gb_used, "
            + "running_vms, cpu_allocation_ratio, ram_allocation_ratio, disk_allocation_ratio, created_at, updated_at";
    private final Database db;

    public ComputeNodeStore(Database db) {
        this.db = requireNonNull(db, "db is null");
    }

    /** Creates or refreshes the node a compute service reports (capacity and ratios; usage kept). */
    public ComputeNode upsert(int serviceId, String host, String nodename, String hypervisorType, String hostIp,
            int vcpus, int memoryMb, int localGb, double cpuRatio, double ramRatio, double diskRatio) {
        return db.inTransaction(tx -> {
            var now = FlavorJson.now();
            int changed = tx.update("UPDATE compute_nodes SET service_id = ?, hypervisor_type = ?, host_ip = ?, "
                    + "vcpus = ?, memory_mb = ?, local_gb = ?, cpu_allocation_ratio = ?, ram_allocation_ratio = ?, "
                    + "disk_allocation_ratio = ?, updated_at = ? WHERE host = ? AND hypervisor_hostname = ? "
                    + "AND deleted = 0", serviceId, hypervisorType, hostIp, vcpus, memoryMb, localGb, cpuRatio,
                    ramRatio, diskRatio, now, host, nodename);
            if (changed == 0) {
                tx.update("INSERT INTO compute_nodes (uuid, service_id, host, hypervisor_hostname, hypervisor_type, "
                        + "host_ip, vcpus, memory_mb, local_gb, cpu_allocation_ratio, ram_allocation_ratio, "
                        + "disk_allocation_ratio, created_at, updated_at, deleted) VALUES "
                        + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)", UUID.randomUUID().toString(), serviceId,
                        host, nodename, hypervisorType, hostIp, vcpus, memoryMb, localGb, cpuRatio, ramRatio,
                        diskRatio, now, now);
            }
            return byName(tx, host, nodename).orElseThrow();
        });
    }

    public Optional<ComputeNode> byName(Tx tx, String host, String nodename) throws SQLException {
        return tx.queryOne("SELECT " + COLUMNS + " FROM compute_nodes WHERE host = ? AND hypervisor_hostname = ? "
                + "AND deleted = 0", ComputeNodeStore::row, host, nodename);
    }

    public Optional<ComputeNode> byId(int id) {
        return db.read(tx -> tx.queryOne("SELECT " + COLUMNS + " FROM compute_nodes WHERE id = ? AND deleted = 0",
                ComputeNodeStore::row, id));
    }

    public Optional<ComputeNode> byUuid(String uuid) {
        return db.read(tx -> tx.queryOne("SELECT " + COLUMNS + " FROM compute_nodes WHERE uuid = ? AND deleted = 0",
                ComputeNodeStore::row, uuid));
    }

    public List<ComputeNode> list() {
        return db.read(tx -> tx.query("SELECT " + COLUMNS + " FROM compute_nodes WHERE deleted = 0 ORDER BY id",
                ComputeNodeStore::row));
    }

    /**
     * Claims resources on a node if they fit: returns false (nothing changed) when another
     * claim got there first and the node is now too full.
     */
    public boolean claim(Tx tx, int nodeId, int vcpus, int memoryMb, int diskGb, int reservedMemoryMb,
            int reservedDiskGb, int reservedCpus, int maxInstances) throws SQLException {
        return tx.update("UPDATE compute_nodes SET vcpus_used = vcpus_used + ?, memory_mb_used = memory_mb_used + ?, "
                + "local_gb_used = local_gb_used + ?, running_vms = running_vms + 1, updated_at = ? WHERE id = ? "
                + "AND deleted = 0 AND running_vms < ? "
                + "AND vcpus_used + ? <= (vcpus - ?) * cpu_allocation_ratio "
                + "AND memory_mb_used + ? <= (memory_mb - ?) * ram_allocation_ratio "
                + "AND local_gb_used + ? <= (local_gb - ?) * disk_allocation_ratio",
                vcpus, memoryMb, diskGb, FlavorJson.now(), nodeId, maxInstances, vcpus, reservedCpus, memoryMb, reservedMemoryMb,
                diskGb, reservedDiskGb) == 1;
    }

    /** As {@link #release(Tx, String, String, int, int, int)}, in a transaction of its own. */
    public void release(String host, String nodename, int vcpus, int memoryMb, int diskGb) {
        db.inTransaction(tx -> {
            release(tx, host, nodename, vcpus, memoryMb, diskGb);
            return null;
        });
    }

    /** Gives back what a claim took (instance deleted or build failed). */
    public void release(Tx tx, String host, String nodename, int vcpus, int memoryMb, int diskGb) throws SQLException {
        tx.update("UPDATE compute_nodes SET vcpus_used = vcpus_used - ?, memory_mb_used = memory_mb_used - ?, "
                + "local_gb_used = local_gb_used - ?, running_vms = running_vms - 1, updated_at = ? WHERE host = ? "
                + "AND hypervisor_hostname = ? AND deleted = 0", vcpus, memoryMb, diskGb, FlavorJson.now(), host,
                nodename);
    }

    private static ComputeNode row(Row r) throws SQLException {
        return new ComputeNode(r.getInt("id"), r.getString("uuid"), r.getInt("service_id"), r.getString("host"),
                r.getString("hypervisor_hostname"), r.getString("hypervisor_type"), r.getInt("hypervisor_version"),
                r.getString("host_ip"), r.getInt("vcpus"), r.getInt("memory_mb"), r.getInt("local_gb"),
                r.getInt("vcpus_used"), r.getInt("memory_mb_used"), r.getInt("local_gb_used"),
                r.getInt("running_vms"), r.getDouble("cpu_allocation_ratio"), r.getDouble("ram_allocation_ratio"),
                r.getDouble("disk_allocation_ratio"), r.getInstant("created_at"), r.getInstant("updated_at"));
    }
}
