package org.jnova.compute;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jnova.db.AggregateStore;
import org.jnova.objects.InstanceFilter;
import org.jnova.db.InstanceStore;
import org.jnova.db.ServiceStore;
import org.jnova.exception.Conflict;
import org.jnova.exception.Invalid;
import org.jnova.exception.NotFound;
import org.jnova.objects.Aggregate;

/**
 * Host aggregates with nova's AggregateAPI rules: unique names, a host only in aggregates of
 * one availability zone, no zone change for hosts that have instances, only empty
 * aggregates deleted. Placement aggregates are not mirrored (jnova has no placement).
 */
public final class AggregatesApi {
    /** Which operation a zone check guards; it picks nova's message and status. */
    private enum Action {
        ADD("Cannot add host to aggregate "), REMOVE("Cannot remove host from aggregate "),
        UPDATE("Cannot update aggregate "), UPDATE_META("Cannot update metadata of aggregate ");

        final String prefix;

        Action(String prefix) {
            this.prefix = prefix;
        }
    }

    private final AggregateStore store;
    private final ServiceStore services;
    private final InstanceStore instances;

    public AggregatesApi(AggregateStore store, ServiceStore services, InstanceStore instances) {
        this.store = requireNonNull(store, "store is null");
        this.services = requireNonNull(services, "services is null");
        this.instances = requireNonNull(instances, "instances is null");
    }

    public List<Aggregate> list() {
        return store.list();
    }

    public Aggregate get(int id) {
        return store.get(id).orElseThrow(() -> new NotFound("Aggregate " + id + " could not be found."));
    }

    /** The zone is stored as metadata when not null. */
    public Aggregate create(String name, String availabilityZone) {
        return store.create(name, availabilityZone)
                .orElseThrow(() -> new Conflict("Aggregate " + name + " already exists."));
    }

    /** Renames and/or sets the zone (azGiven: the request named availability_zone, maybe null). */
    public Aggregate update(int id, String name, boolean azGiven, String availabilityZone) {
        Aggregate a = get(id);
        if (azGiven) {
            checkZoneChange(a, availabilityZone, a.hosts(), Action.UPDATE, true);
        }
        if (name != null && !store.rename(id, name)) {
            throw new Conflict("Aggregate " + name + " already exists.");
        }
        if (azGiven) {
            Map<String, String> items = new LinkedHashMap<>();
            items.put(Aggregate.AZ_KEY, availabilityZone);
            store.updateMetadata(id, items);
        }
        return get(id);
    }

    /** Sets metadata items; null values delete keys. */
    public Aggregate setMetadata(int id, Map<String, String> items) {
        Aggregate a = get(id);
        if (items.containsKey(Aggregate.AZ_KEY)) {
            checkZoneChange(a, items.get(Aggregate.AZ_KEY), a.hosts(), Action.UPDATE_META, true);
        }
        store.updateMetadata(id, items);
        return get(id);
    }

    public void delete(int id) {
        Aggregate a = get(id);
        if (!a.hosts().isEmpty()) {
            throw new Invalid(Action.REMOVE.prefix + id + ". Reason: Host aggregate is not empty.");
        }
        store.delete(id);
    }

    /** 404 for an unknown host or aggregate, 409 for a host already there or a zone conflict. */
    public Aggregate addHost(int id, String host) {
        if (services.list(host, "nova-compute").isEmpty()) {
            throw new NotFound("Compute host " + host + " could not be found.");
        }
        Aggregate a = get(id);
        try {
            if (a.availabilityZone() != null) {
                checkZoneChange(a, a.availabilityZone(), List.of(host), Action.ADD, false);
            }
            String newZone = a.availabilityZone();
            int count = instanceCount(List.of(host));
            if (count > 0 && newZone != null) {
                String oldZone = zoneOf(host, -1);
                if (!newZone.equals(oldZone)) {
                    throw moveRefused(Action.ADD, id, oldZone, newZone, count);
                }
            }
        } catch (Invalid e) {
            throw new Conflict(e.getMessage());
        }
        if (!store.addHost(id, host)) {
            throw new Conflict("Aggregate " + id + " already has host " + host + ".");
        }
        return get(id);
    }

    /** Any missing piece is nova's single 404 message; a zone change for a host with instances is 409. */
    public Aggregate removeHost(int id, String host) {
        String notFound = "Cannot remove host " + host + " in aggregate " + id;
        if (services.list(host, null).isEmpty()) {
            throw new NotFound(notFound);
        }
        Aggregate a = store.get(id).orElseThrow(() -> new NotFound(notFound));
        int count = instanceCount(List.of(host));
        String current = a.availabilityZone();
        if (count > 0 && current != null) {
            String after = zoneOf(host, id);
            if (!current.equals(after)) {
                throw new Conflict(moveRefused(Action.REMOVE, id, current, after, count).getMessage());
            }
        }
        if (!store.removeHost(id, host)) {
            throw new NotFound(notFound);
        }
        return get(id);
    }

    /** The zone a host is in through aggregates other than {@code exceptId}, or null. */
    private String zoneOf(String host, int exceptId) {
        return store.byHost(host).stream().filter(a -> a.id() != exceptId).map(Aggregate::availabilityZone)
                .filter(z -> z != null).findFirst().orElse(null);
    }

    private static Invalid moveRefused(Action action, int id, String from, String to, int count) {
        return new Invalid(action.prefix + id + ". Reason: The host cannot be " + (action == Action.ADD ? "added to"
                : "removed from") + " the aggregate as the availability zone of the host would change from '"
                + pyStr(from) + "' to '" + pyStr(to) + "' but the host already has " + count + " instance(s). Changing "
                + "the AZ of an existing instance is not supported by this action. Move the instances away from this "
                + "host then try again. If you need to move the instances between AZs then you can use shelve_offload "
                + "and unshelve to achieve this..");
    }

    private static String pyStr(String s) {
        return s == null ? "None" : s;
    }

    /** nova's is_safe_to_update_az. */
    private void checkZoneChange(Aggregate a, String zone, Collection<String> hosts, Action action,
            boolean checkInstances) {
        if (zone == null || zone.isEmpty()) {
            throw new Invalid(action.prefix + a.id() + ". Reason: Aggregate " + a.name()
                    + " does not support empty named availability zone.");
        }
        Set<String> hostSet = new LinkedHashSet<>(hosts);
        List<String> conflicting = new ArrayList<>();
        for (Aggregate other : store.list()) {
            if (other.id() != a.id() && other.availabilityZone() != null && !other.availabilityZone().equals(zone)
                    && other.hosts().stream().anyMatch(hostSet::contains)) {
                conflicting.add(other.availabilityZone());
            }
        }
        if (!conflicting.isEmpty()) {
            throw new Invalid(action.prefix + a.id() + ". Reason: One or more hosts already in availability zone(s) "
                    + conflicting.stream().map(z -> "'" + z + "'").collect(Collectors.joining(", ", "[", "]")) + ".");
        }
        if (checkInstances && !zone.equals(a.availabilityZone()) && instanceCount(hosts) > 0) {
            throw new Invalid(action.prefix + a.id() + ". Reason: One or more hosts contain instances in this zone.");
        }
    }

    private int instanceCount(Collection<String> hosts) {
        int n = 0;
        for (String h : hosts) {
            n += instances.listBare(InstanceFilter.builder().host(h).build()).size();
        }
        return n;
    }

    /** Takes a host out of every aggregate (its compute service was deleted). */
    public void removeHostEverywhere(String host) {
        store.removeHostEverywhere(host);
    }
}
