package org.jnova.compute;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import org.jnova.context.RequestContext;
import org.jnova.db.InstanceStore;
import org.jnova.db.Transactions;
import org.jnova.objects.Instance;
import org.jnova.objects.TaskStates;
import org.jnova.objects.VmStates;

/** Server metadata and tags (os-server-metadata, os-server-tags). */
public final class ServerMetadataApi {
    private static final java.util.Set<String> META_VM_STATES = java.util.Set.of(VmStates.ACTIVE, VmStates.PAUSED,
            VmStates.SUSPENDED, VmStates.STOPPED, VmStates.SHELVED, VmStates.SHELVED_OFFLOADED, VmStates.BUILDING,
            VmStates.RESIZED, VmStates.ERROR, VmStates.RESCUED);
    private final ServersApi servers;
    private final InstanceStore instances;
    private final Transactions mainDb;
    private final Quotas quotas;

    public ServerMetadataApi(ServersApi servers, InstanceStore instances, Transactions mainDb, Quotas quotas) {
        this.servers = requireNonNull(servers, "servers is null");
        this.instances = requireNonNull(instances, "instances is null");
        this.mainDb = requireNonNull(mainDb, "mainDb is null");
        this.quotas = requireNonNull(quotas, "quotas is null");
    }

    public Map<String, String> metadata(RequestContext ctx, String uuid) {
        return servers.get(ctx, uuid).metadata();
    }

    public String item(RequestContext ctx, String uuid, String key) {
        String v = servers.get(ctx, uuid).metadata().get(key);
        if (v == null && !servers.get(ctx, uuid).metadata().containsKey(key)) {
            throw new org.jnova.exception.NotFound("Metadata item was not found");
        }
        return v;
    }

    /** POST (merge, replace=false) or PUT (replace=true) of metadata; returns the result. */
    public Map<String, String> update(RequestContext ctx, String uuid, Map<String, String> items, boolean replace) {
        Instance i = servers.get(ctx, uuid);
        StateGuard.check(i, "update_metadata", META_VM_STATES, null);
        int limit = quotas.limits(i.projectId(), null).get("metadata_items");
        return mainDb.inTransaction(tx -> {
            Map<String, String> current = instances.children().metadata(tx, uuid, false);
            int size = replace ? items.size() : (int) java.util.stream.Stream.concat(current.keySet().stream(),
                    items.keySet().stream()).distinct().count();
            if (limit >= 0 && size > limit) {
                throw new ComputeErrors.MetadataLimitExceeded(limit);
            }
            return instances.children().updateMetadata(tx, uuid, items, replace, false);
        });
    }

    public void deleteItem(RequestContext ctx, String uuid, String key) {
        Instance i = servers.get(ctx, uuid);
        StateGuard.check(i, "delete_metadata", META_VM_STATES, null);
        if (!instances.deleteMetadata(uuid, key, false)) {
            throw new org.jnova.exception.NotFound("Metadata item was not found");
        }
    }

    public List<String> tags(RequestContext ctx, String uuid) {
        return servers.get(ctx, uuid).tags();
    }

    /** PUT /tags/{tag}: true when added, false when already there. Max 50 tags per server. */
    public boolean addTag(RequestContext ctx, String uuid, String tag) {
        Instance i = servers.get(ctx, uuid);
        StateGuard.check(i, "update tag", META_VM_STATES, null);
        return mainDb.inTransaction(tx -> {
            if (!i.tags().contains(tag) && instances.children().tags(tx, uuid).size() >= 50) {
                throw new org.jnova.exception.Invalid("Instance " + uuid + " has too many tags");
            }
            return instances.children().addTag(tx, uuid, tag);
        });
    }

    public List<String> replaceTags(RequestContext ctx, String uuid, List<String> tags) {
        Instance i = servers.get(ctx, uuid);
        StateGuard.check(i, "update tags", META_VM_STATES, null);
        return instances.replaceTags(uuid, tags);
    }

    public void deleteTag(RequestContext ctx, String uuid, String tag) {
        Instance i = servers.get(ctx, uuid);
        StateGuard.check(i, "delete tag", META_VM_STATES, null);
        if (!instances.deleteTag(uuid, tag)) {
            throw new org.jnova.exception.NotFound("Tag " + tag + " could not be found.");
        }
    }

    public void deleteAllTags(RequestContext ctx, String uuid) {
        Instance i = servers.get(ctx, uuid);
        StateGuard.check(i, "delete tags", META_VM_STATES, null);
        instances.deleteAllTags(uuid);
    }

}
