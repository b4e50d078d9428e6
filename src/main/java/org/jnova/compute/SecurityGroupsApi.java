package org.jnova.compute;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jnova.context.RequestContext;
import org.jnova.db.SecurityGroupStore;
import org.jnova.exception.Conflict;
import org.jnova.exception.Forbidden;
import org.jnova.exception.Invalid;
import org.jnova.exception.NotFound;
import org.jnova.objects.SecurityGroup;
import org.jnova.objects.SecurityGroupRule;

/**
 * Security groups of the built-in network, as nova's proxy to neutron shows them: per project,
 * each project with a "default" group (made on first use, ingress allowed from its own members),
 * quotas of groups and rules per project as neutron's (negative: none), another project's group
 * unknown.
 */
public final class SecurityGroupsApi {
    private final SecurityGroupStore store;
    private final long groupQuota;
    private final long ruleQuota;

    public SecurityGroupsApi(SecurityGroupStore store, long groupQuota, long ruleQuota) {
        this.store = requireNonNull(store, "store is null");
        this.groupQuota = groupQuota;
        this.ruleQuota = ruleQuota;
    }

    /** neutron's default group of a project: ingress from the group itself over IPv4 and IPv6. */
    public static SecurityGroup defaultGroup(String projectId) {
        String id = stableId("security-group:" + projectId + ":default");
        return new SecurityGroup(id, "default", "Default security group", projectId, List.of(
                new SecurityGroupRule(stableId(id + ":ingress:IPv4"), id, null, null, null, id, null),
                new SecurityGroupRule(stableId(id + ":ingress:IPv6"), id, null, null, null, id, null)));
    }

    private static String stableId(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** The caller's project's groups; every project's for an admin asking for all tenants. */
    public List<SecurityGroup> list(RequestContext ctx, boolean allTenants) {
        ensureDefault(ctx);
        return store.list(ctx.isAdmin() && allTenants ? null : project(ctx));
    }

    /** A project's groups, its default group made if it had none (a server's groups come from them). */
    public List<SecurityGroup> ofProject(String projectId) {
        store.ensureExists(defaultGroup(projectId));
        return store.list(projectId);
    }

    /** A group the caller may see (its project's; any for an admin). */
    public SecurityGroup get(RequestContext ctx, String id) {
        ensureDefault(ctx);
        return store.get(id).filter(g -> visible(ctx, g.projectId()))
                .orElseThrow(() -> new NotFound("Security group " + id + " does not exist"));
    }

    /** The caller's project's groups with that name or id (neutron's find by name or id). */
    public List<SecurityGroup> findByNameOrId(RequestContext ctx, String nameOrId) {
        ensureDefault(ctx);
        List<SecurityGroup> own = store.list(project(ctx));
        List<SecurityGroup> byId = own.stream().filter(g -> g.id().equals(nameOrId)).toList();
        return byId.isEmpty() ? own.stream().filter(g -> g.name().equals(nameOrId)).toList() : byId;
    }

    /** A new group; another group of the project may have its name, as in neutron (except "default"). */
    public SecurityGroup create(RequestContext ctx, String name, String description) {
        ensureDefault(ctx);
        if (name.equals("default")) {
            throw new Forbidden("Default security group already exists.");
        }
        return insert(ctx, name, description, false);
    }

    /**
     * A new group whose name no other group of the project has, "default" included (the EC2
     * API's rule); {@link Conflict} when one has, also when a concurrent create took the name.
     */
    public SecurityGroup createUniquelyNamed(RequestContext ctx, String name, String description) {
        ensureDefault(ctx);
        return insert(ctx, name, description, true);
    }

    private SecurityGroup insert(RequestContext ctx, String name, String description, boolean uniqueName) {
        SecurityGroup group = new SecurityGroup(UUID.randomUUID().toString(), name, description, project(ctx),
                List.of());
        switch (store.create(group, groupQuota, uniqueName)) {
            case OVER_QUOTA -> throw new Forbidden("Quota exceeded for resources: ['security_group'].");
            case NAME_TAKEN -> throw new Conflict("Security group " + name + " already exists");
            case CREATED -> {
            }
        }
        return store.get(group.id()).orElseThrow();
    }

    public SecurityGroup update(RequestContext ctx, SecurityGroup group, String name, String description) {
        if (group.name().equals("default") && !name.equals("default")) {
            throw new Invalid("Updating default security group not allowed.");
        }
        if (!group.name().equals("default") && name.equals("default")) {
            throw new Invalid("Default security group already exists.");
        }
        store.update(group, name, description);
        return store.get(group.id()).orElseThrow(() -> new NotFound("Security group " + group.id()
                + " does not exist"));
    }

    public void delete(RequestContext ctx, SecurityGroup group) {
        if (group.name().equals("default")) {
            throw new Invalid("Insufficient rights for removing default security group.");
        }
        if (!store.delete(group)) {
            throw new Invalid("Security Group " + group.id() + " in use.");
        }
    }

    /** Adds a checked rule (see {@link SecurityGroupRules}) unless the group has one like it. */
    public SecurityGroupRule addRule(RequestContext ctx, SecurityGroup parent, SecurityGroupRules.NewRule rule) {
        for (SecurityGroupRule r : parent.rules()) {
            if (Objects.equals(r.remoteGroupId(), rule.groupId()) && Objects.equals(cidrAsNovaReads(r), rule.cidr())
                    && Objects.equals(SecurityGroupRules.fromPort(r), rule.fromPort())
                    && Objects.equals(SecurityGroupRules.toPort(r), rule.toPort())
                    && Objects.equals(r.protocol(), rule.protocol())) {
                throw new Invalid("This rule already exists in group " + parent.id());
            }
        }
        for (SecurityGroupRule r : parent.rules()) {
            if (rule.sameAs(r)) {
                throw new Forbidden("Security group rule already exists. Rule id is " + r.id() + ".");
            }
        }
        SecurityGroupRule created = rule.toRule(UUID.randomUUID().toString(), parent.id());
        if (!store.addRule(parent.projectId(), created, ruleQuota)) {
            throw new Forbidden("Quota exceeded for resources: ['security_group_rule'].");
        }
        return created;
    }

    /** nova reads a rule without a CIDR as 0.0.0.0/0 when it compares rules. */
    private static String cidrAsNovaReads(SecurityGroupRule r) {
        return r.cidr() == null ? "0.0.0.0/0" : r.cidr();
    }

    /** A rule of a group the caller may see. */
    public SecurityGroupRule getRule(RequestContext ctx, String id) {
        return store.getRule(id).filter(r -> store.get(r.parentGroupId()).map(g -> visible(ctx, g.projectId()))
                .orElse(false)).orElseThrow(() -> new NotFound("Security group rule " + id + " does not exist"));
    }

    public void deleteRule(RequestContext ctx, SecurityGroupRule rule) {
        store.deleteRule(rule.id());
    }

    private void ensureDefault(RequestContext ctx) {
        ctx.projectId().ifPresent(p -> store.ensureExists(defaultGroup(p)));
    }

    private static boolean visible(RequestContext ctx, String projectId) {
        return ctx.isAdmin() || ctx.projectId().map(projectId::equals).orElse(false);
    }

    private static String project(RequestContext ctx) {
        return ctx.projectId().orElse("");
    }
}
