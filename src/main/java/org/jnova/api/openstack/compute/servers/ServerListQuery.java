package org.jnova.api.openstack.compute.servers;

import com.google.re2j.Pattern;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.jnova.api.openstack.ApiRequest;
import org.jnova.api.openstack.QueryValues;
import org.jnova.compute.ServerStatus;
import org.jnova.objects.InstanceFilter;
import org.jnova.objects.SortKey;
import org.jnova.exception.Forbidden;
import org.jnova.exception.Invalid;
import org.jnova.objects.Instance;
import org.jnova.utils.BoolFromString;
import org.jnova.utils.IsoTimes;

/**
 * GET /servers query parameters as nova reads them: which filters a caller may use at the
 * request's microversion, status to vm/task states, all_tenants, changes-since/before,
 * tags, sort keys and directions, limit and marker. What the database cannot match (name
 * and ip regular expressions) becomes a {@link #postFilter()}: the caller's patterns run on
 * RE2/J, in time linear in the text whatever the pattern, with the semantics of nova's
 * Python re.search for ordinary patterns.
 */
final class ServerListQuery {
    private static final Set<String> IGNORED_SORT_KEYS = Set.of("architecture", "cell_name", "cleaned",
            "default_ephemeral_device", "default_swap_device", "deleted", "deleted_at", "disable_terminate",
            "ephemeral_gb", "ephemeral_key_uuid", "id", "key_data", "launched_on", "locked", "memory_mb", "os_type",
            "reservation_id", "root_gb", "shutdown_terminate", "user_data", "vcpus", "vm_mode");
    private static final Map<String, String> SORT_ALIASES = Map.of("display_name", "display_name",
            "display_description", "display_description", "access_ip_v4", "access_ip_v4");
    private static final Set<String> SORTABLE = Set.of("created_at", "updated_at", "display_name", "uuid",
            "vm_state", "task_state", "power_state", "host", "node", "launched_at", "terminated_at", "hostname",
            "availability_zone", "key_name", "project_id", "user_id", "launch_index", "locked");
    private static final List<String> USER_FILTERS = List.of("reservation_id", "name", "status", "image", "flavor",
            "ip", "changes-since", "all_tenants");

    /** Filters nova matches as regular expressions on a column, applied to the listed instances. */
    private static final Map<String, java.util.function.Function<Instance, Object>> REGEX_FILTERS = Map.of(
            "key_name", Instance::keyName, "power_state", Instance::powerState, "config_drive", Instance::configDrive,
            "progress", Instance::progress, "hostname", Instance::hostname, "description",
            Instance::displayDescription, "launched_at", i -> i.launchedAt(), "terminated_at", i -> i.terminatedAt(),
            "created_at", i -> i.createdAt(), "access_ip_v4", Instance::accessIpV4);

    final InstanceFilter filter;
    final List<SortKey> sort;
    final int limit;
    final String marker;
    /** true when the status filter names no state at all: the answer is an empty list. */
    final boolean nothing;
    private final List<Predicate<Instance>> post = new ArrayList<>();
    /** An ip or ip6 filter: the post filter reads the servers' ports. */
    private boolean readsPorts;

