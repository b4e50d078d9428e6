package org.jnova.api.metadata;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jnova.objects.Instance;
import org.jnova.objects.VirtualInterface;

/**
 * network_data.json (nova's netutils.get_network_metadata) for the ports of the built-in
 * network: one link per port (tap device named after the port id), one DHCP network per
 * link, no DNS services.
 */
final class NetworkData {
    private NetworkData() {
    }

    static Map<String, Object> of(Instance instance, String networkId) {
        List<Object> links = new ArrayList<>();
        List<Object> networks = new ArrayList<>();
        int index = 0;
        for (VirtualInterface port : instance.interfaces()) {
            String device = "tap" + port.uuid().substring(0, Math.min(11, port.uuid().length()));
            Map<String, Object> link = new LinkedHashMap<>();
            link.put("id", device);
            link.put("vif_id", port.uuid());
            link.put("type", "ovs");
            link.put("mtu", null);
            link.put("ethernet_mac_address", port.macAddress());
            links.add(link);
            Map<String, Object> network = new LinkedHashMap<>();
            network.put("id", "network" + index++);
            network.put("type", port.ipVersion() == 4 ? "ipv4_dhcp" : "ipv6_dhcp");
            network.put("link", device);
            network.put("network_id", networkId);
            networks.add(network);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("links", links);
        out.put("networks", networks);
        out.put("services", List.of());
        return out;
    }
}
