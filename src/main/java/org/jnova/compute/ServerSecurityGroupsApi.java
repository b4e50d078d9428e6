package org.jnova.compute;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jnova.context.RequestContext;
import org.jnova.db.InstanceStore;
import org.jnova.exception.NotFound;
import org.jnova.objects.Instance;

/**
 * addSecurityGroup / removeSecurityGroup. jnova has no security group service yet: every
 * project has only the group "default", and a server's groups are a list kept in its
 * system metadata ("security_groups", "default" when unset) — what neutron's port groups
 * are in nova.
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
        instances.database().inTransaction(tx -> instances.children().updateMetadata(tx, i.uuid(),
                Map.of(KEY, String.join(",", groups)), false, true));
    }
}
