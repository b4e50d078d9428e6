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
import org.jnova.db.InstanceStore;
import org.jnova.db.ServiceStore;
import org.jnova.db.Transactions;
import org.jnova.objects.ComputeNode;
import org.jnova.objects.Instance;
import org.jnova.objects.Service;

/**
 * Picks a compute node for an instance and claims the flavor's resources on it. Filters:
 * the node's nova-compute service is up and enabled, it runs fewer than
 * [filter_scheduler] max_instances_per_host instances, it is in the requested availability
 * zone (a host's zone is its aggregate's, else [DEFAULT] default_availability_zone; read
 * from the database for each placement),
 * the server group's affinity / anti-affinity policy (see {@link GroupPlacement}), the claim
 * fits. Weighers as nova's, each normalised to 0..1 and multiplied: free RAM
 * (ram_weight_multiplier) and the soft group policies (soft_(anti_)affinity_weight_multiplier).
 * The claim and the instance's host/node are written in one transaction with a conditional
 * UPDATE, so concurrent schedulers never oversubscribe a node; a lost race moves on to the
 * next node.
 *
 * <p>Race safety of hard group policies (nova re-checks on the compute host and
 * reschedules): the claim transaction first takes the group's lock row (see
 * {@link #lockGroup}), then re-reads the members and their hosts and re-applies the
 * filter before claiming. Two schedulers placing members of one group are thereby
 * serialized, and the second sees where the first put its server.
 */
public final class Scheduler {
    private final ComputeNodeStore nodes;
    private final ServiceStore services;
    private final InstanceStore instances;
    private final Transactions mainDb;
    private final Settings settings;
    private final org.jnova.db.ServerGroupStore groups;
    private final Weights weights;
    /** host -> zone of the aggregate it is in (hosts in none are in the default zone). */
    private final java.util.function.Supplier<Map<String, String>> hostZones;

    /** Reserved host resources, zone and service liveness. */
    public record Settings(String defaultAvailabilityZone, Duration serviceDownTime, int reservedHostMemoryMb,
            int reservedHostDiskMb, int reservedHostCpus, int maxInstancesPerHost) {
    }

    /** The weighers' multipliers ([filter_scheduler] *_weight_multiplier). */
    public record Weights(double ram, double softAffinity, double softAntiAffinity) {
        public static final Weights DEFAULT = new Weights(1.0, 1.0, 1.0);
    }

    /** Where an instance was placed. */
    public record Selection(String host, String nodename, int nodeId) {
    }

    /** A scheduler that ignores server groups. */
    public Scheduler(ComputeNodeStore nodes, ServiceStore services, InstanceStore instances, Transactions mainDb,
            Settings settings) {
        this(nodes, services, instances, mainDb, null, settings, Weights.DEFAULT, Map::of);
    }

    /**
     * {@code mainDb} runs the claim transactions on the instances' database; {@code groups}
     * (nullable: no group policies) is where server groups and their members live.
     */
    public Scheduler(ComputeNodeStore nodes, ServiceStore services, InstanceStore instances, Transactions mainDb,
            org.jnova.db.ServerGroupStore groups, Settings settings, Weights weights,
            java.util.function.Supplier<Map<String, String>> hostZones) {
        this.hostZones = requireNonNull(hostZones, "hostZones is null");
        this.groups = groups;
        this.weights = requireNonNull(weights, "weights is null");
        this.nodes = requireNonNull(nodes, "nodes is null");
        this.services = requireNonNull(services, "services is null");
        this.instances = requireNonNull(instances, "instances is null");
        this.mainDb = requireNonNull(mainDb, "mainDb is null");
        this.settings = requireNonNull(settings, "settings is null");
    }

    /**
     * The zone the instance is kept in: the one it was booted into (nova's request spec), or for
     * an instance without that record and not yet placed, its own zone.
     */
    private static String requestedZone(Instance instance) {
        String pinned = instance.systemMetadata().get(Instance.PINNED_ZONE_KEY);
        return pinned != null || instance.host() != null ? pinned : instance.availabilityZone();
    }

