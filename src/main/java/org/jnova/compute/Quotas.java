package org.jnova.compute;

import static java.util.Objects.requireNonNull;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jnova.conf.QuotaOpts;
import org.jnova.conf.cfg.ConfigOpts;
import org.jnova.conf.cfg.Opt;
import org.jnova.db.InstanceStore;
import org.jnova.db.KeyPairStore;
import org.jnova.db.QuotaStore;
import org.jnova.db.Transactions;
import org.jnova.db.Tx;
import org.jnova.objects.Flavor;

/**
 * Quota limits and usage, nova's DbQuotaDriver with counted usage: limits come from the
 * user's, then the project's, then the "default" class's rows, then [quota] options; usage
 * is counted from live rows. -1 is unlimited.
 */
public final class Quotas {
    /** Resource names in nova's order, with the option giving each default. */
    public static final Map<String, Opt<Integer>> RESOURCES = defaults();
    /**
     * nova's deprecated nova-network resources: no option, unlimited unless set, stored and
     * shown as given (the API hides them from 2.36 / 2.50) and never enforced.
     */
    public static final List<String> NETWORK_RESOURCES = List.of("fixed_ips", "floating_ips", "security_groups",
            "security_group_rules");

    private final ConfigOpts conf;
    private final QuotaStore quotas;
    private final InstanceStore instances;
    private final KeyPairStore keyPairs;
    private final Transactions apiDb;

    /** {@code apiDb} is the API database, where the quota rows live. */
    public Quotas(ConfigOpts conf, QuotaStore quotas, Transactions apiDb, InstanceStore instances,
            KeyPairStore keyPairs) {
        this.conf = requireNonNull(conf, "conf is null");
        this.quotas = requireNonNull(quotas, "quotas is null");
        this.apiDb = requireNonNull(apiDb, "apiDb is null");
        this.instances = requireNonNull(instances, "instances is null");
        this.keyPairs = requireNonNull(keyPairs, "keyPairs is null");
    }

    private static Map<String, Opt<Integer>> defaults() {
        Map<String, Opt<Integer>> m = new LinkedHashMap<>();
        m.put("instances", QuotaOpts.INSTANCES);
        m.put("cores", QuotaOpts.CORES);
        m.put("ram", QuotaOpts.RAM);
        m.put("metadata_items", QuotaOpts.METADATA_ITEMS);
        m.put("injected_files", QuotaOpts.INJECTED_FILES);
        m.put("injected_file_content_bytes", QuotaOpts.INJECTED_FILE_CONTENT_BYTES);
        m.put("injected_file_path_bytes", QuotaOpts.INJECTED_FILE_PATH_LENGTH);
        m.put("key_pairs", QuotaOpts.KEY_PAIRS);
        m.put("server_groups", QuotaOpts.SERVER_GROUPS);
        m.put("server_group_members", QuotaOpts.SERVER_GROUP_MEMBERS);
        return java.util.Collections.unmodifiableMap(m);
    }

    /** The default class's limits (os-quota-class-sets/default and os-quota-sets/defaults). */
    public Map<String, Integer> classLimits(String className) {
        return apiDb.read(tx -> classLimits(tx, className));
    }

    private Map<String, Integer> classLimits(Tx tx, String className) throws SQLException {
        Map<String, Integer> out = new LinkedHashMap<>();
        RESOURCES.forEach((name, opt) -> out.put(name, conf.get(opt)));
        NETWORK_RESOURCES.forEach(name -> out.put(name, -1));
        Map<String, Integer> stored = quotas.classLimits(tx, "default");
        stored.forEach((k, v) -> { if (out.containsKey(k)) out.put(k, v); });
        if (!"default".equals(className)) {
            quotas.classLimits(tx, className).forEach((k, v) -> { if (out.containsKey(k)) out.put(k, v); });
        }
        return out;
    }

    /** Effective limits of a project, or of a user in it when userId is not null. */
    public Map<String, Integer> limits(String projectId, String userId) {
        return apiDb.read(tx -> {
            Map<String, Integer> out = classLimits(tx, "default");
            quotas.projectLimits(tx, projectId).forEach((k, v) -> { if (out.containsKey(k)) out.put(k, v); });
            if (userId != null) {
                quotas.userLimits(tx, projectId, userId).forEach((k, v) -> { if (out.containsKey(k)) out.put(k, v); });
            }
            return out;
        });
    }

