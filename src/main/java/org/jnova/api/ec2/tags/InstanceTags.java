package org.jnova.api.ec2.tags;

import static java.util.Objects.requireNonNull;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.jnova.api.ec2.protocol.InstanceLookup;
import org.jnova.compute.ServerMetadataApi;
import org.jnova.compute.ServersApi;
import org.jnova.context.RequestContext;
import org.jnova.ec2.Ec2Ids;
import org.jnova.exception.NotFound;
import org.jnova.objects.Instance;
import org.jnova.objects.InstanceFilter;
import org.jnova.policy.Enforcer;

/**
 * An instance's tags are items of its server metadata, as nova's EC2 API kept them (EC2 tags
 * have values, the compute API's server tags do not): the metadata quota and the
 * server-metadata rules apply.
 */
final class InstanceTags implements ResourceTags {
    private static final String RULE = "os_compute_api:server-metadata:";
    private static final int LIST_LIMIT = 1000;

    private final ServersApi servers;
    private final ServerMetadataApi metadata;
    private final Ec2Ids ids;
    private final Enforcer enforcer;

    InstanceTags(ServersApi servers, ServerMetadataApi metadata, Ec2Ids ids, Enforcer enforcer) {
        this.servers = requireNonNull(servers, "servers is null");
        this.metadata = requireNonNull(metadata, "metadata is null");
        this.ids = requireNonNull(ids, "ids is null");
        this.enforcer = requireNonNull(enforcer, "enforcer is null");
    }

    @Override
    public String type() {
        return "instance";
    }

    @Override
    public String prefix() {
        return "i";
    }

    @Override
    public Tagged find(RequestContext ctx, String ec2Id) {
        return tagged(InstanceLookup.find(servers, ids, ctx, ec2Id));
    }

    @Override
    public List<Tagged> list(RequestContext ctx) {
        enforcer.authorize(ctx, "os_compute_api:servers:index", Map.of("project_id", ctx.projectId().orElse("")));
        return servers.list(ctx, InstanceFilter.builder().projectId(ctx.projectId().orElse(null)).build(), List.of(),
                LIST_LIMIT, null).stream().map(InstanceTags::tagged).toList();
    }

    @Override
    public void add(RequestContext ctx, Tagged resource, Map<String, String> tags) {
        enforcer.authorize(ctx, RULE + "create", Map.of("project_id", resource.projectId()));
        metadata.update(ctx, resource.uuid(), tags, false);
    }

    @Override
    public void remove(RequestContext ctx, Tagged resource, Collection<String> keys) {
        enforcer.authorize(ctx, RULE + "delete", Map.of("project_id", resource.projectId()));
        for (String key : keys) {
            try {
                metadata.deleteItem(ctx, resource.uuid(), key);
            } catch (NotFound e) {
                // deleted meanwhile
            }
        }
    }

    private static Tagged tagged(Instance i) {
        return new Tagged(Ec2Ids.instanceId(i), i.uuid(), i.projectId(), i.metadata());
    }
}
