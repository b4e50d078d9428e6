package org.jnova.compute;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jnova.objects.InstanceFilter;
import org.jnova.db.InstanceStore;
import org.jnova.objects.Instance;

/** os-simple-tenant-usage: per-project usage of instances alive during a period, deleted ones included. */
public final class UsageApi {
    private final InstanceStore instances;

    /** One instance's share of the period. */
    public record ServerUsage(Instance instance, double hours, Instant startedAt, Instant endedAt, String state) {
    }

    /** A project's totals and, when detailed, its instances. */
    public record TenantUsage(String projectId, Instant start, Instant stop, double totalHours,
            double totalVcpusUsage, double totalMemoryMbUsage, double totalLocalGbUsage, List<ServerUsage> servers) {
    }

    public UsageApi(InstanceStore instances) {
        this.instances = requireNonNull(instances, "instances is null");
    }

    /** Usage of one project (projectId non-null) or of all projects, for [start, stop). */
    public List<TenantUsage> usage(String projectId, Instant start, Instant stop) {
        List<Instance> all = instances.listBare(InstanceFilter.builder().projectId(projectId).deleted(null).build());
        Map<String, List<ServerUsage>> byProject = new LinkedHashMap<>();
        for (Instance i : all) {
            Instant begin = i.launchedAt() != null ? i.launchedAt() : i.createdAt();
            Instant end = i.terminatedAt() != null ? i.terminatedAt() : i.deletedAt();
            if (begin == null || !begin.isBefore(stop) || end != null && !end.isAfter(start)) {
                continue;
            }
            Instant from = begin.isAfter(start) ? begin : start;
            Instant to = end == null || end.isAfter(stop) ? stop : end;
            double hours = Duration.between(from, to).toMillis() / 3_600_000.0;
            String state = i.deleted() ? "terminated" : i.vmState();
            byProject.computeIfAbsent(i.projectId(), k -> new ArrayList<>())
                    .add(new ServerUsage(i, hours, begin, end, state));
        }
        List<TenantUsage> out = new ArrayList<>();
        byProject.forEach((project, servers) -> {
            double hours = 0, vcpus = 0, ram = 0, disk = 0;
            for (ServerUsage s : servers) {
                hours += s.hours();
                vcpus += s.hours() * s.instance().flavor().vcpus();
                ram += s.hours() * s.instance().flavor().memoryMb();
                disk += s.hours() * (s.instance().flavor().rootGb() + s.instance().flavor().ephemeralGb());
            }
            out.add(new TenantUsage(project, start, stop, hours, vcpus, ram, disk, servers));
        });
        return out;
    }

    /**
     * Instances, deleted ones included, launched before {@code end} and not terminated by
     * {@code begin}, of one project (null: all), in (project_id, uuid) order after the instance
     * whose uuid is {@code marker} (null: from the start), at most {@code limit}.
     *
     * @throws org.jnova.exception.Invalid "Marker X could not be found." when no such instance
     */
    public List<Instance> activeInWindow(String projectId, Instant begin, Instant end, int limit, String marker) {
        return instances.activeInWindow(projectId, begin, end, limit, marker);
    }
}
