package org.jnova.compute;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.UUID;
import org.jnova.compute.rpcapi.ComputeMessage.AllowShare;
import org.jnova.compute.rpcapi.ComputeMessage.DenyShare;
import org.jnova.compute.rpcapi.ComputeRpcApi;
import org.jnova.context.RequestContext;
import org.jnova.db.ActionStore;
import org.jnova.db.DuplicateEntry;
import org.jnova.db.ShareMappingStore;
import org.jnova.db.Transactions;
import org.jnova.exception.Conflict;
import org.jnova.exception.InstanceInvalidState;
import org.jnova.exception.NotFound;
import org.jnova.objects.Instance;
import org.jnova.objects.Share;
import org.jnova.objects.ShareMapping;
import org.jnova.objects.VmStates;
import org.jnova.share.ShareCatalog;

/**
 * Server shares as nova's server_shares API and compute API do them (2.97): a share is
 * attached to or detached from a stopped server (detached also from one in error), must be
 * an available share with an export location and a protocol nova mounts, and at most once
 * per server and tag. The mapping is written "attaching" (or "detaching"), the instance
 * action recorded and allow_share (deny_share) cast to the server's host, which finishes it.
 */
public final class ServerSharesApi {
    private final ShareMappingStore mappings;
    private final ShareCatalog catalog;
    private final ActionStore actions;
    private final ComputeRpcApi computeRpc;
    private final Transactions mainDb;

    public ServerSharesApi(ShareMappingStore mappings, ShareCatalog catalog, ActionStore actions,
            ComputeRpcApi computeRpc, Transactions mainDb) {
        this.mappings = requireNonNull(mappings, "mappings is null");
        this.catalog = requireNonNull(catalog, "catalog is null");
        this.actions = requireNonNull(actions, "actions is null");
        this.computeRpc = requireNonNull(computeRpc, "computeRpc is null");
        this.mainDb = requireNonNull(mainDb, "mainDb is null");
    }

    public List<ShareMapping> list(Instance server) {
        return mappings.list(server.uuid());
    }

    public ShareMapping get(Instance server, String shareId) {
        return mappings.get(server.uuid(), shareId).orElseThrow(() -> shareNotFound(shareId));
    }

    /** Attaches the share; {@code tag} null: the share id. Returns the new "attaching" mapping. */
    public ShareMapping attach(RequestContext ctx, Instance server, String shareId, String tag) {
        if (!VmStates.STOPPED.equals(server.vmState())) {
            throw new InstanceInvalidState("vm_state", server.vmState(), "create share", server.uuid());
        }
        Share share = catalog.get(ctx, shareId).orElseThrow(() -> shareNotFound(shareId));
        if (!"available".equals(share.status())) {
            throw new Conflict("Share " + shareId + " is in '" + share.status() + "' instead of 'available' status.");
        }
        if (share.exportLocation() == null) {
            throw new Conflict("Share " + shareId + " export location is missing.");
        }
        if (!ShareMapping.PROTOCOLS.contains(share.shareProto())) {
            throw new Conflict("Share protocol " + share.shareProto() + " is not supported.");
        }
        String mappingTag = tag != null ? tag : share.id();
        ShareMapping mapping = new ShareMapping(UUID.randomUUID().toString(), server.uuid(), share.id(),
                ShareMapping.ATTACHING, mappingTag, share.exportLocation(), share.shareProto());
        try {
            mainDb.inTransaction(tx -> {
                if (mappings.exists(tx, server.uuid(), share.id(), mappingTag)) {
                    throw alreadyAttached(share.id(), mappingTag);
                }
                mappings.insert(tx, mapping);
                actions.start(tx, server.uuid(), "attach_share", ctx.requestId(), ctx.userId(),
                        ctx.requireProjectId());
                computeRpc.cast(tx, server.host(), new AllowShare(server.uuid(), ctx.requestId(), mapping.uuid()));
                return null;
            });
        } catch (DuplicateEntry e) {
            // two requests raced past the check: the unique indexes keep one
            throw alreadyAttached(share.id(), mappingTag);
        }
        return mapping;
    }

    /** Marks the mapping "detaching" and has the host remove it (at once when the server has no host). */
    public void detach(RequestContext ctx, Instance server, String shareId) {
        if (!VmStates.STOPPED.equals(server.vmState()) && !VmStates.ERROR.equals(server.vmState())) {
            throw new InstanceInvalidState("vm_state", server.vmState(), "delete share", server.uuid());
        }
        ShareMapping mapping = get(server, shareId);
        mainDb.inTransaction(tx -> {
            mappings.setStatus(tx, mapping.uuid(), ShareMapping.DETACHING);
            actions.start(tx, server.uuid(), "detach_share", ctx.requestId(), ctx.userId(), ctx.requireProjectId());
            if (server.host() != null) {
                computeRpc.cast(tx, server.host(), new DenyShare(server.uuid(), ctx.requestId(), mapping.uuid()));
            }
            return null;
        });
        if (server.host() == null) {
            mappings.delete(mapping.uuid());
        }
    }

    private static NotFound shareNotFound(String shareId) {
        return new NotFound("Share " + shareId + " could not be found.");
    }

    private static Conflict alreadyAttached(String shareId, String tag) {
        return new Conflict("Share '" + shareId + "' or tag '" + tag + "' already associated to this server.");
    }
}
