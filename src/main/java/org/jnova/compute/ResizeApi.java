package org.jnova.compute;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.Set;
import org.jnova.compute.rpcapi.ComputeMessage.ConfirmResize;
import org.jnova.compute.rpcapi.ComputeMessage.RevertResize;
import org.jnova.compute.rpcapi.ComputeRpcApi;
import org.jnova.conductor.rpcapi.ConductorMessage.MigrateServer;
import org.jnova.conductor.rpcapi.ConductorRpcApi;
import org.jnova.context.RequestContext;
import org.jnova.db.ActionStore;
import org.jnova.db.ComputeNodeStore;
import org.jnova.db.InstanceStore;
import org.jnova.db.Transactions;
import org.jnova.exception.Invalid;
import org.jnova.objects.Flavor;
import org.jnova.objects.Instance;
import org.jnova.objects.TaskStates;
import org.jnova.objects.VmStates;

/**
 * resize, migrate (cold), confirmResize and revertResize of nova's compute API. resize and
 * migrate set resize_prep and ask the conductor to place the server (away from its host
 * unless [DEFAULT] allow_resize_to_same_host); the host then moves it to RESIZED (the
 * server's old flavor, host and vm_state kept in system metadata) until it is confirmed or
 * reverted.
 */
public final class ResizeApi {
    /** System metadata keys kept while a server is resized. */
    public static final String OLD_FLAVOR = "resize_old_flavor";
    public static final String OLD_VM_STATE = "old_vm_state";
    public static final String SOURCE_HOST = "resize_source_host";
    public static final String SOURCE_NODE = "resize_source_node";
    /** The flavor the destination claimed for, so an interrupted resize can give the claim back. */
    public static final String NEW_FLAVOR = "resize_new_flavor";
    /** Every key above: all are dropped when the resize ends. */
    public static final java.util.List<String> KEPT_KEYS = java.util.List.of(OLD_FLAVOR, OLD_VM_STATE, SOURCE_HOST,
            SOURCE_NODE, NEW_FLAVOR);

    private final ServersApi servers;
    private final InstanceStore instances;
    private final Transactions mainDb;
    private final FlavorsApi flavors;
    private final Quotas quotas;
    private final ActionStore actions;
    private final ComputeNodeStore nodes;
    private final ComputeRpcApi computeRpc;
    private final ConductorRpcApi conductorRpc;

    private final RootVolumes rootVolumes;
    private final ServerTransitions transitions;

    public ResizeApi(ServersApi servers, InstanceStore instances, Transactions mainDb, FlavorsApi flavors,
            Quotas quotas, ActionStore actions, ComputeNodeStore nodes, ComputeRpcApi computeRpc,
            ConductorRpcApi conductorRpc, RootVolumes rootVolumes) {
        this.rootVolumes = requireNonNull(rootVolumes, "rootVolumes is null");
        this.transitions = new ServerTransitions(servers, instances, mainDb, actions);
        this.servers = requireNonNull(servers, "servers is null");
        this.instances = requireNonNull(instances, "instances is null");
        this.mainDb = requireNonNull(mainDb, "mainDb is null");
        this.flavors = requireNonNull(flavors, "flavors is null");
        this.quotas = requireNonNull(quotas, "quotas is null");
        this.actions = requireNonNull(actions, "actions is null");
        this.nodes = requireNonNull(nodes, "nodes is null");
        this.computeRpc = requireNonNull(computeRpc, "computeRpc is null");
        this.conductorRpc = requireNonNull(conductorRpc, "conductorRpc is null");
    }

    /**
     * resize to the flavor with id {@code flavorRef}. A private flavor the caller's project
     * was not given is not found, as on create (nova itself looks the flavor up with an
     * admin context here). The cores/ram the new flavor adds are checked against the quota.
     */
    public void resize(RequestContext ctx, String uuid, String flavorRef) {
        resize(ctx, uuid, flavorRef, null);
    }

