package org.jnova.api.ec2.securitygroups;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jnova.api.ec2.protocol.Ec2Action;
import org.jnova.api.ec2.protocol.Ec2Error;
import org.jnova.api.ec2.protocol.Ec2Paging;
import org.jnova.api.ec2.protocol.Ec2Request;
import org.jnova.api.ec2.protocol.ViewFilters;
import org.jnova.compute.SecurityGroupRules;
import org.jnova.compute.SecurityGroupRules.NewRule;
import org.jnova.compute.SecurityGroupsApi;
import org.jnova.exception.Conflict;
import org.jnova.exception.Forbidden;
import org.jnova.exception.Invalid;
import org.jnova.objects.SecurityGroup;
import org.jnova.objects.SecurityGroupRule;
import org.jnova.policy.Enforcer;

/**
 * The compute API's security groups of the caller's project, with its rules and quotas:
 * DescribeSecurityGroups ({@code GroupName.N}, {@code GroupId.N}), CreateSecurityGroup,
 * DeleteSecurityGroup (by {@code GroupName} or {@code GroupId}) and
 * Authorize/RevokeSecurityGroupIngress ({@code IpPermissions.N} or the legacy flat parameters).
 * Rules are ingress permissions; an unknown group is {@code InvalidGroup.NotFound}. The compute
 * API's groups have no egress rules: {@code ipPermissionsEgress} is always empty and the egress
 * calls, which nova's EC2 API never had, are {@code UnsupportedOperation}.
 */
public final class SecurityGroupsActions {
    /** DescribeSecurityGroups' filters and the element each reads. */
    private static final Map<String, String> FILTERS = Map.ofEntries(Map.entry("group-name", "groupName"),
            Map.entry("group-id", "groupId"), Map.entry("description", "groupDescription"),
            Map.entry("owner-id", "ownerId"), Map.entry("ip-permission.protocol", "ipPermissions.ipProtocol"),
            Map.entry("ip-permission.from-port", "ipPermissions.fromPort"),
            Map.entry("ip-permission.to-port", "ipPermissions.toPort"),
            Map.entry("ip-permission.cidr", "ipPermissions.ipRanges.cidrIp"),
            Map.entry("ip-permission.group-id", "ipPermissions.groups.groupId"),
            Map.entry("ip-permission.group-name", "ipPermissions.groups.groupName"),
            Map.entry("ip-permission.user-id", "ipPermissions.groups.userId"),
            Map.entry("egress.ip-permission.protocol", "ipPermissionsEgress.ipProtocol"),
            Map.entry("egress.ip-permission.from-port", "ipPermissionsEgress.fromPort"),
            Map.entry("egress.ip-permission.to-port", "ipPermissionsEgress.toPort"),
            Map.entry("egress.ip-permission.cidr", "ipPermissionsEgress.ipRanges.cidrIp"),
            Map.entry("egress.ip-permission.group-id", "ipPermissionsEgress.groups.groupId"),
            Map.entry("egress.ip-permission.group-name", "ipPermissionsEgress.groups.groupName"));

    private final SecurityGroupsApi groups;
    private final Enforcer enforcer;

    public SecurityGroupsActions(SecurityGroupsApi groups, Enforcer enforcer) {
        this.groups = requireNonNull(groups, "groups is null");
        this.enforcer = requireNonNull(enforcer, "enforcer is null");
    }

    public void register(Map<String, Ec2Action> actions) {
        actions.put("DescribeSecurityGroups", this::describe);
        actions.put("CreateSecurityGroup", this::create);
        actions.put("DeleteSecurityGroup", this::delete);
        actions.put("AuthorizeSecurityGroupIngress", call -> changeIngress(call, true));
        actions.put("RevokeSecurityGroupIngress", call -> changeIngress(call, false));
        actions.put("AuthorizeSecurityGroupEgress", SecurityGroupsActions::egress);
        actions.put("RevokeSecurityGroupEgress", SecurityGroupsActions::egress);
    }

    /** nova's EC2 API had no egress calls: the compute API's groups filter incoming traffic only. */
    private static Map<String, ?> egress(Ec2Request call) {
        throw Ec2Error.client("UnsupportedOperation", "The security groups of this cloud have no egress rules: "
                + call.action() + " is not supported");
    }