    /** Counted usage: instances, cores, ram of the project (or user); key_pairs of the user. */
    public Map<String, Long> usage(String projectId, String userId) {
        Map<String, Long> out = new LinkedHashMap<>();
        long[] used = instances.usage(projectId, userId);
        out.put("instances", used[0]);
        out.put("cores", used[1]);
        out.put("ram", used[2]);
        if (userId != null) {
            out.put("key_pairs", keyPairs.count(userId));
        }
        out.put("server_groups", 0L);
        return out;
    }

    /**
     * Raises TooManyInstances when {@code count} more instances of a flavor would pass the
     * project's or user's instances/cores/ram limits. With {@code tx} the count runs in the
     * caller's transaction on the main database, so check and insert are one unit there.
     */
    public void checkInstances(Tx tx, String projectId, String userId, int count, int vcpus, int ramMb)
            throws SQLException {
        checkInstances(tx, limits(projectId, null), limits(projectId, userId), projectId, userId, count, vcpus,
                ramMb);
    }

    /**
     * As above with limits read beforehand (they live in the API database; reading them
     * inside a main-database transaction would hold two connections at once).
     */
    public void checkInstances(Tx tx, Map<String, Integer> projectLimits, Map<String, Integer> userLimits,
            String projectId, String userId, int count, int vcpus, int ramMb) throws SQLException {
        long[] projectUsed = instances.usage(tx, projectId, null);
        long[] userUsed = instances.usage(tx, projectId, userId);
        check(projectLimits, projectUsed, count, vcpus, ramMb);
        check(userLimits, userUsed, count, vcpus, ramMb);
    }

