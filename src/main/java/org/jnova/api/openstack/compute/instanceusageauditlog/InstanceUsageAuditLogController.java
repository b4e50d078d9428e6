package org.jnova.api.openstack.compute.instanceusageauditlog;

import static java.util.Objects.requireNonNull;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jnova.api.openstack.ApiRequest;
import org.jnova.api.openstack.wsgi.ExpectedErrors;
import org.jnova.compute.InstanceUsageAuditApi;
import org.jnova.compute.InstanceUsageAuditApi.HostAudit;
import org.jnova.compute.InstanceUsageAuditApi.Report;
import org.jnova.exception.Invalid;

/**
 * os-instance_usage_audit_log (nova/api/openstack/compute/instance_usage_audit_log.py): the
 * usage audit of the last completed period on every compute host; show takes the moment the
 * period must have ended before.
 */
public final class InstanceUsageAuditLogController {
    private static final String POLICY = "os_compute_api:os-instance-usage-audit-log:";
    /** Python's str() of a datetime without microseconds, as the periods always are. */
    private static final DateTimeFormatter PYTHON_STR = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final InstanceUsageAuditApi audits;

    public InstanceUsageAuditLogController(InstanceUsageAuditApi audits) {
        this.audits = requireNonNull(audits, "audits is null");
    }

    @ExpectedErrors({})
    public Object index(ApiRequest req) {
        req.authorize(POLICY + "list", Map.of());
        return Map.of("instance_usage_audit_logs", view(audits.report(null)));
    }

    @ExpectedErrors(400)
    public Object show(ApiRequest req) {
        req.authorize(POLICY + "show", Map.of());
        String id = req.pathParam("id");
        LocalDateTime before = AuditTimestamp.parse(id)
                .orElseThrow(() -> new Invalid("Invalid timestamp for date " + id));
        return Map.of("instance_usage_audit_log", view(audits.report(before)));
    }

    private static Map<String, Object> view(Report report) {
        int done = 0, errors = 0, items = 0;
        Map<String, Object> log = new LinkedHashMap<>();
        for (Map.Entry<String, HostAudit> e : report.audits().entrySet()) {
            HostAudit a = e.getValue();
            done += "DONE".equals(a.state()) ? 1 : 0;
            errors += a.errors();
            items += a.instances();
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("state", a.state());
            entry.put("instances", a.instances());
            entry.put("errors", a.errors());
            entry.put("message", a.message());
            log.put(e.getKey(), entry);
        }
        List<String> notRun = new ArrayList<>(report.hosts());
        notRun.removeAll(report.audits().keySet());
        int hosts = report.hosts().size();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("period_beginning", PYTHON_STR.format(report.period().begin()));
        out.put("period_ending", PYTHON_STR.format(report.period().end()));
        out.put("num_hosts", hosts);
        out.put("num_hosts_done", done);
        out.put("num_hosts_running", 0);
        out.put("num_hosts_not_run", notRun.size());
        out.put("hosts_not_run", notRun);
        out.put("total_instances", items);
        out.put("total_errors", errors);
        out.put("overall_status", (done == hosts ? "ALL" : done + " of " + hosts) + " hosts done. " + errors
                + " errors.");
        out.put("log", log);
        return out;
    }
}
