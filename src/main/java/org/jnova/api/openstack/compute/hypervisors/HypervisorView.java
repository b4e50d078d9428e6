package org.jnova.api.openstack.compute.hypervisors;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jnova.api.openstack.ApiRequest;
import org.jnova.compute.ServicesApi.Hypervisor;
import org.jnova.objects.ComputeNode;
import org.jnova.objects.Instance;

/** nova's {@code _view_hypervisor}: the summary or detailed hypervisor for a microversion. */
final class HypervisorView {
    /** What the fake virt driver reports as cpu_info (nova's fake driver reports the same). */
    static final Map<String, Object> FAKE_CPU_INFO = fakeCpuInfo();
    static final String FAKE_CPU_INFO_TEXT = "{\"arch\": \"x86_64\", \"model\": \"Nehalem\", \"vendor\": \"Intel\", "
            + "\"features\": [\"pge\", \"clflush\"], \"topology\": {\"cores\": 1, \"threads\": 1, \"sockets\": 4}}";

    private HypervisorView() {
    }

    private static Map<String, Object> fakeCpuInfo() {
        Map<String, Object> topology = new LinkedHashMap<>();
        topology.put("cores", 1);
        topology.put("threads", 1);
        topology.put("sockets", 4);
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("arch", "x86_64");
        info.put("model", "Nehalem");
        info.put("vendor", "Intel");
        info.put("features", List.of("pge", "clflush"));
        info.put("topology", topology);
        return java.util.Collections.unmodifiableMap(info);
    }

    static Map<String, Object> view(Hypervisor h, boolean detail, ApiRequest req, List<Instance> servers,
            boolean withServers, HostReserved reserved) {
        boolean uuids = req.isSupported("2.53");
        ComputeNode n = h.node();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", uuids ? n.uuid() : n.id());
        m.put("hypervisor_hostname", n.hypervisorHostname());
        m.put("state", h.up() ? "up" : "down");
        m.put("status", h.service().disabled() ? "disabled" : "enabled");
        if (detail) {
            m.put("hypervisor_type", n.hypervisorType());
            m.put("hypervisor_version", n.hypervisorVersion());
            m.put("host_ip", n.hostIp());
            Map<String, Object> service = new LinkedHashMap<>();
            service.put("id", uuids ? h.service().uuid() : h.service().id());
            service.put("host", n.host());
            service.put("disabled_reason", h.service().disabledReason());
            m.put("service", service);
            if (!req.isSupported("2.88")) {
                m.put("vcpus", n.vcpus());
                m.put("memory_mb", n.memoryMb());
                m.put("local_gb", n.localGb());
                m.put("vcpus_used", n.vcpusUsed());
                m.put("memory_mb_used", reserved.memoryMbUsed(n));
                m.put("local_gb_used", reserved.localGbUsed(n));
                m.put("free_ram_mb", reserved.freeRamMb(n));
                m.put("free_disk_gb", reserved.freeDiskGb(n));
                m.put("current_workload", 0);
                m.put("running_vms", n.runningVms());
                m.put("disk_available_least", 0);
                m.put("cpu_info", req.isSupported("2.28") ? FAKE_CPU_INFO : FAKE_CPU_INFO_TEXT);
            } else {
                m.put("uptime", null);  // the controller asks the host
            }
        }
        if (servers != null && !servers.isEmpty()) {
            m.put("servers", servers.stream().map(i -> {
                Map<String, Object> s = new LinkedHashMap<>();
                s.put("name", i.name());
                s.put("uuid", i.uuid());
                return s;
            }).toList());
        } else if (withServers && req.isSupported("2.75")) {
            m.put("servers", List.of());
        }
        return m;
    }
}