    private Map<String, ?> describe(Ec2Request call) {
        enforcer.authorize(call.context(), "os_compute_api:os-security-groups:get",
                Map.of("project_id", call.context().projectId().orElse("")));
        ViewFilters filters = new ViewFilters(call.filters(), FILTERS, "tagSet");
        Ec2Paging paging = Ec2Paging.read(call, "securitygroups", 1000, false, "GroupId", "groupIdSet");
        if (paging.maxResults() != null && !call.list("GroupName").isEmpty()) {
            throw Ec2Error.client("InvalidParameterCombination", "The parameter groupNameSet cannot be used with "
                    + "the parameter maxResults");
        }
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
                Map<String, Object> view = view(group, all);
                if (filters.test(view)) {
                    info.add(view);
                }
            }
        }
        return paging.page("securityGroupInfo", info, g -> Ec2Paging.element(g, "groupId"));
    }

    private Map<String, ?> create(Ec2Request call) {
        authorize(call, "create");
        String name = call.required("GroupName");
        String description = call.required("GroupDescription");
        checkText("GroupName", name);
        checkText("GroupDescription", description);
        SecurityGroup group;
        try {
            group = groups.createUniquelyNamed(call.context(), name, description);
        } catch (Conflict e) {
            throw Ec2Error.client("InvalidGroup.Duplicate", "The security group '" + name + "' already exists");
        } catch (Forbidden e) {
            throw Ec2Error.client("SecurityGroupLimitExceeded", e.getMessage());
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("return", true);
        out.put("groupId", group.id());
        return out;
    }

    private Map<String, ?> delete(Ec2Request call) {
        authorize(call, "delete");
        SecurityGroup group = named(call, call.param("GroupName"), call.param("GroupId"));
        if (group.name().equals("default")) {
            throw Ec2Error.client("CannotDelete", "The default security group cannot be deleted");
        }
        try {
            groups.delete(call.context(), group);
        } catch (Invalid e) {
            throw Ec2Error.client("DependencyViolation", "The security group '" + group.id()
                    + "' is in use by an instance");
        }
        return Map.of("return", true);
    }

    /** Adds ({@code authorize}) or removes every rule the permissions describe, all or none. */
    private Map<String, ?> changeIngress(Ec2Request call, boolean authorize) {
        authorize(call, authorize ? "rule:create" : "rule:delete");
        SecurityGroup group = named(call, call.param("GroupName"), call.param("GroupId"));
        List<SecurityGroup> all = groups.list(call.context(), false);
        List<NewRule> rules = new ArrayList<>();
        for (Map<String, String> permission : permissions(call)) {
            rules.addAll(rules(call, permission, all));
        }
        if (rules.isEmpty()) {
            throw Ec2Error.missingParameter("IpPermissions");
        }
        if (authorize) {
            for (NewRule rule : rules) {
                if (group.rules().stream().anyMatch(r -> matches(rule, r))) {
                    throw Ec2Error.client("InvalidPermission.Duplicate", "The specified rule already exists in "
                            + "security group '" + group.id() + "'");
                }
            }
            for (NewRule rule : rules) {
                try {
                    groups.addRule(call.context(), groups.get(call.context(), group.id()), rule);
                } catch (Forbidden e) {
                    throw Ec2Error.client("RulesPerSecurityGroupLimitExceeded", e.getMessage());
                } catch (Invalid e) {
                    throw Ec2Error.client("InvalidPermission.Duplicate", e.getMessage());
                }
            }
        } else {
            List<SecurityGroupRule> found = new ArrayList<>();
            for (NewRule rule : rules) {
                found.add(group.rules().stream().filter(r -> matches(rule, r)).findFirst().orElseThrow(() ->
                        Ec2Error.client("InvalidPermission.NotFound", "The specified rule does not exist in this "
                                + "security group.")));
            }
            for (SecurityGroupRule rule : found) {
                groups.deleteRule(call.context(), rule);
            }
        }
        return Map.of("return", true);
    }

    /** {@code IpPermissions.N.*}, else the legacy flat parameters as one permission. */
    private static List<Map<String, String>> permissions(Ec2Request call) {
        List<Map<String, String>> listed = call.structures("IpPermissions");
        if (!listed.isEmpty()) {
            return listed;
        }
        Map<String, String> flat = new LinkedHashMap<>();
        call.param("IpProtocol").ifPresent(v -> flat.put("IpProtocol", v));
        call.param("FromPort").ifPresent(v -> flat.put("FromPort", v));
        call.param("ToPort").ifPresent(v -> flat.put("ToPort", v));
        call.param("CidrIp").ifPresent(v -> flat.put("IpRanges.1.CidrIp", v));
        call.param("SourceSecurityGroupName").ifPresent(v -> flat.put("Groups.1.GroupName", v));
        call.param("SourceSecurityGroupId").ifPresent(v -> flat.put("Groups.1.GroupId", v));
        return flat.isEmpty() ? List.of() : List.of(flat);
    }

    /** The rules of one permission: one per CIDR and per source group (none given: 0.0.0.0/0). */
    private static List<NewRule> rules(Ec2Request call, Map<String, String> permission, List<SecurityGroup> all) {
        String protocol = protocol(permission.get("IpProtocol"));
        String from = permission.get("FromPort");
        String to = permission.get("ToPort");
        List<String> cidrs = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        permission.forEach((key, value) -> {
            if (key.matches("(IpRanges|Ipv6Ranges)\\.\\d+\\.CidrIpv?6?")) {
                cidrs.add(value);
            } else if (key.matches("Groups\\.\\d+\\.GroupId")) {
                sources.add(source(all, null, value).id());
            } else if (key.matches("Groups\\.\\d+\\.GroupName")
                    && !permission.containsKey(key.replace("GroupName", "GroupId"))) {
                sources.add(source(all, value, null).id());
            }
        });
        if (cidrs.isEmpty() && sources.isEmpty()) {
            cidrs.add("0.0.0.0/0");
        }
        if ("-1".equals(from) && "-1".equals(to) && protocol != null && !protocol.equals("icmp")) {
            from = null;
            to = null;
        }
        List<NewRule> out = new ArrayList<>();
        try {
            for (String cidr : cidrs) {
                out.add(rule(null, SecurityGroupRules.parseCidr(cidr), protocol, from, to));
            }
            for (String source : sources) {
                out.add(rule(source, null, protocol, from, to));
            }
        } catch (Invalid e) {
            throw Ec2Error.invalidParameterValue(e.getMessage());
        }
        return out;
    }

    private static NewRule rule(String source, String cidr, String protocol, String from, String to) {
        if (protocol == null) {
            // "-1": every protocol, every port
            return new NewRule(source, cidr, null, null, null);
        }
        if (source == null && (from == null || to == null)) {
            if (!protocol.equals("icmp")) {
                from = from == null ? "1" : from;
                to = to == null ? "65535" : to;
            } else {
                from = from == null ? "-1" : from;
                to = to == null ? "-1" : to;
            }
        }
        NewRule rule = SecurityGroupRules.build(source, cidr, protocol, from, to);
        if (rule == null) {
            throw Ec2Error.invalidParameterValue("Not enough parameters to build a valid rule");
        }
        SecurityGroupRules.checkPrefix(rule);
        return rule;
    }

    /** tcp, udp, icmp (or 6, 17, 1); -1 (or absent) for all: null. */
    private static String protocol(String text) {
        if (text == null || text.equals("-1") || text.equalsIgnoreCase("all")) {
            return null;
        }
        return switch (text.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "tcp", "6" -> "tcp";
            case "udp", "17" -> "udp";
            case "icmp", "1" -> "icmp";
            default -> throw Ec2Error.invalidParameterValue("Invalid IP protocol " + text + ".");
        };
    }

    /**
     * Whether a group's rule is the one asked for: ports -1 and absent alike, a TCP or UDP rule
     * kept without ports read as 1-65535 (as nova shows it).
     */
    private static boolean matches(NewRule wanted, SecurityGroupRule r) {
        String protocol = wanted.protocol() == null ? null : wanted.protocol().toLowerCase(java.util.Locale.ROOT);
        return java.util.Objects.equals(protocol, r.protocol())
                && java.util.Objects.equals(port(wanted.fromPort()), port(SecurityGroupRules.fromPort(r)))
                && java.util.Objects.equals(port(wanted.toPort()), port(SecurityGroupRules.toPort(r)))
                && java.util.Objects.equals(wanted.groupId(), r.remoteGroupId())
                && (wanted.groupId() != null || java.util.Objects.equals(wanted.cidr(), r.cidr()));
    }

    private static Integer port(Integer port) {
        return port == null || port == -1 ? null : port;
    }

    private static SecurityGroup source(List<SecurityGroup> all, String name, String id) {
        return all.stream().filter(g -> id != null ? g.id().equals(id) : g.name().equals(name)).findFirst()
                .orElseThrow(() -> notFound(id != null ? id : name));
    }

    /** The caller's group named by {@code GroupId} or, without one, {@code GroupName}. */
    private SecurityGroup named(Ec2Request call, java.util.Optional<String> name, java.util.Optional<String> id) {
        if (name.isEmpty() && id.isEmpty()) {
            throw Ec2Error.missingParameter("GroupName");
        }
        return source(groups.list(call.context(), false), name.orElse(null), id.orElse(null));
    }

    /** nova's ec2_strict_validation off: any printable text up to 255 characters, not empty. */
    private static void checkText(String name, String value) {
        if (value.isBlank() || value.length() > 255) {
            throw Ec2Error.invalidParameterValue("Value (" + value + ") for parameter " + name + " is invalid. "
                    + "Length must be between 1 and 255 characters");
        }
    }

    private void authorize(Ec2Request call, String rule) {
        enforcer.authorize(call.context(), "os_compute_api:os-security-groups:" + rule,
                Map.of("project_id", call.context().projectId().orElse("")));
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
