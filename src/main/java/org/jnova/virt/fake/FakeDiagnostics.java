package org.jnova.virt.fake;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What nova's fake driver reports as a running server's diagnostics: the fixed figures of its
 * get_diagnostics (legacy, free-form) and get_instance_diagnostics (the standard format).
 */
public final class FakeDiagnostics {
    private FakeDiagnostics() {
    }

    /** The legacy free-form dictionary (before 2.48). */
    public static Map<String, Object> legacy() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("cpu0_time", 17300000000L);
        d.put("memory", 524288);
        d.put("vda_errors", -1);
        d.put("vda_read", 262144);
        d.put("vda_read_req", 112);
        d.put("vda_write", 5778432);
        d.put("vda_write_req", 488);
        d.put("vnet1_rx", 2070139);
        d.put("vnet1_rx_drop", 0);
        d.put("vnet1_rx_errors", 0);
        d.put("vnet1_rx_packets", 26701);
        d.put("vnet1_tx", 140208);
        d.put("vnet1_tx_drop", 0);
        d.put("vnet1_tx_errors", 0);
        d.put("vnet1_tx_packets", 662);
        return d;
    }

    /** The standard diagnostics (2.48+); nova's fake driver names itself libvirt/kvm here. */
    public static Map<String, Object> standard() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("state", "running");
        d.put("driver", "libvirt");
        d.put("hypervisor", "kvm");
        d.put("hypervisor_os", "ubuntu");
        d.put("uptime", 46664);
        d.put("config_drive", true);
        d.put("num_cpus", 1);
        d.put("num_nics", 1);
        d.put("num_disks", 1);
        d.put("disk_details", List.of(Map.of("read_bytes", 262144, "read_requests", 112, "write_bytes", 5778432,
                "write_requests", 488, "errors_count", 1)));
        d.put("cpu_details", List.of(Map.of("id", 0, "time", 17300000000L, "utilisation", 15)));
        Map<String, Object> nic = new LinkedHashMap<>();
        nic.put("mac_address", "01:23:45:67:89:ab");
        nic.put("rx_octets", 2070139);
        nic.put("rx_errors", 100);
        nic.put("rx_drop", 200);
        nic.put("rx_packets", 26701);
        nic.put("rx_rate", 300);
        nic.put("tx_octets", 140208);
        nic.put("tx_errors", 400);
        nic.put("tx_drop", 500);
        nic.put("tx_packets", 662);
        nic.put("tx_rate", 600);
        d.put("nic_details", List.of(nic));
        d.put("memory_details", Map.of("maximum", 524288, "used", 0));
        return d;
    }
}
