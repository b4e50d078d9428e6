package org.jnova.api.openstack.compute.simpletenantusage;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jnova.api.openstack.ApiRequest;
import org.jnova.api.openstack.QueryValues;
import org.jnova.api.openstack.compute.links.Links;
import org.jnova.api.openstack.compute.services.PyIsoTime;
import org.jnova.api.openstack.wsgi.ExpectedErrors;
import org.jnova.api.openstack.wsgi.QuerySchema;
import org.jnova.compute.UsageApi;
import org.jnova.exception.Invalid;
import org.jnova.objects.Instance;
import org.jnova.utils.IsoTimes;

/**
 * os-simple-tenant-usage (nova/api/openstack/compute/simple_tenant_usage.py): usage of the
 * instances launched before the period's end and not terminated before its start, deleted
 * ones included, in nova's order (project, uuid) and paged by instance uuid from 2.40.
 */
public final class SimpleTenantUsageController {
    private static final String POLICY = "os_compute_api:os-simple-tenant-usage:";

    private final UsageApi usageApi;
    private final Links pageLinks;
    private final int maxLimit;
    private final Clock clock;

    public SimpleTenantUsageController(UsageApi usageApi, Links pageLinks, Clock clock) {
        this.usageApi = Objects.requireNonNull(usageApi, "usageApi is null");
        this.pageLinks = Objects.requireNonNull(pageLinks, "pageLinks is null");
        this.maxLimit = pageLinks.maxLimit();
        this.clock = Objects.requireNonNull(clock, "clock is null");
    }

    private record Period(Instant start, Instant stop, boolean detailed) {
    }

    @ExpectedErrors(400)
    @QuerySchema("index.query")
    public Object index(ApiRequest req) {
        req.authorizeProject(POLICY + "list");
        boolean links = req.isSupported("2.40");
        Period period = period(req);
        Usage usage = usage(req, period, null, period.detailed(), links);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("tenant_usages", usage.tenants());
        if (links) {
            List<Map<String, Object>> next = next(req, usage, "os-simple-tenant-usage");
            if (!next.isEmpty()) {
                body.put("tenant_usages_links", next);
            }
        }
        return body;
    }

    @ExpectedErrors(400)
    @QuerySchema("show.query")
    public Object show(ApiRequest req) {
        String tenantId = req.pathParam("id");
        req.authorize(POLICY + "show", Map.of("project_id", tenantId));
        boolean links = req.isSupported("2.40");
        Usage usage = usage(req, period(req), tenantId, true, links);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("tenant_usage", usage.tenants().isEmpty() ? Map.of() : usage.tenants().get(0));
        if (links) {
            List<Map<String, Object>> next = next(req, usage, "os-simple-tenant-usage/" + tenantId);
            if (!next.isEmpty()) {
                body.put("tenant_usage_links", next);
            }
        }
        return body;
    }

    private List<Map<String, Object>> next(ApiRequest req, Usage usage, String collection) {
        List<Map<String, Object>> servers = usage.servers();
        return servers.isEmpty() ? List.of() : pageLinks.collectionLinks(req, servers.size(),
                String.valueOf(servers.get(servers.size() - 1).get("instance_id")), collection);
    }