    private String zoneOf(Map<String, String> zones, String host) {
        return zones.getOrDefault(host, settings.defaultAvailabilityZone());
    }

    /** Places the instance and records host/node on it; empty means no valid host. */
    public Optional<Selection> selectAndClaim(Instance instance) {
        return selectAndClaim(instance, instance.flavor(), java.util.Set.of(), null);
    }

    /**
     * Places the instance with {@code flavor} on a host other than {@code excludedHosts}
     * (resize/migrate away from the source), only on {@code requiredHost} when not null
     * (unshelve 2.91, live migration to a host); records host/node on it.
     */
    public Optional<Selection> selectAndClaim(Instance instance, org.jnova.objects.Flavor flavor,
            java.util.Set<String> excludedHosts, String requiredHost) {
        return selectAndClaim(instance, flavor, excludedHosts, requiredHost, true);
    }

    /**
     * As {@link #selectAndClaim(Instance, org.jnova.objects.Flavor, java.util.Set, String)};
     * {@code recordHost} false only claims the node and leaves the instance where it is, for
     * moves whose destination host takes the instance when it is there (live migration,
     * evacuation).
     */
    public Optional<Selection> selectAndClaim(Instance instance, org.jnova.objects.Flavor flavor,
            java.util.Set<String> excludedHosts, String requiredHost, boolean recordHost) {
        return selectAndClaim(instance, flavor, excludedHosts, requiredHost, recordHost, (tx, selection) -> { });
    }

    /** What else commits with a claim: the cast that sends the server to the claimed host. */
    @FunctionalInterface
    public interface OnClaim {
        void claimed(org.jnova.db.Tx tx, Selection selection) throws java.sql.SQLException;
    }

