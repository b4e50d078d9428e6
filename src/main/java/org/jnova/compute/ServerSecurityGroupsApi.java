package org.jnova.compute;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jnova.context.RequestContext;
import org.jnova.db.InstanceStore;
import org.jnova.db.PortStore;
import org.jnova.db.SecurityGroupStore;
import org.jnova.exception.Conflict;
import org.jnova.exception.NotFound;
import org.jnova.objects.Instance;
import org.jnova.objects.SecurityGroup;

/**
 * A server's security groups: list, addSecurityGroup, removeSecurityGroup. A server's groups
 * are names of its project's groups kept in its system metadata ("security_groups", "default"
 * when unset) — what neutron's port groups are in nova.
 */
public final class ServerSecurityGroupsApi {
    /** System metadata key of a server's groups, comma separated. */
    public static final String KEY = SecurityGroupStore.SERVER_GROUPS_KEY;

    private final ServersApi servers;
    private final InstanceStore instances;
    private final PortStore ports;
    private final SecurityGroupsApi groups;

    public ServerSecurityGroupsApi(ServersApi servers, InstanceStore instances, PortStore ports,
            SecurityGroupsApi groups) {
        this.servers = requireNonNull(servers, "servers is null");
        this.instances = requireNonNull(instances, "instances is null");
        this.ports = requireNonNull(ports, "ports is null");
        this.groups = requireNonNull(groups, "groups is null");
    }

    /** The group names of a server. */
    public static List<String> groups(Instance i) {
        String value = i.systemMetadata().get(KEY);
        return value == null ? List.of("default") : value.isEmpty() ? List.of() : Arrays.asList(value.split(","));
    }

    /** The groups of a server (nova's get_instance_security_groups), from its project's groups. */
    public List<SecurityGroup> list(RequestContext ctx, String uuid) {
        Instance i = servers.get(ctx, uuid);
        List<String> names = groups(i);
        List<SecurityGroup> out = new ArrayList<>();
        for (SecurityGroup g : groups.ofProject(i.projectId())) {
            if (names.contains(g.name())) {
                out.add(g);
            }
        }
        return out;
    }

    public void add(RequestContext ctx, String uuid, String nameOrId) {
        Instance i = servers.get(ctx, uuid);
        SecurityGroup group = find(ctx, nameOrId);
        requirePorts(i);
        List<String> names = new ArrayList<>(groups(i));
        if (!names.contains(group.name())) {
            names.add(group.name());
        }
        save(i, names);
    }

    public void remove(RequestContext ctx, String uuid, String nameOrId) {
        Instance i = servers.get(ctx, uuid);
        SecurityGroup group = find(ctx, nameOrId);
        requirePorts(i);
        List<String> names = new ArrayList<>(groups(i));
        if (!names.remove(group.name())) {
            throw new NotFound("Security group " + nameOrId + " not associated with the instance " + i.uuid());
        }
        save(i, names);
    }

    /** neutron's find by name or id in the caller's project. */
    private SecurityGroup find(RequestContext ctx, String nameOrId) {
        List<SecurityGroup> found = groups.findByNameOrId(ctx, nameOrId);
        if (found.isEmpty()) {
            throw new NotFound("Security group " + nameOrId + " is not found for project "
                    + ctx.projectId().orElse(""));
        }
        if (found.size() > 1) {
            throw new Conflict("Multiple security_group matches found for name '" + nameOrId
                    + "', use an ID to be more specific.");
        }
        return found.get(0);
    }

    private void requirePorts(Instance i) {
        if (ports.ports(i.uuid()).isEmpty()) {
            throw new NotFound("instance_id " + i.uuid() + " could not be found as device id on any ports");
        }
    }

    private void save(Instance i, List<String> names) {
        instances.updateMetadata(i.uuid(), Map.of(KEY, String.join(",", names)), false, true);
    }
}