    private static void check(Map<String, Integer> limits, long[] used, int count, int vcpus, int ramMb) {
        List<String> names = List.of("instances", "cores", "ram");
        long[] requested = {count, (long) count * vcpus, (long) count * ramMb};
        StringBuilder overs = new StringBuilder();
        StringBuilder req = new StringBuilder();
        StringBuilder usedText = new StringBuilder();
        StringBuilder allowed = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            int limit = limits.get(names.get(i));
            if (limit >= 0 && used[i] + requested[i] > limit) {
                String sep = overs.length() == 0 ? "" : ", ";
                overs.append(sep).append(names.get(i));
                req.append(sep).append(requested[i]);
                usedText.append(sep).append(used[i]);
                allowed.append(sep).append(limit);
            }
        }
        if (overs.length() > 0) {
            throw new ComputeErrors.TooManyInstances(overs.toString(), req.toString(), usedText.toString(),
                    allowed.toString());
        }
    }

    /**
     * nova's _check_quota_for_upsize: the cores and RAM {@code to} adds over {@code from}
     * (nothing when it adds none) must fit the project's and the user's limits. The message
     * is nova's TooManyInstances: the user's usage, and the limits of the side that was passed.
     */
    public void checkUpsize(String projectId, String userId, Flavor from, Flavor to) {
        long cores = Math.max(0, to.vcpus() - from.vcpus());
        long ram = Math.max(0, to.memoryMb() - from.memoryMb());
        if (cores == 0 && ram == 0) {
            return;
        }
        Map<String, Integer> projectLimits = limits(projectId, null);
        Map<String, Integer> userLimits = limits(projectId, userId);
        long[] projectUsed = instances.usage(projectId, null);
        long[] userUsed = instances.usage(projectId, userId);
        List<String> names = List.of("cores", "ram");
        long[] deltas = {cores, ram};
        List<Integer> overs = new ArrayList<>();
        boolean overUser = false;
        for (int i = 0; i < 2; i++) {
            if (deltas[i] == 0) {
                continue;
            }
            int projectLimit = projectLimits.get(names.get(i));
            int userLimit = userLimits.get(names.get(i));
            if (projectLimit >= 0 && projectLimit < projectUsed[i + 1] + deltas[i]) {
                overs.add(i);
            } else if (userLimit >= 0 && userLimit < userUsed[i + 1] + deltas[i]) {
                overs.add(i);
                overUser = true;
            }
        }
        if (overs.isEmpty()) {
            return;
        }
        Map<String, Integer> exceeded = overUser ? userLimits : projectLimits;
        List<String> overNames = new ArrayList<>();
        List<String> req = new ArrayList<>();
        List<String> used = new ArrayList<>();
        List<String> allowed = new ArrayList<>();
        for (int i : overs) {
            overNames.add(names.get(i));
            req.add(String.valueOf(deltas[i]));
            used.add(String.valueOf(userUsed[i + 1]));
            allowed.add(String.valueOf(exceeded.get(names.get(i))));
        }
        throw new ComputeErrors.TooManyInstances(String.join(", ", overNames), String.join(", ", req),
                String.join(", ", used), String.join(", ", allowed));
    }

    /** Key pairs count toward the user's key_pairs limit. */
    public void checkKeyPairs(Tx tx, int limit, String userId) throws SQLException {
        if (limit >= 0 && keyPairs.count(tx, userId) + 1 > limit) {
            throw new org.jnova.exception.OverQuota("Quota exceeded, too many key pairs.");
        }
    }

    /** The range a new limit may take (nova's settable quotas); -1 is unlimited. */
    public record Settable(long minimum, long maximum) {
    }

    /**
     * nova's get_settable_quotas: for a project, at least its usage and what its users were
     * given; for a user, at least the user's usage and at most what the project has left
     * plus the user's current limit.
     */
    public Map<String, Settable> settable(String projectId, String userId) {
        Map<String, Integer> projectLimits = limits(projectId, null);
        Map<String, Integer> userSums = quotas.userLimitSums(projectId);
        Map<String, Long> used = usage(projectId, userId);
        Map<String, Integer> userSet = userId == null ? Map.of()
                : quotas.userLimits(projectId, userId);
        Map<String, Settable> out = new LinkedHashMap<>();
        for (String name : projectLimits.keySet()) {
            int limit = projectLimits.get(name);
            long given = userSums.getOrDefault(name, 0);
            long remains = limit - given;
            long inUse = used.getOrDefault(name, 0L);
            if (userId == null) {
                long handedOut = limit <= -1 || remains <= -1 ? -1 : limit - remains;
                out.put(name, new Settable(Math.max(handedOut, inUse), -1));
            } else {
                long current = userSet.getOrDefault(name, 0);
                long maximum = remains <= -1 || current <= -1 ? -1 : remains + current;
                out.put(name, new Settable(inUse, maximum));
            }
        }
        return out;
    }

    /** Sets limits of a project (userId null) or user. Unknown resource names are refused. */
    public void set(String projectId, String userId, Map<String, Integer> limits) {
        apiDb.inTransaction(tx -> {
            for (Map.Entry<String, Integer> e : limits.entrySet()) {
                if (!isResource(e.getKey())) {
                    throw new org.jnova.exception.Invalid("Bad key(s) " + e.getKey() + " in quota_set");
                }
                if (userId == null) {
                    quotas.setProjectLimit(tx, projectId, e.getKey(), e.getValue());
                } else {
                    quotas.setUserLimit(tx, projectId, userId, e.getKey(), e.getValue());
                }
            }
            return null;
        });
    }

    public void setClass(String className, Map<String, Integer> limits) {
        apiDb.inTransaction(tx -> {
            for (Map.Entry<String, Integer> e : limits.entrySet()) {
                if (isResource(e.getKey())) {
                    quotas.setClassLimit(tx, className, e.getKey(), e.getValue());
                }
            }
            return null;
        });
    }

    private static boolean isResource(String name) {
        return RESOURCES.containsKey(name) || NETWORK_RESOURCES.contains(name);
    }

    /** Back to defaults (DELETE os-quota-sets). */
    public void reset(String projectId, String userId) {
        apiDb.inTransaction(tx -> {
            if (userId == null) {
                quotas.deleteProject(tx, projectId);
            } else {
                quotas.deleteUser(tx, projectId, userId);
            }
            return null;
        });
    }
}