    /** start/end from the raw query (first value; blank or absent: now); start must precede end. */
    private Period period(ApiRequest req) {
        Map<String, String> params = RawQuery.firstNonBlank(req.raw().queryString());
        // nova reads the clock once per missing bound, start first: "now" to "a moment later"
        Instant first = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Instant start = parse(params.get("start"), first);
        Instant stop = parse(params.get("end"), first.plus(1, ChronoUnit.MICROS));
        if (!start.isBefore(stop)) {
            throw new Invalid("Invalid start time. The start time cannot occur after the end time.");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        if (now.isBefore(first.plus(1, ChronoUnit.MICROS))) {
            now = first.plus(1, ChronoUnit.MICROS);
        }
        return new Period(start, stop.isAfter(now) ? now : stop, "1".equals(params.get("detailed")));
    }

    private static Instant parse(String text, Instant now) {
        if (text == null) {
            return now;
        }
        return IsoTimes.parseStrptime(text)
                .orElseThrow(() -> new Invalid("Invalid datetime string: Datetime is in invalid format"));
    }

    private record Usage(List<Map<String, Object>> tenants, List<Map<String, Object>> servers) {
    }

    private Usage usage(ApiRequest req, Period period, String projectId, boolean detailed, boolean paging) {
        int limit = maxLimit;
        String marker = null;
        if (paging) {
            limit = QueryValues.lastInt(req, "limit").map(v -> Math.min(maxLimit, v)).orElse(maxLimit);
            marker = QueryValues.last(req, "marker").orElse(null);
        }
        List<Instance> window = usageApi.activeInWindow(projectId, period.start(), period.stop(), limit, marker);
        Instant now = clock.instant();
        Map<String, Map<String, Object>> byTenant = new LinkedHashMap<>();
        List<Map<String, Object>> servers = new ArrayList<>();
        for (Instance i : window) {
            Map<String, Object> info = serverUsage(i, period, now);
            Map<String, Object> summary = byTenant.computeIfAbsent(i.projectId(), p -> summary(p, period, detailed));
            double hours = (double) info.get("hours");
            summary.merge("total_local_gb_usage", (int) info.get("local_gb") * hours, Usages::add);
            summary.merge("total_vcpus_usage", (int) info.get("vcpus") * hours, Usages::add);
            summary.merge("total_memory_mb_usage", (int) info.get("memory_mb") * hours, Usages::add);
            summary.merge("total_hours", hours, Usages::add);
            servers.add(info);
            if (detailed) {
                @SuppressWarnings("unchecked")
                List<Map<String, Object>> list = (List<Map<String, Object>>) summary.get("server_usages");
                list.add(info);
            }
        }
        return new Usage(new ArrayList<>(byTenant.values()), servers);
    }

    private static Map<String, Object> summary(String projectId, Period period, boolean detailed) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("tenant_id", projectId);
        if (detailed) {
            s.put("server_usages", new ArrayList<Map<String, Object>>());
        }
        s.put("total_local_gb_usage", 0);
        s.put("total_vcpus_usage", 0);
        s.put("total_memory_mb_usage", 0);
        s.put("total_hours", 0);
        s.put("start", PyIsoTime.format(period.start()));
        s.put("stop", PyIsoTime.format(period.stop()));
        return s;
    }

    /** nova's per-instance usage: hours within the period, flavor sizes, state and uptime in seconds. */
    private static Map<String, Object> serverUsage(Instance i, Period period, Instant now) {
        Instant from = i.launchedAt().isAfter(period.start()) ? i.launchedAt() : period.start();
        Instant to = i.terminatedAt() != null && i.terminatedAt().isBefore(period.stop()) ? i.terminatedAt()
                : period.stop();
        double hours = micros(from, to) / 3_600_000_000.0;
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("hours", hours);
        info.put("flavor", i.flavor().name());
        info.put("instance_id", i.uuid());
        info.put("name", i.displayName());
        info.put("tenant_id", i.projectId());
        info.put("memory_mb", i.flavor().memoryMb());
        info.put("local_gb", i.flavor().rootGb() + i.flavor().ephemeralGb());
        info.put("vcpus", i.flavor().vcpus());
        info.put("started_at", PyIsoTime.format(i.launchedAt()));
        info.put("ended_at", PyIsoTime.format(i.terminatedAt()));
        info.put("state", i.terminatedAt() != null ? "terminated" : i.vmState());
        Instant end = i.terminatedAt() != null ? i.terminatedAt() : now;
        info.put("uptime", (long) Math.floor(micros(i.launchedAt(), end) / 1_000_000.0));
        return info;
    }

    private static long micros(Instant from, Instant to) {
        return Duration.between(from, to).toNanos() / 1000;
    }

    /** Sums that start as the integer 0 of nova's summary and become floats once added to. */
    private static final class Usages {
        static Object add(Object a, Object b) {
            return ((Number) a).doubleValue() + ((Number) b).doubleValue();
        }
    }
}
