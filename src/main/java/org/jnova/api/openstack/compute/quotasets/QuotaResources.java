package org.jnova.api.openstack.compute.quotasets;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The quota resource names the API shows, in nova's (alphabetical) order, and which of them
 * microversions hide. The nova-network ones (fixed_ips, floating_ips, security_groups,
 * security_group_rules) are stored and shown but never enforced: nova keeps them only so
 * bodies do not change.
 */
public final class QuotaResources {
    /** Every resource, sorted by name as nova's QuotaEngine lists them. */
    public static final List<String> ALL = List.of("cores", "fixed_ips", "floating_ips", "injected_file_content_bytes",
            "injected_file_path_bytes", "injected_files", "instances", "key_pairs", "metadata_items", "ram",
            "security_group_rules", "security_groups", "server_group_members", "server_groups");
    /** The nova-network resources. */
    public static final Set<String> NETWORK = Set.of("fixed_ips", "floating_ips", "security_group_rules",
            "security_groups");
    /** The personality resources hidden from 2.57. */
    public static final Set<String> INJECTED = Set.of("injected_files", "injected_file_content_bytes",
            "injected_file_path_bytes");

    private QuotaResources() {
    }

    /**
     * The body map: {@code id} first when given, then each shown resource in order.
     * {@code hideNetwork}/{@code hideInjected} drop those groups; missing values are -1.
     */
    public static Map<String, Object> format(String id, Map<String, ?> values, boolean hideNetwork,
            boolean hideInjected, boolean hideServerGroups) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (id != null) {
            out.put("id", id);
        }
        for (String name : ALL) {
            if ((hideNetwork && NETWORK.contains(name)) || (hideInjected && INJECTED.contains(name))
                    || (hideServerGroups && name.startsWith("server_group"))) {
                continue;
            }
            Object v = values.get(name);
            out.put(name, v == null ? -1 : v);
        }
        return out;
    }
}
