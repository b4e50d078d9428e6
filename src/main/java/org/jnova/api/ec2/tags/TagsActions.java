package org.jnova.api.ec2.tags;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jnova.api.ec2.protocol.Ec2Action;
import org.jnova.api.ec2.protocol.Ec2Error;
import org.jnova.api.ec2.protocol.Ec2Paging;
import org.jnova.api.ec2.protocol.Ec2Request;
import org.jnova.api.ec2.protocol.ViewFilters;
import org.jnova.api.ec2.protocol.Wildcards;
import org.jnova.api.ec2.tags.ResourceTags.Tagged;
import org.jnova.compute.ServerMetadataApi;
import org.jnova.compute.ServersApi;
import org.jnova.context.RequestContext;
import org.jnova.ec2.Ec2Ids;
import org.jnova.policy.Enforcer;
import org.jnova.volume.VolumeApi;

/**
 * CreateTags, DescribeTags and DeleteTags on instances ({@code i-}), volumes ({@code vol-})
 * and snapshots ({@code snap-}). An instance's tags are its server metadata, as nova's EC2 API
 * kept them; a volume's or snapshot's its metadata in the volume service, at most
 * {@value #MAX_TAGS} per resource as on AWS. Every resource named must be the caller's before
 * anything changes.
 */
public final class TagsActions {
    static final int MAX_TAGS = 50;
    private static final Map<String, String> FILTERS = Map.of("resource-id", "resourceId",
            "resource-type", "resourceType", "key", "key", "value", "value");

    /** By id prefix, in the order DescribeTags lists them. */
    private final Map<String, ResourceTags> kinds = new LinkedHashMap<>();

    public TagsActions(ServersApi servers, ServerMetadataApi metadata, VolumeApi volumes, Ec2Ids ids,
            Enforcer enforcer) {
        requireNonNull(servers, "servers is null");
        requireNonNull(metadata, "metadata is null");
        requireNonNull(volumes, "volumes is null");
        requireNonNull(ids, "ids is null");
        requireNonNull(enforcer, "enforcer is null");
        for (ResourceTags kind : List.of(new InstanceTags(servers, metadata, ids, enforcer),
                VolumeServiceTags.volumes(volumes, ids, enforcer),
                VolumeServiceTags.snapshots(volumes, ids, enforcer))) {
            kinds.put(kind.prefix(), kind);
        }
    }

    public void register(Map<String, Ec2Action> actions) {
        actions.put("CreateTags", this::create);
        actions.put("DeleteTags", this::delete);
        actions.put("DescribeTags", this::describe);
    }

    private Map<String, ?> create(Ec2Request call) {
        RequestContext ctx = call.context();
        Map<ResourceTags.Tagged, ResourceTags> resources = resources(call);
        Map<String, String> items = new LinkedHashMap<>();
        for (Map<String, String> tag : call.structures("Tag")) {
            String key = tag.get("Key");
            if (key == null || key.isEmpty()) {
                throw Ec2Error.invalidParameterValue("Tag keys must not be empty");
            }
            if (key.startsWith("aws:")) {
                throw Ec2Error.invalidParameterValue("Tag keys starting with 'aws:' are reserved for internal use");
            }
            items.put(key, tag.getOrDefault("Value", ""));
        }
        if (items.isEmpty()) {
            throw Ec2Error.missingParameter("Tag");
        }
        resources.forEach((resource, kind) -> {
            if (!kind.type().equals("instance")) {
                Map<String, String> after = new HashMap<>(resource.tags());
                after.putAll(items);
                if (after.size() > MAX_TAGS) {
                    throw Ec2Error.client("TagLimitExceeded", "The maximum number of Tags for a resource ("
                            + MAX_TAGS + ") has been reached: " + resource.ec2Id());
                }
            }
        });
        resources.forEach((resource, kind) -> kind.add(ctx, resource, items));
        return Map.of("return", true);
    }

    private Map<String, ?> delete(Ec2Request call) {
        RequestContext ctx = call.context();
        Map<ResourceTags.Tagged, ResourceTags> resources = resources(call);
        List<Map<String, String>> tags = call.structures("Tag");
        resources.forEach((resource, kind) -> {
            Map<String, String> current = resource.tags();
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
            kind.remove(ctx, resource, keys);
        });
        return Map.of("return", true);
    }

    private Map<String, ?> describe(Ec2Request call) {
        RequestContext ctx = call.context();
        Map<String, List<String>> filters = call.filters();
        ViewFilters matching = new ViewFilters(filters, FILTERS);
        Ec2Paging paging = Ec2Paging.read(call, "tags", 1000, false, null, null);
        List<String> types = filters.getOrDefault("resource-type", List.of("*"));
        List<Object> set = new ArrayList<>();
        for (ResourceTags kind : kinds.values()) {
            if (types.stream().noneMatch(type -> Wildcards.matches(type, kind.type()))) {
                continue;
            }
            for (Tagged resource : kind.list(ctx)) {
                for (Map.Entry<String, String> item : new TreeMap<>(resource.tags()).entrySet()) {
                    Map<String, Object> tag = new LinkedHashMap<>();
                    tag.put("resourceId", resource.ec2Id());
                    tag.put("resourceType", kind.type());
                    tag.put("key", item.getKey());
                    tag.put("value", item.getValue());
                    if (matching.test(tag)) {
                        set.add(tag);
                    }
                }
            }
        }
        // a tag's key in a page: its resource, then its key (the NUL sorts before any character)
        return paging.page("tagSet", set, tag -> Ec2Paging.element(tag, "resourceId") + "\u0000"
                + Ec2Paging.element(tag, "key"));
    }

    /**
     * The resources ResourceId.N names, each with its kind, in the order given; an id of no
     * kind tags are kept for is InvalidID, one the caller cannot see its kind's NotFound.
     */
    private Map<Tagged, ResourceTags> resources(Ec2Request call) {
        List<String> resourceIds = call.list("ResourceId");
        if (resourceIds.isEmpty()) {
            throw Ec2Error.missingParameter("ResourceId");
        }
        Map<Tagged, ResourceTags> out = new LinkedHashMap<>();
        for (String resourceId : resourceIds) {
            ResourceTags kind = kinds.values().stream().filter(k -> Ec2Ids.wellFormed(resourceId, k.prefix()))
                    .findFirst().orElseThrow(() -> Ec2Error.client("InvalidID", "The ID '" + resourceId
                            + "' is not valid"));
            out.put(kind.find(call.context(), resourceId), kind);
        }
        return out;
    }
}
