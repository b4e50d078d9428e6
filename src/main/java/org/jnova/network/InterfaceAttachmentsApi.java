package org.jnova.network;

import static java.util.Objects.requireNonNull;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.jnova.context.RequestContext;
import org.jnova.db.ActionStore;
import org.jnova.db.DuplicateEntry;
import org.jnova.db.PortStore;
import org.jnova.db.Transactions;
import org.jnova.db.Tx;
import org.jnova.exception.Conflict;
import org.jnova.exception.InstanceInvalidState;
import org.jnova.exception.InstanceIsLocked;
import org.jnova.exception.Invalid;
import org.jnova.exception.NotFound;
import org.jnova.exception.PortLimitExceeded;
import org.jnova.objects.Instance;
import org.jnova.utils.Cidr;

/**
 * Interface attachments on the built-in network (nova's compute API attach_interface /
 * detach_interface with neutron's port bookkeeping): a port is a live virtual_interfaces row,
 * so the server's addresses follow attachments at once. Each call is recorded as an instance
 * action (attach_interface / detach_interface) with its compute event.
 */
public final class InterfaceAttachmentsApi {
    private static final Set<String> ATTACHABLE = Set.of("active", "paused", "stopped");

    /** A port of a server, with its device tag (null when none). */
    public record Port(String portId, String instanceUuid, String macAddress, String fixedIp, String tag) {
    }

    private final Transactions db;
    private final PortStore ports;
    private final ActionStore actions;
    private final FixedIpAllocator allocator;
    private final String networkId;
    private final BigInteger first;
    private final BigInteger last;
    private final int bytes;
    private final String networkLabel;
    private final int portLimit;

    /** @param portLimit ports a project's servers may have (neutron's port quota); -1 unlimited */
    public InterfaceAttachmentsApi(Transactions db, PortStore ports, ActionStore actions, FixedIpAllocator allocator, String cidr,
            String networkLabel, String networkId, int portLimit) {
        this.db = requireNonNull(db, "db is null");
        this.ports = requireNonNull(ports, "ports is null");
        this.portLimit = portLimit;
        this.actions = requireNonNull(actions, "actions is null");
        this.allocator = requireNonNull(allocator, "allocator is null");
        this.networkId = requireNonNull(networkId, "networkId is null");
        Cidr network = Cidr.parse(cidr);
        this.bytes = network.addressBytes();
        this.networkLabel = requireNonNull(networkLabel, "networkLabel is null");
        this.first = network.firstAssignable();
        this.last = network.lastAssignable();
    }

    /** The id of the built-in network. */
    public String networkId() {
        return networkId;
    }

    public List<Port> list(String instanceUuid) {
        return ports.tagged(instanceUuid).stream().map(InterfaceAttachmentsApi::port).toList();
    }

    /** The server's port; nova's 404s for a port that is missing or elsewhere. */
    public Port get(String instanceUuid, String portId) {
        Port port = find(portId).orElseThrow(() -> portNotFound(portId));
        if (!port.instanceUuid().equals(instanceUuid)) {
            throw new NotFound("Instance " + instanceUuid + " does not have a port with id " + portId);
        }
        return port;
    }

    /**
     * Attaches a new port (or refuses an existing one, which always belongs to a server here;
     * another project's is as unknown as a missing one).
     *
     * @param netId null or the built-in network's id
     * @param portId null or an existing port's id
     * @param fixedIp null or the address wanted
     */
    public Port attach(RequestContext ctx, Instance server, String netId, String portId, String fixedIp, String tag) {
        checkState(ctx, server, "attach_interface");
        if (netId != null && !netId.equalsIgnoreCase(networkId)) {
            throw new NotFound("Network " + netId + " could not be found.");
        }
        if (portId != null) {
            visible(ctx, portId).orElseThrow(() -> portNotFound(portId));
            throw new Conflict("Port " + portId + " is still in use.");
        }
        record(ctx, server, "attach_interface");
        actions.eventStart(server.uuid(), ctx.requestId(), "compute_attach_interface", server.host());
        Port port;
        try {
            port = fixedIp == null ? allocate(server, tag) : allocateRequested(server, fixedIp, tag);
        } catch (RuntimeException e) {
            actions.eventFinish(server.uuid(), ctx.requestId(), "compute_attach_interface", "Error", e.getMessage());
            throw e;
        }
        actions.eventFinish(server.uuid(), ctx.requestId(), "compute_attach_interface", "Success", null);
        return port;
    }

    /**
     * Detaches (releases) one of the server's ports. As nova (whose compute host does the work
     * after the API's 202), a port the server does not have is accepted and recorded as a
     * failed compute_detach_interface event.
     */
    public void detach(RequestContext ctx, Instance server, String portId) {
        checkState(ctx, server, "detach_interface");
        Optional<Port> port = find(portId).filter(p -> p.instanceUuid().equals(server.uuid()));
        record(ctx, server, "detach_interface");
        actions.eventStart(server.uuid(), ctx.requestId(), "compute_detach_interface", server.host());
        if (port.isEmpty()) {
            actions.eventFinish(server.uuid(), ctx.requestId(), "compute_detach_interface", "Error",
                    portNotFound(portId).getMessage());
            return;
        }
        ports.delete(portId);
        actions.eventFinish(server.uuid(), ctx.requestId(), "compute_detach_interface", "Success", null);
    }

