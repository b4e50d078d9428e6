package org.jnova.api.ec2.tags;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jnova.api.ec2.protocol.Ec2Action;
import org.jnova.api.ec2.protocol.Ec2Error;
import org.jnova.api.ec2.protocol.Ec2Request;
import org.jnova.api.ec2.protocol.Wildcards;
import org.jnova.compute.ComputeErrors;
import org.jnova.compute.ServerMetadataApi;
import org.jnova.compute.ServersApi;
import org.jnova.context.RequestContext;
import org.jnova.ec2.Ec2Ids;
import org.jnova.objects.Instance;
import org.jnova.objects.InstanceFilter;
import org.jnova.policy.Enforcer;

/**
 * CreateTags, DescribeTags and DeleteTags on instances. As nova's EC2 API did, a tag is an item
 * of the server's metadata (EC2 tags have values, the compute API's server tags do not), so the
 * metadata quota and the server-metadata policy rules apply.
 */
public final class TagsActions {
    private static final String RULE = "os_compute_api:server-metadata:";
    private static final int DESCRIBE_LIMIT = 1000;

    private final ServersApi servers;
    private final ServerMetadataApi metadata;
    private final Ec2Ids ids;
    private final Enforcer enforcer;

    public TagsActions(ServersApi servers, ServerMetadataApi metadata, Ec2Ids ids, Enforcer enforcer) {
        this.servers = requireNonNull(servers, "servers is null");
        this.metadata = requireNonNull(metadata, "metadata is null");
        this.ids = requireNonNull(ids, "ids is null");
        this.enforcer = requireNonNull(enforcer, "enforcer is null");
    }

    public void register(Map<String, Ec2Action> actions) {
        actions.put("CreateTags", this::create);
        actions.put("DeleteTags", this::delete);
        actions.put("DescribeTags", this::describe);
    }

    private Map<String, ?> create(Ec2Request call) {
        RequestContext ctx = call.context();
        List<Instance> resources = resources(call);
        Map<String, String> items = new LinkedHashMap<>();
        for (Map<String, String> tag : call.structures("Tag")) {
            String key = tag.get("Key");
            if (key == null || key.isEmpty()) {
                throw Ec2Error.invalidParameterValue("Tag keys must not be empty");
            }
            items.put(key, tag.getOrDefault("Value", ""));
        }
        if (items.isEmpty()) {
            throw Ec2Error.missingParameter("Tag");
        }
        for (Instance i : resources) {
            enforcer.authorize(ctx, RULE + "create", Map.of("project_id", i.projectId()));
            metadata.update(ctx, i.uuid(), items, false);
        }
        return Map.of("return", true);
    }

    private Map<String, ?> delete(Ec2Request call) {
        RequestContext ctx = call.context();
        List<Instance> resources = resources(call);
        List<Map<String, String>> tags = call.structures("Tag");
        for (Instance i : resources) {
            enforcer.authorize(ctx, RULE + "delete", Map.of("project_id", i.projectId()));
            Map<String, String> current = i.metadata();
            List<String> keys = new ArrayList<>();
            if (tags.isEmpty()) {
                keys.addAll(current.keySet());
            }
            for (Map<String, String> tag : tags) {
                String key = tag.get("Key");
                String value = tag.get("Value");
                if (key != null && current.containsKey(key) && (value == null || value.equals(current.get(key)))) {
                    keys.add(key);
                }
            }
            for (String key : keys) {
                try {
                    metadata.deleteItem(ctx, i.uuid(), key);
                } catch (org.jnova.exception.NotFound e) {
                    // deleted meanwhile
                }
            }
        }
        return Map.of("return", true);
    }

    private Map<String, ?> describe(Ec2Request call) {
        RequestContext ctx = call.context();
        Map<String, List<String>> filters = call.filters();
        for (String name : filters.keySet()) {
            if (!List.of("resource-id", "resource-type", "key", "value").contains(name)) {
                throw Ec2Error.invalidParameterValue("The filter '" + name + "' is invalid");
            }
        }
        enforcer.authorize(ctx, "os_compute_api:servers:index", Map.of("project_id",
                ctx.projectId().orElse("")));
        List<Instance> found = servers.list(ctx, InstanceFilter.builder().projectId(ctx.projectId().orElse(null))
                .build(), List.of(), DESCRIBE_LIMIT, null);
        List<Object> set = new ArrayList<>();
        for (Instance i : found) {
            String resourceId = Ec2Ids.instanceId(i);
            for (Map.Entry<String, String> item : i.metadata().entrySet()) {
                if (matches(filters, "resource-id", resourceId) && matches(filters, "resource-type", "instance")
                        && matches(filters, "key", item.getKey()) && matches(filters, "value", item.getValue())) {
                    Map<String, Object> tag = new LinkedHashMap<>();
                    tag.put("resourceId", resourceId);
                    tag.put("resourceType", "instance");
                    tag.put("key", item.getKey());
                    tag.put("value", item.getValue());
                    set.add(tag);
                }
            }
        }
        return Map.of("tagSet", set);
    }

    private static boolean matches(Map<String, List<String>> filters, String name, String value) {
        List<String> wanted = filters.get(name);
        return wanted == null || wanted.stream().anyMatch(pattern -> Wildcards.matches(pattern, value));
    }

    /** The instances ResourceId.N names; only instances carry tags here. */
    private List<Instance> resources(Ec2Request call) {
        List<String> resourceIds = call.list("ResourceId");
        if (resourceIds.isEmpty()) {
            throw Ec2Error.missingParameter("ResourceId");
        }
        List<Instance> out = new ArrayList<>();
        for (String resourceId : resourceIds) {
            if (!Ec2Ids.wellFormed(resourceId, "i")) {
                throw Ec2Error.client("InvalidID", "The ID '" + resourceId + "' is not valid");
            }
            Optional<String> uuid = ids.instanceUuid(resourceId);
            try {
                out.add(servers.get(call.context(), uuid.orElseThrow(
                        () -> new ComputeErrors.InstanceNotFound(resourceId))));
            } catch (ComputeErrors.InstanceNotFound e) {
                throw Ec2Error.client("InvalidInstanceID.NotFound", "The instance ID '" + resourceId
                        + "' does not exist");
            }
        }
        return out;
    }
}