    /** As above; {@code onClaim} runs in the claim's transaction. */
    public Optional<Selection> selectAndClaim(Instance instance, org.jnova.objects.Flavor flavor,
            java.util.Set<String> excludedHosts, String requiredHost, boolean recordHost, OnClaim onClaim) {
        String zone = requestedZone(instance);
        Map<String, String> zones = hostZones.get();
        Map<Integer, Service> up = services.list(null, "nova-compute").stream()
                .filter(s -> isUp(s) && !s.disabled())
                .collect(Collectors.toMap(Service::id, s -> s));
        Optional<GroupPlacement> group = groupOf(instance);
        List<ComputeNode> candidates = weigh(nodes.list().stream()
                .filter(n -> up.containsKey(n.serviceId()))
                .filter(n -> !excludedHosts.contains(n.host()))
                .filter(n -> requiredHost == null || requiredHost.equals(n.host()))
                .filter(n -> zone == null || zone.equals(zoneOf(zones, n.host())))
                .filter(n -> group.map(g -> g.passes(instance.uuid(), n.host())).orElse(true))
                .toList(), group);
        var f = flavor;
        int disk = f.diskGb();
        boolean unplaced = instance.host() == null;
        for (ComputeNode node : candidates) {
            Claim claim;
            try {
                claim = mainDb.inTransaction(tx -> {
                    if (group.isPresent() && group.get().isHard() && !stillPasses(tx, group.get(), instance, node)) {
                        return Claim.NODE_REFUSED;
                    }
                    if (recordHost) {
                        // Written before the node claim and, for an instance read without a host, only
                        // while it still has none: a second scheduler placing the same instance (a
                        // redelivered or recovered build) claims nothing.
                        org.jnova.db.InstanceUpdate placement = new org.jnova.db.InstanceUpdate().host(node.host())
                                .node(node.hypervisorHostname()).launchedOn(node.host())
                                .availabilityZone(zoneOf(zones, node.host()));
                        if (!instances.update(tx, instance.uuid(), unplaced ? placement.expectNoHost() : placement)) {
                            return Claim.INSTANCE_TAKEN;
                        }
                    }
                    if (!nodes.claim(tx, node.id(), f.vcpus(), f.memoryMb(), disk, settings.reservedHostMemoryMb(),
                            (settings.reservedHostDiskMb() + 1023) / 1024, settings.reservedHostCpus(),
                            settings.maxInstancesPerHost())) {
                        throw new NodeFull(); // undoes the placement written above
                    }
                    onClaim.claimed(tx, new Selection(node.host(), node.hypervisorHostname(), node.id()));
                    return Claim.CLAIMED;
                });
            } catch (NodeFull e) {
                claim = Claim.NODE_REFUSED;
            }
            if (claim == Claim.CLAIMED) {
                return Optional.of(new Selection(node.host(), node.hypervisorHostname(), node.id()));
            }
            if (claim == Claim.INSTANCE_TAKEN) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private enum Claim { CLAIMED, NODE_REFUSED, INSTANCE_TAKEN }

    private static final class NodeFull extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NodeFull() {
            super(null, null, false, false);
        }
    }

    /** The instance's server group with its members' hosts, when it is in one with a known policy. */
    private Optional<GroupPlacement> groupOf(Instance instance) {
        if (groups == null) {
            return Optional.empty();
        }
        return groups.forInstance(instance.uuid()).map(g -> new GroupPlacement(g,
                instances.hostsOf(g.members())))
                .filter(g -> g.isHard() || g.isSoft());
    }

    /**
     * The late check, in the claim transaction: with the group's lock held, the members
     * (read in this transaction when the API tables share the main database, else as read
     * before it) and their hosts are read again and the filter re-applied.
     */
    private boolean stillPasses(org.jnova.db.Tx tx, GroupPlacement group, Instance instance, ComputeNode node)
            throws java.sql.SQLException {
        lockGroup(tx, group.group().uuid());
        java.util.Collection<String> members = groups.livesIn(mainDb)
                ? groups.members(tx, group.group().uuid()) : group.group().members();
        return new GroupPlacement(group.group(), instances.hostsOf(tx, members))
                .passes(instance.uuid(), node.host());
    }

    /**
     * Serializes the placement of a group's members across schedulers and processes: a row
     * in {@code project_locks} (which serializes a project's quota-checked changes) keyed
     * by the group, held until the claim transaction ends.
     */
    static void lockGroup(org.jnova.db.Tx tx, String groupUuid) throws java.sql.SQLException {
        org.jnova.db.ProjectLock.lock(tx, "instance_group:" + groupUuid);
    }

    /** Sorts by nova's weighers: free RAM and, for soft policies, the group's member count. */
    private List<ComputeNode> weigh(List<ComputeNode> hosts, Optional<GroupPlacement> group) {
        List<Double> ram = hosts.stream().map(n -> n.memoryMb() * n.ramAllocationRatio() - n.memoryMbUsed()).toList();
        double[] ramWeights = GroupPlacement.normalize(ram);
        double[] soft = GroupPlacement.normalize(hosts.stream()
                .map(n -> group.map(g -> g.softWeight(n.host())).orElse(0.0)).toList());
        double softMultiplier = group.map(g -> GroupPlacement.SOFT_AFFINITY.equals(g.policy())
                ? weights.softAffinity() : weights.softAntiAffinity()).orElse(0.0);
        Map<ComputeNode, Double> total = new java.util.IdentityHashMap<>();
        for (int i = 0; i < hosts.size(); i++) {
            total.put(hosts.get(i), weights.ram() * ramWeights[i] + softMultiplier * soft[i]);
        }
        // ties: most free RAM first, as before weighers were combined
        return hosts.stream().sorted(Comparator.comparingDouble((ComputeNode n) -> total.get(n))
                .thenComparingDouble(n -> n.memoryMb() * n.ramAllocationRatio() - n.memoryMbUsed())
                .reversed()).toList();
    }

    /** nova's servicegroup DB driver: up when seen within service_down_time and not forced down. */
    public boolean isUp(Service s) {
        Instant seen = s.lastSeenUp() != null ? s.lastSeenUp() : s.updatedAt() != null ? s.updatedAt() : s.createdAt();
        return !s.forcedDown() && seen != null
                && Duration.between(seen, Instant.now()).compareTo(settings.serviceDownTime()) <= 0;
    }
}
