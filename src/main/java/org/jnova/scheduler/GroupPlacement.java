package org.jnova.scheduler;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import org.jnova.objects.ServerGroup;

/**
 * Where a server group's live members are, and what its policy says about a host: nova's
 * ServerGroupAffinityFilter, ServerGroupAntiAffinityFilter (with 2.64's
 * {@code max_server_per_host}) and the ServerGroupSoftAffinityWeigher /
 * ServerGroupSoftAntiAffinityWeigher (member count on the host, negated for anti).
 */
final class GroupPlacement {
    static final String AFFINITY = "affinity";
    static final String ANTI_AFFINITY = "anti-affinity";
    static final String SOFT_AFFINITY = "soft-affinity";
    static final String SOFT_ANTI_AFFINITY = "soft-anti-affinity";

    private final ServerGroup group;
    /** Live members that have a host: uuid to host. */
    private final Map<String, String> memberHosts;

    GroupPlacement(ServerGroup group, Map<String, String> memberHosts) {
        this.group = requireNonNull(group, "group is null");
        this.memberHosts = Map.copyOf(memberHosts);
    }

    /** Whether the policy can refuse a host (affinity, anti-affinity); soft ones only weigh. */
    boolean isHard() {
        return AFFINITY.equals(group.policy()) || ANTI_AFFINITY.equals(group.policy());
    }

    boolean isSoft() {
        return SOFT_AFFINITY.equals(group.policy()) || SOFT_ANTI_AFFINITY.equals(group.policy());
    }

    /**
     * The filters for {@code instanceUuid} on {@code host}. Affinity: the hosts of the
     * members (the moving server's own included, as nova's group hosts) or any host when
     * there are none. Anti-affinity: fewer than max_server_per_host (default 1) members on the
     * host; the host the server itself is on passes (a resize to the same host).
     */
    boolean passes(String instanceUuid, String host) {
        if (AFFINITY.equals(group.policy())) {
            return memberHosts.isEmpty() || memberHosts.containsValue(host);
        }
        if (ANTI_AFFINITY.equals(group.policy())) {
            if (host.equals(memberHosts.get(instanceUuid))) {
                return true;
            }
            return membersOn(host) < maxServerPerHost();
        }
        return true;
    }

    /** The soft weigher's raw weight: members on the host, negated for soft-anti-affinity. */
    double softWeight(String host) {
        if (SOFT_AFFINITY.equals(group.policy())) {
            return membersOn(host);
        }
        if (SOFT_ANTI_AFFINITY.equals(group.policy())) {
            return -membersOn(host);
        }
        return 0;
    }

    String policy() {
        return group.policy();
    }

    ServerGroup group() {
        return group;
    }

    private long membersOn(String host) {
        return memberHosts.values().stream().filter(host::equals).count();
    }

    private int maxServerPerHost() {
        Object value = group.rules().get("max_server_per_host");
        if (value instanceof Number n) {
            return n.intValue();
        }
        return value == null ? 1 : Integer.parseInt(value.toString());
    }

    /** nova's weight normalisation: min-max to 0..1; all equal gives zeros. */
    static double[] normalize(List<Double> raw) {
        double min = raw.stream().mapToDouble(Double::doubleValue).min().orElse(0);
        double max = raw.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        double[] out = new double[raw.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = max == min ? 0 : (raw.get(i) - min) / (max - min);
        }
        return out;
    }
}