    ServerListQuery(ApiRequest req, int maxLimit, boolean detail) {
        boolean admin = req.context().isAdmin();
        boolean allFilters = ServerPolicies.can(req, ServerPolicies.ALL_FILTERS, Map.of());
        List<String> allowed = new ArrayList<>(USER_FILTERS);
        if (req.isSupported("2.5")) {
            allowed.add("ip6");
        }
        if (req.isSupported("2.26")) {
            allowed.addAll(List.of("tags", "tags-any", "not-tags", "not-tags-any"));
        }
        if (req.isSupported("2.66")) {
            allowed.add("changes-before");
        }
        if (req.isSupported("2.73")) {
            allowed.add("locked");
        }
        if (req.isSupported("2.83")) {
            allowed.addAll(List.of("availability_zone", "config_drive", "key_name", "created_at", "launched_at",
                    "terminated_at", "power_state", "task_state", "vm_state", "progress", "user_id"));
        }
        if (req.isSupported("2.90")) {
            allowed.add("hostname");
        }
        Predicate<String> usable = name -> allFilters || allowed.contains(name);
        InstanceFilter.Builder b = InstanceFilter.builder();
        boolean nothingMatches = false;

        String allTenants = value(req, "all_tenants", usable);
        boolean allProjects = false;
        if (allTenants != null) {
            allProjects = allTenants.isEmpty() || strictBool(allTenants, "all_tenants");
            if (allProjects) {
                String rule = detail ? "os_compute_api:servers:detail:get_all_tenants" : ServerPolicies.ALL_TENANTS;
                req.authorize(rule, Map.of("project_id", req.context().requireProjectId()));
            }
        }
        b.projectId(allProjects ? first(req, "project_id", "tenant_id") : req.context().requireProjectId());
        if (admin || allFilters) {
            b.userId(value(req, "user_id", usable)).host(value(req, "host", usable))
                    .node(value(req, "node", usable)).availabilityZone(value(req, "availability_zone", usable));
        } else if (req.isSupported("2.83")) {
            b.userId(value(req, "user_id", usable)).availabilityZone(value(req, "availability_zone", usable));
        }
        b.reservationId(value(req, "reservation_id", usable));
        String image = value(req, "image", usable);
        b.imageRef(image == null ? value(req, "image_ref", n -> allFilters) : ServerCreateParser.idFromHref(image));
        String flavor = value(req, "flavor", usable);
        b.flavorId(flavor == null ? null : ServerCreateParser.idFromHref(flavor));

        List<String> statuses = req.queryParams().get("status");
        if (statuses != null && !admin && statuses.stream().anyMatch(st -> st.equalsIgnoreCase("deleted"))) {
            throw new Forbidden("Only administrators may list deleted instances");
        }
        if (statuses != null) {
            ServerStatus.Filter states = ServerStatus.filterFor(statuses);
            if (states.vmStates().isEmpty()) {
                nothingMatches = true;
            } else {
                b.vmStates(List.copyOf(states.vmStates()));
                if (states.filtersTaskState()) {
                    b.taskStates(List.copyOf(states.taskStates()));
                }
            }
            if (states.vmStates().contains("deleted") || states.vmStates().contains("soft-delete")) {
                b.deleted(null);
            }
        }
        String deleted = admin ? value(req, "deleted", usable) : null;
        if (deleted != null) {
            b.deleted(ServerCreateParser.truthy(new com.fasterxml.jackson.databind.node.TextNode(deleted)));
        }
        Instant since = time(value(req, "changes-since", usable), "changes-since");
        Instant before = req.isSupported("2.66") ? time(value(req, "changes-before", usable), "changes-before") : null;
        if (since != null && before != null && since.isAfter(before)) {
            throw new Invalid("The value of changes-since must be less than or equal to changes-before.");
        }
        if (since != null || before != null) {
            b.changesSince(since).changesBefore(before);
            if (deleted == null) {
                b.deleted(null);
            }
        }
        if (req.isSupported("2.26")) {
            b.tags(list(value(req, "tags", usable))).tagsAny(list(value(req, "tags-any", usable)))
                    .notTags(list(value(req, "not-tags", usable))).notTagsAny(list(value(req, "not-tags-any", usable)));
        }
        String locked = req.isSupported("2.73") ? value(req, "locked", usable) : null;
        if (locked != null) {
            b.locked(strictBool(locked, "locked"));
        }
        String vmState = value(req, "vm_state", usable);
        if (vmState != null && statuses == null) {
            b.vmStates(req.queryParams().get("vm_state"));
        }
        String taskState = value(req, "task_state", usable);
        if (taskState != null && (statuses == null || !ServerStatus.filterFor(statuses).filtersTaskState())) {
            b.taskStates(req.queryParams().get("task_state"));
        }
        REGEX_FILTERS.forEach((param, field) -> {
            String wanted = value(req, param, usable);
            if (wanted != null) {
                Pattern p = regex(wanted);
                post.add(i -> {
                    Object v = field.apply(i);
                    return v != null && p.matcher(String.valueOf(v)).find();
                });
            }
        });
        nameFilter(b, value(req, "name", usable) != null ? value(req, "name", usable)
                : value(req, "display_name", n -> allFilters));
        ipFilter(value(req, "ip", usable), 4);
        ipFilter(req.isSupported("2.5") || allFilters ? value(req, "ip6", usable) : null, 6);
        this.filter = b.build();
        this.nothing = nothingMatches;
        this.sort = sortKeys(req);
        this.limit = QueryValues.limit(req, maxLimit);
        this.marker = QueryValues.last(req, "marker").orElse(null);
    }

