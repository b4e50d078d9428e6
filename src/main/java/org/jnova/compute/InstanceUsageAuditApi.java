package org.jnova.compute;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jnova.db.InstanceStore;
import org.jnova.db.ServiceStore;
import org.jnova.objects.Service;

/**
 * os-instance_usage_audit_log: per compute host, the usage audit of the last completed period.
 * nova's hosts record it in task_log rows from a periodic task; jnova derives the same figures
 * from the instances table: a host has audited every period that ended, counting the instances
 * on it that were alive during the period, without errors. A period not yet over (a
 * {@code before} in the future) has not been audited by anyone.
 */
public final class InstanceUsageAuditApi {
    private final ServiceStore services;
    private final InstanceStore instances;
    private final AuditPeriod period;
    private final Clock clock;

    /** One host's audit of the period. */
    public record HostAudit(String state, int instances, int errors, String message) {
    }

    /** The period, every compute host (disabled ones included) and the audits done. */
    public record Report(AuditPeriod.Period period, List<String> hosts, Map<String, HostAudit> audits) {
    }

    public InstanceUsageAuditApi(ServiceStore services, InstanceStore instances, AuditPeriod period, Clock clock) {
        this.services = requireNonNull(services, "services is null");
        this.instances = requireNonNull(instances, "instances is null");
        this.period = requireNonNull(period, "period is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** The report of the last period completed before {@code before} (UTC; null: now). */
    public Report report(LocalDateTime before) {
        LocalDateTime now = LocalDateTime.now(clock.withZone(ZoneOffset.UTC));
        AuditPeriod.Period p = period.lastCompletedBefore(before == null ? now : before);
        List<String> hosts = new ArrayList<>();
        for (Service s : services.list(null, "nova-compute")) {
            if (!hosts.contains(s.host())) {
                hosts.add(s.host());
            }
        }
        Map<String, HostAudit> audits = new LinkedHashMap<>();
        if (p.end().isBefore(now)) {
            Map<String, Integer> active = instances.activeInWindowPerHost(p.begin().toInstant(ZoneOffset.UTC),
                    p.end().toInstant(ZoneOffset.UTC));
            for (String host : hosts) {
                int count = active.getOrDefault(host, 0);
                audits.put(host, new HostAudit("DONE", count, 0,
                        "Instance usage audit ran for host " + host + ", " + count + " instances in 0.0 seconds."));
            }
        }
        return new Report(p, hosts, audits);
    }
}
