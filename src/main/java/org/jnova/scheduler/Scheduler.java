package org.jnova.scheduler;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jnova.db.ComputeNodeStore;
import org.jnova.db.Database;
import org.jnova.db.InstanceStore;
import org.jnova.db.ServiceStore;
import org.jnova.objects.ComputeNode;
import org.jnova.objects.Instance;
import org.jnova.objects.Service;

/**
 * Picks a compute node for an instance and claims the flavor's resources on it. Filters:
 * the node's nova-compute service is up and enabled, it runs fewer than
 * [filter_scheduler] max_instances_per_host instances, it is in the requested availability
 * zone (every compute host is in [DEFAULT] default_availability_zone; no aggregates yet),
 * the claim fits. Weigher: most free RAM first. The claim and the instance's host/node
 * are written in one transaction with a conditional UPDATE, so concurrent schedulers never
 * oversubscribe a node; a lost race moves on to the next node.
 */
public final class Scheduler {
    private final ComputeNodeStore nodes;
    private final ServiceStore services;
    private final InstanceStore instances;
    private final Settings settings;

    /** Reserved host resources, zone and service liveness. */
    public record Settings(String defaultAvailabilityZone, Duration serviceDownTime, int reservedHostMemoryMb,
            int reservedHostDiskMb, int reservedHostCpus, int maxInstancesPerHost) {
    }

    /** Where an instance was placed. */
    public record Selection(String host, String nodename, int nodeId) {
    }

    public Scheduler(ComputeNodeStore nodes, ServiceStore services, InstanceStore instances, Settings settings) {
        this.nodes = requireNonNull(nodes, "nodes is null");
        this.services = requireNonNull(services, "services is null");
        this.instances = requireNonNull(instances, "instances is null");
        this.settings = requireNonNull(settings, "settings is null");
    }

    /** Places the instance and records host/node on it; empty means no valid host. */
    public Optional<Selection> selectAndClaim(Instance instance) {
        String zone = instance.availabilityZone();
        if (zone != null && !zone.equals(settings.defaultAvailabilityZone())) {
            return Optional.empty();
        }
        Map<Integer, Service> up = services.list(null, "nova-compute").stream()
                .filter(s -> isUp(s) && !s.disabled())
                .collect(Collectors.toMap(Service::id, s -> s));
        List<ComputeNode> candidates = nodes.list().stream()
                .filter(n -> up.containsKey(n.serviceId()))
                .sorted(Comparator.comparingDouble((ComputeNode n) ->
                        n.memoryMb() * n.ramAllocationRatio() - n.memoryMbUsed()).reversed())
                .toList();
        var f = instance.flavor();
        int disk = f.rootGb() + f.ephemeralGb() + (f.swap() + 1023) / 1024;
        Database db = instances.database();
        for (ComputeNode node : candidates) {
            boolean claimed = db.inTransaction(tx -> {
                if (!nodes.claim(tx, node.id(), f.vcpus(), f.memoryMb(), disk, settings.reservedHostMemoryMb(),
                        (settings.reservedHostDiskMb() + 1023) / 1024, settings.reservedHostCpus(),
                        settings.maxInstancesPerHost())) {
                    return false;
                }
                instances.update(tx, instance.uuid(), Map.of("host", node.host(), "node",
                        node.hypervisorHostname(), "launched_on", node.host(), "availability_zone",
                        settings.defaultAvailabilityZone()), null);
                return true;
            });
            if (claimed) {
                return Optional.of(new Selection(node.host(), node.hypervisorHostname(), node.id()));
            }
        }
        return Optional.empty();
    }

    /** nova's servicegroup DB driver: up when seen within service_down_time and not forced down. */
    public boolean isUp(Service s) {
        Instant seen = s.lastSeenUp() != null ? s.lastSeenUp() : s.updatedAt() != null ? s.updatedAt() : s.createdAt();
        return !s.forcedDown() && seen != null
                && Duration.between(seen, Instant.now()).compareTo(settings.serviceDownTime()) <= 0;
    }
}
