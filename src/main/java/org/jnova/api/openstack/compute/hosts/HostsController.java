package org.jnova.api.openstack.compute.hosts;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jnova.api.openstack.ApiRequest;
import org.jnova.api.openstack.compute.hypervisors.HostReserved;
import org.jnova.api.openstack.QueryValues;
import org.jnova.api.openstack.wsgi.ApiVersion;
import org.jnova.api.openstack.wsgi.ExpectedErrors;
import org.jnova.api.openstack.wsgi.QuerySchema;
import org.jnova.api.openstack.wsgi.RequestSchema;
import org.jnova.compute.ServicesApi;
import org.jnova.compute.ServicesApi.Hypervisor;
import org.jnova.compute.ServicesApi.ServiceStatus;
import org.jnova.exception.NotFound;
import org.jnova.objects.ComputeNode;
import org.jnova.objects.Instance;

/**
 * os-hosts (nova/api/openstack/compute/hosts.py), gone from 2.43: hosts of the enabled
 * services, a compute host's resources, and the host enable/maintenance/power calls. The
 * fake virt driver answers those calls the way nova's fake driver does (it changes nothing).
 */
public final class HostsController {
    private static final String POLICY = "os_compute_api:os-hosts:";

    private final ServicesApi services;
    private final HostReserved reserved;

    public HostsController(ServicesApi services, HostReserved reserved) {
        this.services = Objects.requireNonNull(services, "services is null");
        this.reserved = Objects.requireNonNull(reserved, "reserved is null");
    }

    @ApiVersion(max = "2.42")
    @ExpectedErrors({})
    @QuerySchema("index.query")
    public Object index(ApiRequest req) {
        req.authorize(POLICY + "list", Map.of());
        String zone = QueryValues.last(req, "zone").orElse("");
        List<Map<String, Object>> hosts = new ArrayList<>();
        for (ServiceStatus s : services.list(null, null)) {
            if (s.service().disabled() || s.isApiService()
                    || !zone.isEmpty() && !zone.equals(s.zone())) {
                continue;
            }
            Map<String, Object> h = new LinkedHashMap<>();
            h.put("host_name", s.service().host());
            h.put("service", s.service().topic());
            h.put("zone", s.zone());
            hosts.add(h);
        }
        return Map.of("hosts", hosts);
    }

    @ApiVersion(max = "2.42")
    @ExpectedErrors({400, 404, 501})
    @RequestSchema("update")
    public Object update(ApiRequest req) {
        req.authorize(POLICY + "update", Map.of());
        String host = req.pathParam("id");
        JsonNode body = req.body();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("host", host);
        if (body.has("status")) {
            computeHost(host);
            result.put("status", enabled(body.get("status")) ? "enabled" : "disabled");
        }
        if (body.has("maintenance_mode")) {
            computeHost(host);
            result.put("maintenance_mode", enabled(body.get("maintenance_mode")) ? "on_maintenance"
                    : "off_maintenance");
        }
        return result;
    }

    private static boolean enabled(JsonNode value) {
        return value.asText().strip().toLowerCase(Locale.ROOT).equals("enable");
    }

    @ApiVersion(max = "2.42")
    @ExpectedErrors({400, 404, 501})
    public Object startup(ApiRequest req) {
        req.authorize(POLICY + "start", Map.of());
        return power(req, "startup");
    }

    @ApiVersion(max = "2.42")
    @ExpectedErrors({400, 404, 501})
    public Object shutdown(ApiRequest req) {
        req.authorize(POLICY + "shutdown", Map.of());
        return power(req, "shutdown");
    }

    @ApiVersion(max = "2.42")
    @ExpectedErrors({400, 404, 501})
    public Object reboot(ApiRequest req) {
        req.authorize(POLICY + "reboot", Map.of());
        return power(req, "reboot");
    }

    private Object power(ApiRequest req, String action) {
        String host = req.pathParam("id");
        computeHost(host);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("host", host);
        result.put("power_action", action);
        return result;
    }

    /** A host is known when a compute service runs on it (nova's host mapping). */
    private void computeHost(String host) {
        if (services.list(host, "nova-compute").isEmpty()) {
            throw new NotFound("Host '" + host + "' is not mapped to any cell");
        }
    }

    @ApiVersion(max = "2.42")
    @ExpectedErrors(404)
    public Object show(ApiRequest req) {
        req.authorize(POLICY + "show", Map.of());
        String host = req.pathParam("id");
        computeHost(host);
        Hypervisor hv = services.hypervisors().stream().filter(h -> h.node().host().equals(host)).findFirst()
                .orElseThrow(() -> new NotFound("Compute host " + host + " could not be found."));
        ComputeNode n = hv.node();
        List<Instance> instances = services.servers(hv);
        List<Map<String, Object>> resources = new ArrayList<>();
        resources.add(resource(host, "(total)", n.vcpus(), n.memoryMb(), n.localGb()));
        resources.add(resource(host, "(used_now)", n.vcpusUsed(), reserved.memoryMbUsed(n), reserved.localGbUsed(n)));
        int cpu = 0, mem = 0, disk = 0;
        Map<String, int[]> byProject = new LinkedHashMap<>();
        for (Instance i : instances) {
            int d = i.flavor().rootGb() + i.flavor().ephemeralGb();
            cpu += i.flavor().vcpus();
            mem += i.flavor().memoryMb();
            disk += d;
            int[] p = byProject.computeIfAbsent(i.projectId(), k -> new int[3]);
            p[0] += i.flavor().vcpus();
            p[1] += i.flavor().memoryMb();
            p[2] += d;
        }
        resources.add(resource(host, "(used_max)", cpu, mem, disk));
        byProject.forEach((project, p) -> resources.add(resource(host, project, p[0], p[1], p[2])));
        return Map.of("host", resources);
    }

    private static Map<String, Object> resource(String host, String project, int cpu, int memoryMb, int diskGb) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("host", host);
        r.put("project", project);
        r.put("cpu", cpu);
        r.put("memory_mb", memoryMb);
        r.put("disk_gb", diskGb);
        return Map.of("resource", r);
    }
}
