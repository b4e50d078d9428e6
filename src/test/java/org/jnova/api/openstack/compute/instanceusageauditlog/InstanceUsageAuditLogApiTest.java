package org.jnova.api.openstack.compute.instanceusageauditlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jnova.testing.EngineServers.call;
import static org.jnova.testing.EngineServers.message;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.jnova.api.openstack.compute.services.StoredInstances;
import org.jnova.testing.EachEngine;
import org.jnova.testing.EngineServers;
import org.jnova.testing.JnovaTestServer;
import org.junit.jupiter.api.extension.RegisterExtension;

/** os-instance_usage_audit_log: the last completed month's audit per compute host, derived from the instances. */
class InstanceUsageAuditLogApiTest {
    @RegisterExtension
    static final EngineServers SERVERS = new EngineServers();

    @EachEngine
    void showCountsTheInstancesAliveDuringThePeriodPerHost(String engine) throws Exception {
        JnovaTestServer jnova = SERVERS.get(engine);
        JsonNode hypervisor = call(jnova, "GET", "/os-hypervisors/detail", null, "2.53", 200).get("hypervisors").get(0);
        String host = hypervisor.get("service").get("host").asText();
        String node = hypervisor.get("hypervisor_hostname").asText();
        String project = "audit-" + engine;
        try (StoredInstances stored = new StoredInstances(jnova)) {
            // the period before 2001-03-15 is February 2001
            stored.create(project, "in-february", host, node, at("2001-02-10T08:00:00Z"), null);
            stored.create(project, "ended-in-february", host, node, at("2000-12-01T00:00:00Z"),
                    at("2001-02-05T00:00:00Z"));
            stored.create(project, "gone-before", host, node, at("2000-12-01T00:00:00Z"), at("2001-01-20T00:00:00Z"));
            stored.create(project, "launched-after", host, node, at("2001-03-05T00:00:00Z"), null);
            stored.create(project, "elsewhere", "other-host", "other-node", at("2001-02-10T08:00:00Z"), null);
            try {
                JsonNode log = call(jnova, "GET", "/os-instance_usage_audit_log/2001-03-15%2012:00:00", null, "2.1",
                        200).get("instance_usage_audit_log");
                assertThat(log.get("period_beginning").asText()).isEqualTo("2001-02-01 00:00:00");
                assertThat(log.get("period_ending").asText()).isEqualTo("2001-03-01 00:00:00");
                assertThat(log.get("log").get(host).get("instances").asInt()).isEqualTo(2);
                assertThat(log.get("log").get(host).get("state").asText()).isEqualTo("DONE");
                assertThat(log.get("log").get(host).get("message").asText())
                        .startsWith("Instance usage audit ran for host " + host + ", 2 instances in ");
                assertThat(log.get("log").has("other-host")).isFalse();
                assertThat(log.get("num_hosts").asInt()).isEqualTo(log.get("num_hosts_done").asInt());
                assertThat(log.get("num_hosts_not_run").asInt()).isZero();
                assertThat(log.get("hosts_not_run")).isEmpty();
                assertThat(log.get("total_errors").asInt()).isZero();
                assertThat(log.get("overall_status").asText()).isEqualTo("ALL hosts done. 0 errors.");

                JsonNode fraction = call(jnova, "GET", "/os-instance_usage_audit_log/2001-3-1%200:00:00.5", null,
                        "2.96", 200).get("instance_usage_audit_log");
                assertThat(fraction.get("period_beginning").asText()).isEqualTo("2001-02-01 00:00:00");
                JsonNode onTheBoundary = call(jnova, "GET", "/os-instance_usage_audit_log/2001-03-01%2000:00:00", null,
                        "2.1", 200).get("instance_usage_audit_log");
                assertThat(onTheBoundary.get("period_beginning").asText()).isEqualTo("2001-01-01 00:00:00");
                assertThat(onTheBoundary.get("log").get(host).get("instances").asInt()).isEqualTo(2);
            } finally {
                stored.deleteProject(project);
            }
        }
    }

    @EachEngine
    void indexReportsTheLastCompletedMonthAndAFuturePeriodIsNotRun(String engine) throws Exception {
        JnovaTestServer jnova = SERVERS.get(engine);
        JsonNode logs = call(jnova, "GET", "/os-instance_usage_audit_log", null, "2.1", 200)
                .get("instance_usage_audit_logs");
        LocalDate firstOfMonth = LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1);
        assertThat(logs.get("period_ending").asText()).isEqualTo(firstOfMonth + " 00:00:00");
        assertThat(logs.get("period_beginning").asText()).isEqualTo(firstOfMonth.minusMonths(1) + " 00:00:00");
        assertThat(logs.get("num_hosts").asInt()).isPositive();
        assertThat(logs.get("overall_status").asText()).isEqualTo("ALL hosts done. 0 errors.");

        JsonNode future = call(jnova, "GET", "/os-instance_usage_audit_log/2999-01-15%2000:00:00", null, "2.1", 200)
                .get("instance_usage_audit_log");
        int hosts = future.get("num_hosts").asInt();
        assertThat(future.get("num_hosts_done").asInt()).isZero();
        assertThat(future.get("num_hosts_not_run").asInt()).isEqualTo(hosts);
        assertThat(future.get("hosts_not_run")).hasSize(hosts);
        assertThat(future.get("log").size()).isZero();
        assertThat(future.get("overall_status").asText()).isEqualTo("0 of " + hosts + " hosts done. 0 errors.");
    }

    @EachEngine
    void badTimestampsAndNonAdminsAreRefused(String engine) throws Exception {
        JnovaTestServer jnova = SERVERS.get(engine);
        for (String bad : new String[] {"2001-03-15", "2001-03-15T12:00:00", "2001-02-30%2000:00:00",
                "2001-03-15%2012:00:00.1234567", "2001-13-01%2000:00:00", "0000-01-01%2000:00:00", "x"}) {
            String shown = bad.replace("%20", " ");
            assertThat(message(call(jnova, "GET", "/os-instance_usage_audit_log/" + bad, null, "2.1", 400)))
                    .as(bad).isEqualTo("Invalid timestamp for date " + shown);
        }
        assertThat(message(call(jnova, "GET", "/os-instance_usage_audit_log", null, "2.1", 403, "member:p1")))
                .isEqualTo("Policy doesn't allow os_compute_api:os-instance-usage-audit-log:list to be performed.");
        assertThat(message(call(jnova, "GET", "/os-instance_usage_audit_log/x", null, "2.1", 403, "member:p1")))
                .isEqualTo("Policy doesn't allow os_compute_api:os-instance-usage-audit-log:show to be performed.");
    }

    private static Instant at(String iso) {
        return Instant.parse(iso);
    }
}
