package org.jnova.api.ec2.securitygroups;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jnova.api.ec2.protocol.Ec2Action;
import org.jnova.api.ec2.protocol.Ec2Error;
import org.jnova.api.ec2.protocol.Ec2Request;
import org.jnova.compute.SecurityGroupsApi;
import org.jnova.objects.SecurityGroup;
import org.jnova.objects.SecurityGroupRule;
import org.jnova.policy.Enforcer;

/**
 * DescribeSecurityGroups over the compute API's security groups of the caller's project
 * ({@code os-security-groups:get} rule); {@code GroupName.N} and {@code GroupId.N} narrow them,
 * an unknown one is {@code InvalidGroup.NotFound}. Rules are ingress permissions.
 */
public final class SecurityGroupsActions {
    private final SecurityGroupsApi groups;
    private final Enforcer enforcer;

    public SecurityGroupsActions(SecurityGroupsApi groups, Enforcer enforcer) {
        this.groups = requireNonNull(groups, "groups is null");
        this.enforcer = requireNonNull(enforcer, "enforcer is null");
    }

    public void register(Map<String, Ec2Action> actions) {
        actions.put("DescribeSecurityGroups", this::describe);
    }

    private Map<String, ?> describe(Ec2Request call) {
        enforcer.authorize(call.context(), "os_compute_api:os-security-groups:get",
                Map.of("project_id", call.context().projectId().orElse("")));
        List<SecurityGroup> all = groups.list(call.context(), false);
        List<String> names = call.list("GroupName");
        List<String> ids = call.list("GroupId");
        for (String name : names) {
            if (all.stream().noneMatch(g -> g.name().equals(name))) {
                throw notFound(name);
            }
        }
        for (String id : ids) {
            if (all.stream().noneMatch(g -> g.id().equals(id))) {
                throw notFound(id);
            }
        }
        List<Object> info = new ArrayList<>();
        for (SecurityGroup group : all) {
            if ((names.isEmpty() && ids.isEmpty()) || names.contains(group.name()) || ids.contains(group.id())) {
                info.add(view(group, all));
            }
        }
        return Map.of("securityGroupInfo", info);
    }

    private static Map<String, Object> view(SecurityGroup group, List<SecurityGroup> all) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("ownerId", group.projectId());
        out.put("groupId", group.id());
        out.put("groupName", group.name());
        out.put("groupDescription", group.description());
        out.put("ipPermissions", group.rules().stream().<Object>map(rule -> permission(group, rule, all)).toList());
        out.put("ipPermissionsEgress", List.of());
        return out;
    }

    private static Map<String, Object> permission(SecurityGroup group, SecurityGroupRule rule,
            List<SecurityGroup> all) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("ipProtocol", rule.protocol() == null ? "-1" : rule.protocol());
        out.put("fromPort", rule.fromPort());
        out.put("toPort", rule.toPort());
        List<Object> sources = new ArrayList<>();
        if (rule.remoteGroupId() != null) {
            Map<String, Object> source = new LinkedHashMap<>();
            source.put("userId", group.projectId());
            source.put("groupId", rule.remoteGroupId());
            all.stream().filter(g -> g.id().equals(rule.remoteGroupId())).findFirst()
                    .ifPresent(g -> source.put("groupName", g.name()));
            sources.add(source);
        }
        out.put("groups", sources);
        out.put("ipRanges", rule.cidr() == null ? List.of() : List.of(Map.of("cidrIp", rule.cidr())));
        return out;
    }

    private static Ec2Error notFound(String group) {
        return Ec2Error.client("InvalidGroup.NotFound", "The security group '" + group + "' does not exist");
    }
}