    Predicate<Instance> postFilter() {
        return post.stream().reduce(i -> true, Predicate::and);
    }

    boolean hasPostFilter() {
        return !post.isEmpty();
    }

    /** Whether the post filter needs the servers' ports (else it reads only their own columns). */
    boolean postFilterReadsPorts() {
        return readsPorts;
    }

    private void nameFilter(InstanceFilter.Builder b, String name) {
        if (name == null) {
            return;
        }
        if (name.matches("[A-Za-z0-9 _\\-]*")) {
            // the database's substring match narrows the rows (it may ignore case or read "_" as a
            // wildcard); the case-sensitive regular expression below decides, as nova-ref does
            b.name(name);
        }
        Pattern p = regex(name);
        post.add(i -> i.displayName() != null && p.matcher(i.displayName()).find());
    }

    private void ipFilter(String ip, int version) {
        if (ip == null) {
            return;
        }
        Pattern p = regex(ip);
        readsPorts = true;
        post.add(i -> i.interfaces().stream().anyMatch(v -> v.fixedIp() != null && v.ipVersion() == version
                && p.matcher(v.fixedIp()).find()));
    }

    /** The caller's pattern for re.search, on RE2/J (linear in the text whatever the pattern). */
    private static Pattern regex(String text) {
        return org.jnova.utils.PythonRegex.searcher(text);
    }

    private static List<SortKey> sortKeys(ApiRequest req) {
        List<String> keys = req.queryParams().getOrDefault("sort_key", List.of());
        List<String> dirs = req.queryParams().getOrDefault("sort_dir", List.of());
        for (String dir : dirs) {
            if (!dir.equals("asc") && !dir.equals("desc")) {
                throw new Invalid("Invalid input received: Unknown sort direction, must be 'desc' or 'asc'");
            }
        }
        if (!keys.isEmpty() && !dirs.isEmpty() && dirs.size() != keys.size() && dirs.size() > keys.size()) {
            throw new Invalid("Invalid input received: Sort direction size exceeds sort key size");
        }
        List<SortKey> out = new ArrayList<>();
        for (int k = 0; k < keys.size(); k++) {
            String key = SORT_ALIASES.getOrDefault(keys.get(k), keys.get(k));
            boolean lockedIgnored = key.equals("locked") && !req.isSupported("2.73");
            if ((IGNORED_SORT_KEYS.contains(key) && !key.equals("locked")) || lockedIgnored
                    || !SORTABLE.contains(key)) {
                continue;
            }
            String dir = k < dirs.size() ? dirs.get(k) : dirs.isEmpty() ? "desc" : dirs.get(dirs.size() - 1);
            out.add(new SortKey(key, dir.equals("asc")));
        }
        return out;
    }

    private static boolean strictBool(String value, String name) {
        return BoolFromString.parseStrict(value).orElseThrow(() -> new Invalid("Unrecognized value '" + value
                + "', acceptable values are: '0', '1', 'f', 'false', 'n', 'no', 'off', 'on', 't', 'true', 'y', 'yes'"));
    }

    private static Instant time(String value, String name) {
        if (value == null) {
            return null;
        }
        return IsoTimes.parseIsoOrSpaced(value)
                .orElseThrow(() -> new Invalid("Invalid input for field/attribute " + name + ". Value: " + value + "."));
    }

    private static List<String> list(String csv) {
        return csv == null ? null : Arrays.stream(csv.split(",")).map(String::trim).filter(t -> !t.isEmpty()).toList();
    }

    private static String value(ApiRequest req, String name, Predicate<String> usable) {
        return usable.test(name) ? req.query(name).orElse(null) : null;
    }

    private static String first(ApiRequest req, String a, String b) {
        return req.query(a).or(() -> req.query(b)).orElse(null);
    }
}
