package org.jnova.api.openstack.compute.securitygroups;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jnova.compute.SecurityGroupRules;
import org.jnova.objects.SecurityGroup;
import org.jnova.objects.SecurityGroupRule;

/** nova's _format_security_group and _format_security_group_rule. */
final class SecurityGroupView {
    private SecurityGroupView() {
    }

    /** Groups sorted by project and name, as nova lists them. */
    static List<Map<String, Object>> sorted(List<SecurityGroup> groups, Function<String, SecurityGroup> lookup) {
        return groups.stream().sorted(Comparator.comparing(SecurityGroup::projectId)
                .thenComparing(SecurityGroup::name)).map(g -> group(g, lookup)).toList();
    }

    /**
     * A group; {@code lookup} finds a rule's source group (null when it is gone or not visible:
     * the rule is left out, as nova does).
     */
    static Map<String, Object> group(SecurityGroup g, Function<String, SecurityGroup> lookup) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", g.id());
        out.put("description", g.description());
        out.put("name", g.name());
        out.put("tenant_id", g.projectId());
        List<Map<String, Object>> rules = new ArrayList<>();
        for (SecurityGroupRule r : g.rules()) {
            SecurityGroup source = r.remoteGroupId() == null ? null
                    : r.remoteGroupId().equals(g.id()) ? g : lookup.apply(r.remoteGroupId());
            if (r.remoteGroupId() == null || source != null) {
                rules.add(rule(r, source));
            }
        }
        out.put("rules", rules);
        return out;
    }

    /** A rule: it names its source group, else its CIDR (0.0.0.0/0 when it has none). */
    static Map<String, Object> rule(SecurityGroupRule r, SecurityGroup source) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", r.id());
        out.put("parent_group_id", r.parentGroupId());
        out.put("ip_protocol", r.protocol());
        out.put("from_port", SecurityGroupRules.fromPort(r));
        out.put("to_port", SecurityGroupRules.toPort(r));
        Map<String, Object> group = new LinkedHashMap<>();
        Map<String, Object> range = new LinkedHashMap<>();
        if (r.remoteGroupId() != null && source != null) {
            group.put("name", source.name());
            group.put("tenant_id", source.projectId());
        } else {
            range.put("cidr", r.cidr() == null ? "0.0.0.0/0" : r.cidr());
        }
        out.put("group", group);
        out.put("ip_range", range);
        return out;
    }
}