    private void checkState(RequestContext ctx, Instance server, String action) {
        if (server.locked() && !ctx.isAdmin()) {
            throw new InstanceIsLocked(server.uuid());
        }
        if (!ATTACHABLE.contains(server.vmState())) {
            throw new InstanceInvalidState("vm_state", server.vmState(), action, server.uuid());
        }
        if (server.taskState() != null) {
            throw new InstanceInvalidState("task_state", server.taskState(), action, server.uuid());
        }
    }

    private void record(RequestContext ctx, Instance server, String action) {
        db.inTransaction(tx -> {
            actions.start(tx, server.uuid(), action, ctx.requestId(), ctx.userId(), ctx.requireProjectId());
            return null;
        });
    }

    /**
     * neutron's port quota, counted under the project's lock in the transaction that adds the
     * port (see {@link org.jnova.db.PortCounts}). nova answers neutron's refusal with
     * PortLimitExceeded (403).
     */
    private Void checkPortQuota(Tx tx, String projectId) throws SQLException {
        if (portLimit < 0) {
            return null;
        }
        org.jnova.db.ProjectLock.lock(tx, projectId);
        if (org.jnova.db.PortCounts.inUse(tx, projectId) + 1 > portLimit) {
            throw new PortLimitExceeded();
        }
        return null;
    }

    private Port allocate(Instance server, String tag) {
        String instanceUuid = server.uuid();
        var vif = allocator.allocate(instanceUuid, tx -> checkPortQuota(tx, server.projectId()));
        if (tag != null) {
            ports.setTag(vif.uuid(), tag);
        }
        return new Port(vif.uuid(), instanceUuid, vif.macAddress(), vif.fixedIp(), tag);
    }

    private Port allocateRequested(Instance server, String ip, String tag) {
        String instanceUuid = server.uuid();
        byte[] raw = address(ip);
        BigInteger n = Cidr.toNumber(raw);
        if (raw.length != bytes || n.compareTo(first) < 0 || n.compareTo(last) > 0) {
            throw new Invalid("Fixed IP address " + ip + " is invalid.");
        }
        String normal = hostAddress(raw);
        for (int attempt = 0; attempt < 20; attempt++) {
            try {
                return db.inTransaction(tx -> {
                    checkPortQuota(tx, server.projectId());
                    return insert(tx, instanceUuid, normal, tag);
                });
            } catch (DuplicateEntry e) {
                // a random MAC address or the address was taken meanwhile: try again
            }
        }
        throw new IllegalStateException("could not attach a port with " + ip);
    }

    private Port insert(Tx tx, String instanceUuid, String ip, String tag) throws SQLException {
        Optional<String> holder = ports.holderOf(tx, ip);
        if (holder.isPresent()) {
            // nova's compute host words it so (neutron's IpAddressInUse), naming no server: it may be another project's
            throw new Conflict("Fixed IP " + ip + " is already in use.");
        }
        byte[] mac = new byte[3];
        ThreadLocalRandom.current().nextBytes(mac);
        mac[0] &= 0x7f;
        String address = String.format("fa:16:3e:%02x:%02x:%02x", mac[0], mac[1], mac[2]);
        String uuid = UUID.randomUUID().toString();
        String label = ports.firstLabel(tx, instanceUuid).orElse(null);
        ports.insertTagged(tx, label != null ? label : networkLabel,
                new PortStore.TaggedPort(uuid, instanceUuid, address, ip, tag));
        return new Port(uuid, instanceUuid, address, ip, tag);
    }

    private Optional<Port> find(String portId) {
        return ports.find(portId).map(InterfaceAttachmentsApi::port);
    }

    /** A port as neutron shows it to the caller: its project's (its server's project's here), any to an admin. */
    private Optional<Port> visible(RequestContext ctx, String portId) {
        if (ctx.isAdmin()) {
            return find(portId);
        }
        return ports.findInProject(portId, ctx.requireProjectId()).map(InterfaceAttachmentsApi::port);
    }

    private static Port port(PortStore.TaggedPort p) {
        return new Port(p.uuid(), p.instanceUuid(), p.address(), p.fixedIp(), p.tag());
    }

    private static NotFound portNotFound(String portId) {
        return new NotFound("Port id " + portId + " could not be found.");
    }

    private static byte[] address(String text) {
        try {
            return InetAddress.getByName(text).getAddress();
        } catch (UnknownHostException e) {
            throw new Invalid("Fixed IP address " + text + " is invalid.");
        }
    }

    private static String hostAddress(byte[] raw) {
        try {
            return InetAddress.getByAddress(raw).getHostAddress();
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
