package org.jnova.compute;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import org.jnova.context.RequestContext;
import org.jnova.db.FloatingIpStore;
import org.jnova.db.PortStore;
import org.jnova.exception.Forbidden;
import org.jnova.exception.Invalid;
import org.jnova.exception.NotFound;
import org.jnova.objects.FloatingIp;
import org.jnova.objects.Instance;
import org.jnova.objects.VirtualInterface;
import org.jnova.utils.Cidr;

/**
 * Floating IPs of the built-in pool, as nova's proxy to neutron answers: allocated per project
 * (a quota per project), visible to their project (and admins), associated with a server's
 * fixed IP.
 */
public final class FloatingIpsApi {
    /** The built-in pool: its name, range and the quota of addresses a project may hold. */
    public record Pool(String name, Cidr range, long quota) {
        public Pool {
            requireNonNull(name, "name is null");
            requireNonNull(range, "range is null");
        }
    }

    private final FloatingIpStore store;
    private final PortStore ports;
    private final Pool pool;

    public FloatingIpsApi(FloatingIpStore store, PortStore ports, Pool pool) {
        this.store = requireNonNull(store, "store is null");
        this.ports = requireNonNull(ports, "ports is null");
        this.pool = requireNonNull(pool, "pool is null");
    }

    /** The pool names (nova's get_floating_ip_pools). */
    public List<String> pools(RequestContext ctx) {
        return List.of(pool.name());
    }

    public List<FloatingIp> list(RequestContext ctx) {
        return store.list(ctx.projectId().orElse(""));
    }

    /** An address of the caller's project (any for an admin); nova's text when there is none. */
    public FloatingIp get(RequestContext ctx, String id) {
        return store.get(id).filter(ip -> visible(ctx, ip))
                .orElseThrow(() -> new NotFound("Floating IP not found for ID " + id));
    }

    /** The address by its text, as neutron finds it for the caller. */
    public Optional<FloatingIp> byAddress(RequestContext ctx, String address) {
        return store.byAddress(address).filter(ip -> visible(ctx, ip));
    }

    /**
     * Allocates from the pool named (null: the default pool); as nova, the pool may be named by
     * its external network's name or id.
     */
    public FloatingIp allocate(RequestContext ctx, String poolName) {
        if (poolName != null && !poolName.equals(pool.name()) && !poolName.equals(NetworksApi.idOf(pool.name()))) {
            throw new NotFound("Floating IP pool not found.");
        }
        FloatingIpStore.Allocation a = store.allocate(ctx.projectId().orElse(""), pool.name(), pool.range(),
                pool.quota());
        if (a.overQuota()) {
            throw new Forbidden(poolName != null ? "IP allocation over quota in pool " + poolName + "."
                    : "IP allocation over quota.");
        }
        if (a.ip() == null) {
            throw new NotFound(poolName != null ? "No more floating IPs in pool " + poolName + "."
                    : "No more floating IPs available.");
        }
        return a.ip();
    }

    /** Releases an address, disassociating it first. */
    public void release(RequestContext ctx, FloatingIp ip) {
        store.delete(ip.id());
    }

    /**
     * nova's addFloatingIp: the server's first IPv4 fixed IP unless one is named; an address
     * associated elsewhere moves here, as neutron moves it.
     */
    public void associate(RequestContext ctx, Instance server, String address, String fixedAddress) {
        List<VirtualInterface> own = ports.ports(server.uuid());
        if (own.isEmpty()) {
            throw new Invalid("Instance network is not ready yet");
        }
        List<String> fixed = own.stream().map(VirtualInterface::fixedIp).filter(java.util.Objects::nonNull).toList();
        if (fixed.isEmpty()) {
            throw new Invalid("No fixed IPs associated to instance");
        }
        String target = fixedAddress;
        if (target != null && !fixed.contains(target)) {
            throw new Invalid("Specified fixed address not assigned to instance");
        }
        if (target == null) {
            target = fixed.stream().filter(a -> !a.contains(":")).findFirst().orElseThrow(() -> new Invalid(
                    "Unable to associate floating IP " + address + " to any fixed IPs for instance " + server.uuid()
                            + ". Instance has no fixed IPv4 addresses to associate."));
        }
        FloatingIp ip = byAddress(ctx, address).orElseThrow(() -> new NotFound("floating IP not found"));
        String chosen = target;
        String port = own.stream().filter(p -> chosen.equals(p.fixedIp())).map(VirtualInterface::uuid).findFirst()
                .orElse("");
        Optional<FloatingIp> other = store.associate(ip.id(), server.uuid(), target);
        if (other.isPresent()) {
            throw new Invalid("Unable to associate floating IP " + address + " to fixed IP " + target
                    + " for instance " + server.uuid() + ". Error: Cannot associate floating IP " + address + " ("
                    + ip.id() + ") with port " + port + " using fixed IP " + target + ", as that fixed IP already "
                    + "has a floating IP on external network " + pool.name() + ".");
        }
    }

    public void disassociate(RequestContext ctx, FloatingIp ip) {
        store.disassociate(ip.id());
    }

    private static boolean visible(RequestContext ctx, FloatingIp ip) {
        return ctx.isAdmin() || ctx.projectId().map(ip.projectId()::equals).orElse(false);
    }
}
