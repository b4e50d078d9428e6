package org.jnova.compute;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jnova.compute.rpcapi.ComputeMessage.ShelveInstance;
import org.jnova.compute.rpcapi.ComputeMessage.ShelveOffloadInstance;
import org.jnova.compute.rpcapi.ComputeRpcApi;
import org.jnova.conductor.rpcapi.ConductorMessage.UnshelveInstance;
import org.jnova.conductor.rpcapi.ConductorRpcApi;
import org.jnova.context.RequestContext;
import org.jnova.db.ActionStore;
import org.jnova.db.ComputeNodeStore;
import org.jnova.db.InstanceStore;
import org.jnova.db.Transactions;
import org.jnova.exception.Conflict;
import org.jnova.exception.Invalid;
import org.jnova.image.ImagesApi;
import org.jnova.objects.Image;
import org.jnova.objects.Instance;
import org.jnova.objects.TaskStates;
import org.jnova.objects.VmStates;

/**
 * shelve, shelveOffload and unshelve of nova's compute API. Shelving snapshots the server
 * into "&lt;name&gt;-shelved" and, with [DEFAULT] shelved_offload_time = 0 (nova's default),
 * offloads it from its host at once; unshelving an offloaded server schedules it again
 * (to a zone from 2.77, to a host from 2.91).
 */
public final class ShelveApi {
    private final ServersApi servers;
    private final InstanceStore instances;
    private final Transactions mainDb;
    private final ActionStore actions;
    private final ImagesApi images;
    private final ComputeNodeStore nodes;
    private final ComputeRpcApi computeRpc;
    private final ConductorRpcApi conductorRpc;
    private final Settings settings;
    private final java.util.function.Supplier<Set<String>> availableZones;

    /** The zone servers live in and [DEFAULT] shelved_offload_time. */
    public record Settings(String defaultAvailabilityZone, int shelvedOffloadTime) {
    }

    private final RootVolumes rootVolumes;
    private final ServerTransitions transitions;

    public ShelveApi(ServersApi servers, InstanceStore instances, Transactions mainDb, ActionStore actions,
            ImagesApi images, ComputeNodeStore nodes, ComputeRpcApi computeRpc, ConductorRpcApi conductorRpc,
            Settings settings, RootVolumes rootVolumes, java.util.function.Supplier<Set<String>> availableZones) {
        this.rootVolumes = requireNonNull(rootVolumes, "rootVolumes is null");
        this.transitions = new ServerTransitions(servers, instances, mainDb, actions);
        this.availableZones = requireNonNull(availableZones, "availableZones is null");
        this.servers = requireNonNull(servers, "servers is null");
        this.instances = requireNonNull(instances, "instances is null");
        this.mainDb = requireNonNull(mainDb, "mainDb is null");
        this.actions = requireNonNull(actions, "actions is null");
        this.images = requireNonNull(images, "images is null");
        this.nodes = requireNonNull(nodes, "nodes is null");
        this.computeRpc = requireNonNull(computeRpc, "computeRpc is null");
        this.conductorRpc = requireNonNull(conductorRpc, "conductorRpc is null");
        this.settings = requireNonNull(settings, "settings is null");
    }

    public void shelve(RequestContext ctx, String uuid) {
        Instance i = transitions.checked(ctx, uuid, "shelve", Set.of(VmStates.ACTIVE, VmStates.STOPPED,
                VmStates.PAUSED, VmStates.SUSPENDED));
        if (rootVolumes.isVolumeBacked(i)) {
            // nothing to upload: the host offloads at once (nova's shelve of a volume-backed server)
            transitions.start(ctx, i, "shelve", TaskStates.SHELVING,
                    tx -> computeRpc.cast(tx, i.host(), new ShelveOffloadInstance(i.uuid(), ctx.requestId())));
            return;
        }
        Map<String, String> props = new LinkedHashMap<>();
        props.put("instance_uuid", i.uuid());
        props.put("user_id", ctx.userId());
        props.put("image_type", "snapshot");
        props.put("base_image_ref", i.imageRef() == null ? "" : i.imageRef());
        Image image = new Image(UUID.randomUUID().toString(), i.displayName() + "-shelved", "queued", 0, 0, 0, props,
                null, null);
        image = images.createSnapshot(ctx, i.projectId(), image);
        try {
            ShelveInstance shelve = new ShelveInstance(i.uuid(), ctx.requestId(), image.id(),
                    settings.shelvedOffloadTime() == 0);
            transitions.start(ctx, i, "shelve", TaskStates.SHELVING, tx -> computeRpc.cast(tx, i.host(), shelve));
        } catch (RuntimeException e) {
            images.delete(ctx, image.id());
            throw e;
        }
    }

    public void shelveOffload(RequestContext ctx, String uuid) {
        Instance i = transitions.checked(ctx, uuid, "shelveOffload", Set.of(VmStates.SHELVED));
        transitions.start(ctx, i, "shelveOffload", TaskStates.SHELVING_OFFLOADING,
                tx -> computeRpc.cast(tx, i.host(), new ShelveOffloadInstance(i.uuid(), ctx.requestId())));
    }

    /**
     * unshelve. {@code azGiven}: the request named availability_zone (2.77+; null value
     * unpins); {@code host}: 2.91's target host (null: any).
     */
    public void unshelve(RequestContext ctx, String uuid, boolean azGiven, String zone, String host) {
        Instance i = transitions.checked(ctx, uuid, "unshelve", Set.of(VmStates.SHELVED,
                VmStates.SHELVED_OFFLOADED));
        if ((azGiven || host != null) && !VmStates.SHELVED_OFFLOADED.equals(i.vmState())) {
            throw new Conflict("Specifying an availability zone or a host when unshelving server \"" + i.uuid()
                    + "\" with status \"" + i.vmState() + "\" is not supported. The server status must be "
                    + "SHELVED_OFFLOADED.");
        }
        if (azGiven && zone != null && !availableZones.get().contains(zone)) {
            throw new Invalid("The requested availability zone is not available");
        }
        if (host != null && nodes.list().stream().noneMatch(n -> n.host().equals(host))) {
            throw new Invalid("Compute host " + host + " could not be found.");
        }
        transitions.start(ctx, i, "unshelve", TaskStates.UNSHELVING, tx -> {
            if (azGiven) {
                // nova's request spec takes the new zone (null: not pinned any more)
                if (zone == null) {
                    instances.children().deleteMetadata(tx, i.uuid(), Instance.PINNED_ZONE_KEY, true);
                } else {
                    instances.children().updateMetadata(tx, i.uuid(), Map.of(Instance.PINNED_ZONE_KEY, zone), false,
                            true);
                }
            }
            conductorRpc.cast(tx, new UnshelveInstance(i.uuid(), ctx.requestId(), host, ctx));
        });
    }
}
