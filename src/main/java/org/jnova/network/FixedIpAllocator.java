package org.jnova.network;

import static java.util.Objects.requireNonNull;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.jnova.db.Database;
import org.jnova.db.DuplicateEntry;
import org.jnova.db.PortStore;
import org.jnova.db.Transactions;
import org.jnova.db.Tx;
import org.jnova.objects.VirtualInterface;
import org.jnova.utils.Cidr;

/**
 * The built-in network: gives an instance one port with a MAC {@code fa:16:3e:xx:xx:xx}
 * and the lowest free address of the configured CIDR (network, first host as gateway and
 * broadcast are skipped). Unique indexes on live rows settle races between processes.
 */
public final class FixedIpAllocator {
    private final Transactions db;
    private final PortStore ports;
    private final String label;
    private final BigInteger first;
    private final BigInteger last;
    private final Cidr cidr;

    public FixedIpAllocator(Transactions db, PortStore ports, String cidr, String label) {
        this.db = requireNonNull(db, "db is null");
        this.ports = requireNonNull(ports, "ports is null");
        this.label = requireNonNull(label, "label is null");
        try {
            this.cidr = Cidr.parse(cidr);
        } catch (IllegalArgumentException e) {
            throw new org.jnova.exception.ConfigError("Invalid fixed_range CIDR: " + cidr, e.getCause());
        }
        this.first = this.cidr.firstAssignable();
        this.last = this.cidr.lastAssignable();
    }

    /** Allocates a port for the instance; retried when another allocation took the same address. */
    public VirtualInterface allocate(String instanceUuid) {
        return allocate(instanceUuid, tx -> null);
    }

    /** As {@link #allocate(String)}, running {@code check} first in the allocation's transaction. */
    public VirtualInterface allocate(String instanceUuid, Database.Work<?> check) {
        for (int attempt = 0; attempt < 50; attempt++) {
            try {
                return db.inTransaction(tx -> {
                    check.run(tx);
                    return allocate(tx, instanceUuid);
                });
            } catch (DuplicateEntry e) {
                // another allocation took the address meanwhile: try again
            }
        }
        throw new IllegalStateException("could not allocate a fixed IP for " + instanceUuid);
    }

    private VirtualInterface allocate(Tx tx, String instanceUuid) throws SQLException {
        Set<BigInteger> used = new HashSet<>();
        for (String ip : ports.fixedIpsInUse(tx)) {
            used.add(toNumber(ip));
        }
        BigInteger candidate = first;
        while (used.contains(candidate)) {
            candidate = candidate.add(BigInteger.ONE);
        }
        if (candidate.compareTo(last) > 0) {
            throw new org.jnova.exception.NovaException(500, "Zero fixed IPs available.");
        }
        String ip = toAddress(candidate);
        byte[] mac = new byte[3];
        ThreadLocalRandom.current().nextBytes(mac);
        mac[0] &= 0x7f;
        String address = String.format("fa:16:3e:%02x:%02x:%02x", mac[0], mac[1], mac[2]);
        String uuid = UUID.randomUUID().toString();
        VirtualInterface port = new VirtualInterface(uuid, instanceUuid, label, address, ip);
        ports.insert(tx, port);
        return port;
    }

    /** Releases the instance's ports (soft delete). */
    public void deallocate(String instanceUuid) {
        ports.deleteForInstance(instanceUuid);
    }

    public List<VirtualInterface> ports(String instanceUuid) {
        return ports.ports(instanceUuid);
    }

    private BigInteger toNumber(String ip) {
        try {
            return Cidr.toNumber(InetAddress.getByName(ip).getAddress());
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    private String toAddress(BigInteger n) {
        return cidr.toAddress(n);
    }
}
