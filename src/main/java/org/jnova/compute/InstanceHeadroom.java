package org.jnova.compute;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * nova's check_num_instances_quota, computed rather than searched: how many of
 * {@code min..max} servers of a flavor the instances, cores and ram limits allow, in a few
 * steps whatever {@code max} is. The project's limits are checked before the user's; over
 * one of them, the headroom of that level gives the count allowed, which is checked again
 * at both levels. As in nova, an unlimited cores or ram limit follows the instances headroom,
 * and an unlimited instances limit with a cores or ram limit exceeded allows nothing.
 */
final class InstanceHeadroom {
    private static final String[] RESOURCES = {"instances", "cores", "ram"};

    /** One level's limits (-1: unlimited) and usage, in the order instances, cores, ram. */
    record Level(Map<String, Integer> limits, long[] used) {
        long limit(int resource) {
            return limits.get(RESOURCES[resource]);
        }
    }

    private InstanceHeadroom() {
    }

    /**
     * The number of servers to create, {@code min <= n <= max}; TooManyInstances with nova's
     * message ("Quota exceeded for cores, instances: Requested ...") when fewer than
     * {@code min} fit.
     */
    static long allowed(List<Level> levels, long min, long max, int vcpus, int ramMb) {
        long count = max;
        while (true) {
            Level over = null;
            List<Integer> overs = List.of();
            for (Level level : levels) {
                overs = overs(level, count, vcpus, ramMb);
                if (!overs.isEmpty()) {
                    over = level;
                    break;
                }
            }
            if (over == null) {
                return count;
            }
            long allowed = headroomCount(over, count, vcpus, ramMb);
            if (allowed <= 0 || allowed < min || allowed > count) {
                throw tooMany(over, overs, min, count, vcpus, ramMb);
            }
            count = allowed;
        }
    }

    /** Resource indexes over their limit with {@code count} more servers, sorted by name as nova does. */
    private static List<Integer> overs(Level level, long count, int vcpus, int ramMb) {
        List<Integer> out = new ArrayList<>();
        BigInteger[] requested = requested(count, vcpus, ramMb);
        for (int r : new int[] {1, 0, 2}) { // cores, instances, ram
            long limit = level.limit(r);
            if (limit >= 0 && BigInteger.valueOf(level.used()[r]).add(requested[r])
                    .compareTo(BigInteger.valueOf(limit)) > 0) {
                out.add(r);
            }
        }
        return out;
    }

    /** nova's get_headroom and the allowed count it derives. */
    private static long headroomCount(Level level, long count, int vcpus, int ramMb) {
        long instances = level.limit(0) - level.used()[0];
        long cores = level.limit(1) == -1 ? instances * vcpus : level.limit(1) - level.used()[1];
        long ram = level.limit(2) == -1 ? instances * ramMb : level.limit(2) - level.used()[2];
        long allowed = instances;
        if (vcpus > 0) {
            allowed = Math.min(allowed, Math.floorDiv(cores, vcpus));
        }
        if (ramMb > 0) {
            allowed = Math.min(allowed, Math.floorDiv(ram, ramMb));
        }
        return allowed;
    }

    private static ComputeErrors.TooManyInstances tooMany(Level level, List<Integer> overs, long min, long max,
            int vcpus, int ramMb) {
        BigInteger[] requested = requested(max, vcpus, ramMb);
        List<String> names = new ArrayList<>();
        List<String> req = new ArrayList<>();
        List<String> used = new ArrayList<>();
        List<String> allowed = new ArrayList<>();
        for (int r : overs) {
            names.add(RESOURCES[r]);
            req.add(r == 0 && min != max ? min + "-" + max : requested[r].toString());
            used.add(String.valueOf(level.used()[r]));
            allowed.add(String.valueOf(level.limit(r)));
        }
        return new ComputeErrors.TooManyInstances(String.join(", ", names), String.join(", ", req),
                String.join(", ", used), String.join(", ", allowed));
    }

    /**
     * nova's quota recheck failure, for when the room seen at first was taken by the time the
     * servers were written and is back again by the time the request gives up: the first
     * limited resource, "already used" its whole limit.
     */
    static ComputeErrors.TooManyInstances recheckFailed(Map<String, Integer> limits, long max, int vcpus,
            int ramMb) {
        BigInteger[] requested = requested(max, vcpus, ramMb);
        for (int r : new int[] {1, 0, 2}) {
            int limit = limits.get(RESOURCES[r]);
            if (limit >= 0) {
                return new ComputeErrors.TooManyInstances(RESOURCES[r], requested[r].toString(),
                        String.valueOf(limit), String.valueOf(limit));
            }
        }
        return new ComputeErrors.TooManyInstances("instances", requested[0].toString(), "0", "0");
    }

    private static BigInteger[] requested(long count, int vcpus, int ramMb) {
        BigInteger n = BigInteger.valueOf(count);
        return new BigInteger[] {n, n.multiply(BigInteger.valueOf(vcpus)), n.multiply(BigInteger.valueOf(ramMb))};
    }
}
