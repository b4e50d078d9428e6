package org.jnova.api.openstack.compute.limits;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jnova.api.openstack.ApiRequest;
import org.jnova.api.openstack.QueryValues;
import org.jnova.api.openstack.wsgi.ExpectedErrors;
import org.jnova.api.openstack.wsgi.QuerySchema;
import org.jnova.compute.Quotas;

/**
 * {@code GET /limits}: nova's limits.py. Absolute limits and usage of the caller's project
 * (or, for admins, of {@code tenant_id}); "rate" is always empty. 2.36 drops the
 * nova-network limits, 2.39 maxImageMeta, 2.57 the personality limits.
 */
public final class LimitsController {
    /** quota resource -> limit names, in nova's resource order. */
    private static final List<String[]> ABSOLUTE = List.of(
            new String[] {"instances", "maxTotalInstances"},
            new String[] {"cores", "maxTotalCores"},
            new String[] {"ram", "maxTotalRAMSize"},
            new String[] {"metadata_items", "maxServerMeta", "maxImageMeta"},
            new String[] {"injected_files", "maxPersonality"},
            new String[] {"injected_file_content_bytes", "maxPersonalitySize"},
            new String[] {"key_pairs", "maxTotalKeypairs"},
            new String[] {"server_groups", "maxServerGroups"},
            new String[] {"server_group_members", "maxServerGroupMembers"},
            new String[] {"floating_ips", "maxTotalFloatingIps"},
            new String[] {"security_groups", "maxSecurityGroups"},
            new String[] {"security_group_rules", "maxSecurityGroupRules"});
    private static final List<String[]> USED = List.of(
            new String[] {"totalRAMUsed", "ram"},
            new String[] {"totalCoresUsed", "cores"},
            new String[] {"totalInstancesUsed", "instances"},
            new String[] {"totalFloatingIpsUsed", "floating_ips"},
            new String[] {"totalSecurityGroupsUsed", "security_groups"},
            new String[] {"totalServerGroupsUsed", "server_groups"});
    private static final List<String> NETWORK = List.of("floating_ips", "security_groups", "security_group_rules");
    private static final List<String> PERSONALITY = List.of("injected_files", "injected_file_content_bytes");

    private final Quotas quotas;

    public LimitsController(Quotas quotas) {
        this.quotas = requireNonNull(quotas, "quotas is null");
    }

    @ExpectedErrors({})
    @QuerySchema("index.query")
    public Object index(ApiRequest req) {
        req.authorize("os_compute_api:limits", Map.of());
        String projectId = req.context().projectId().orElse(null);
        Optional<String> tenant = QueryValues.last(req, "tenant_id");
        if (tenant.isPresent()) {
            projectId = tenant.get();
            req.authorize("os_compute_api:limits:other_project", Map.of("project_id", projectId));
        }
        boolean v236 = req.isSupported("2.36");
        boolean v257 = req.isSupported("2.57");
        boolean imageMeta = !req.isSupported("2.39");
        Map<String, Integer> limits = quotas.limits(projectId, null);
        Map<String, Long> usage = quotas.usage(projectId, null);
        Map<String, Object> absolute = new LinkedHashMap<>();
        for (String[] row : ABSOLUTE) {
            if (hidden(row[0], v236, v257)) {
                continue;
            }
            int value = limits.getOrDefault(row[0], -1);
            for (int i = 1; i < row.length; i++) {
                if (imageMeta || !row[i].equals("maxImageMeta")) {
                    absolute.put(row[i], value);
                }
            }
        }
        for (String[] row : USED) {
            if (!hidden(row[1], v236, v257)) {
                absolute.put(row[0], usage.getOrDefault(row[1], 0L));
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("rate", List.of());
        body.put("absolute", absolute);
        return Map.of("limits", body);
    }

    private static boolean hidden(String resource, boolean v236, boolean v257) {
        return (v236 && NETWORK.contains(resource)) || (v257 && PERSONALITY.contains(resource));
    }
}