    /**
     * As above with the requested OS-DCF:diskConfig ({@code autoDiskConfig}, null: not given,
     * which as in nova leaves the resized server MANUAL).
     */
    public void resize(RequestContext ctx, String uuid, String flavorRef, Boolean autoDiskConfig) {
        Instance i = transitions.checked(ctx, uuid, "resize", Set.of(VmStates.ACTIVE, VmStates.STOPPED));
        Flavor flavor;
        try {
            flavor = flavors.get(flavorRef, ctx.projectId().orElse(null), ctx.isAdmin());
        } catch (ComputeErrors.FlavorNotFound e) {
            throw new Invalid(e.getMessage());
        }
        if (flavor.disabled()) {
            throw new Invalid("Flavor " + flavorRef + " could not be found.");
        }
        if (flavor.id() == i.flavor().id() || flavor.flavorId().equals(i.flavor().flavorId())) {
            throw new Invalid("When resizing, instances must change flavor!");
        }
        if (flavor.rootGb() == 0 && i.flavor().rootGb() != 0 && !rootVolumes.isVolumeBacked(i)) {
            throw new Invalid("Server disk was unable to be resized because: Resize to zero disk flavor is not "
                    + "allowed.");
        }
        quotas.checkUpsize(i.projectId(), i.userId(), i.flavor(), flavor);
        start(ctx, i, "resize", flavor, null, AutoDiskConfig.forResize(autoDiskConfig, i));
    }

    /** migrate (cold); {@code host} (2.56, admin) names the destination. */
    public void migrate(RequestContext ctx, String uuid, String host) {
        Instance i = transitions.checked(ctx, uuid, "migrate", Set.of(VmStates.ACTIVE, VmStates.STOPPED));
        if (host != null && nodes.list().stream().noneMatch(n -> n.host().equals(host))) {
            throw new Invalid("Compute host " + host + " could not be found.");
        }
        start(ctx, i, "migrate", i.flavor(), host, AutoDiskConfig.forResize(null, i));
    }

    public void confirmResize(RequestContext ctx, String uuid) {
        Instance i = transitions.checked(ctx, uuid, "confirmResize", Set.of(VmStates.RESIZED));
        mainDb.inTransaction(tx -> {
            actions.start(tx, i.uuid(), "confirmResize", ctx.requestId(), ctx.userId(), ctx.requireProjectId());
            computeRpc.cast(tx, i.systemMetadata().getOrDefault(SOURCE_HOST, i.host()),
                    new ConfirmResize(i.uuid(), ctx.requestId()));
            return null;
        });
    }

    /** revertResize; going back to a bigger flavor is checked against the quota, as nova does. */
    public void revertResize(RequestContext ctx, String uuid) {
        Instance i = transitions.checked(ctx, uuid, "revertResize", Set.of(VmStates.RESIZED));
        String old = i.systemMetadata().get(OLD_FLAVOR);
        if (old != null) {
            quotas.checkUpsize(i.projectId(), i.userId(), i.flavor(), InstanceStore.parseFlavor(old));
        }
        transitions.start(ctx, i, "revertResize", TaskStates.RESIZE_REVERTING,
                tx -> computeRpc.cast(tx, i.host(), new RevertResize(i.uuid(), ctx.requestId())));
    }

    /** nova's resize, which a cold migration also is, sets auto_disk_config to what was asked or False. */
    private void start(RequestContext ctx, Instance i, String action, Flavor flavor, String host,
            String autoDiskConfig) {
        transitions.start(ctx, i, action, TaskStates.RESIZE_PREP, tx -> {
            instances.children().updateMetadata(tx, i.uuid(), Map.of(Instance.AUTO_DISK_CONFIG_KEY, autoDiskConfig),
                    false, true);
            conductorRpc.cast(tx, new MigrateServer(i.uuid(), ctx.requestId(), flavor, action, ctx.userId(),
                    ctx.requireProjectId(), host));
        });
    }
}
