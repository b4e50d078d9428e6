package org.jnova.compute;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jnova.context.RequestContext;
import org.jnova.db.InstanceStore;
import org.jnova.exception.NotFound;
import org.jnova.objects.Instance;

/**
 * A server's security groups: list, addSecurityGroup, removeSecurityGroup. jnova has no
 * security group service yet: every project has only the group "default" (as neutron makes
 * it: a stable id per project, ingress allowed from members of the group itself), and a
 * server's groups are a list kept in its system metadata ("security_groups", "default" when
 * unset) — what neutron's port groups are in nova.
 */
public final class ServerSecurityGroupsApi {
    /** System metadata key of a server's groups, comma separated. */
    public static final String KEY = "security_groups";
    private static final List<String> KNOWN = List.of("default");

    private final ServersApi servers;
    private final InstanceStore instances;

    public ServerSecurityGroupsApi(ServersApi servers, InstanceStore instances) {
        this.servers = requireNonNull(servers, "servers is null");
        this.instances = requireNonNull(instances, "instances is null");
    }

    /** The groups of a server. */
    public static List<String> groups(Instance i) {
        String value = i.systemMetadata().get(KEY);
        return value == null ? List.of("default") : value.isEmpty() ? List.of() : Arrays.asList(value.split(","));
    }

    /** A security group in nova's terms: rules are the ingress rules only. */
    public record SecurityGroup(String id, String name, String description, String projectId, List<Rule> rules) {
    }

    /**
     * An ingress rule: null protocol and ports mean any; {@code remoteGroupId} (else
     * {@code cidr}) is where traffic may come from.
     */
    public record Rule(String id, String parentGroupId, String protocol, Integer fromPort, Integer toPort,
            String remoteGroupId, String cidr) {
    }

    /** The groups of a server (nova's get_instance_security_groups), by name. */
    public List<SecurityGroup> list(RequestContext ctx, String uuid) {
        Instance i = servers.get(ctx, uuid);
        List<SecurityGroup> out = new ArrayList<>();
        for (String name : groups(i)) {
            if (name.equals("default")) {
                out.add(defaultGroup(i.projectId()));
            }
        }
        return out;
    }

    /** neutron's default group of a project: ingress from the group itself over IPv4 and IPv6. */
    static SecurityGroup defaultGroup(String projectId) {
        String id = stableId("security-group:" + projectId + ":default");
        return new SecurityGroup(id, "default", "Default security group", projectId, List.of(
                new Rule(stableId(id + ":ingress:IPv4"), id, null, null, null, id, null),
                new Rule(stableId(id + ":ingress:IPv6"), id, null, null, null, id, null)));
    }

    private static String stableId(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }

    public void add(RequestContext ctx, String uuid, String name) {
        Instance i = servers.get(ctx, uuid);
        requireKnown(ctx, name);
        List<String> groups = new ArrayList<>(groups(i));
        if (!groups.contains(name)) {
            groups.add(name);
        }
        save(i, groups);
    }

    public void remove(RequestContext ctx, String uuid, String name) {
        Instance i = servers.get(ctx, uuid);
        requireKnown(ctx, name);
        List<String> groups = new ArrayList<>(groups(i));
        if (!groups.remove(name)) {
            throw new NotFound("Security group " + name + " not associated with the instance " + i.uuid());
        }
        save(i, groups);
    }

    private static void requireKnown(RequestContext ctx, String name) {
        if (!KNOWN.contains(name)) {
            throw new NotFound("Security group " + name + " is not found for project " + ctx.projectId().orElse(""));
        }
    }

    private void save(Instance i, List<String> groups) {
        instances.updateMetadata(i.uuid(), Map.of(KEY, String.join(",", groups)), false, true);
    }
}
