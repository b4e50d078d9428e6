package org.jnova.compute.manager;

import static java.util.Objects.requireNonNull;

import org.jnova.compute.ExpectedTaskState;
import org.jnova.compute.ResizeApi;
import java.util.Map;
import java.util.Optional;
import org.jnova.compute.rpcapi.ComputeMessage;
import org.jnova.compute.rpcapi.ComputeMessage.ConfirmResize;
import org.jnova.compute.rpcapi.ComputeMessage.ResizeInstance;
import org.jnova.compute.rpcapi.ComputeMessage.RevertResize;
import org.jnova.db.ActionStore;
import org.jnova.db.ComputeNodeStore;
import org.jnova.db.InstanceStore;
import org.jnova.db.InstanceUpdate;
import org.jnova.db.Transactions;
import org.jnova.db.Tx;
import org.jnova.objects.Flavor;
import org.jnova.objects.Instance;
import org.jnova.objects.TaskStates;
import org.jnova.objects.VmStates;
import org.jnova.virt.VirtDriver;

/**
 * The compute host's side of resize and cold migration (nova's prep_resize, resize_instance,
 * finish_resize, confirm_resize, revert_resize, finish_revert_resize): nova's task states
 * and events, the flavor switch, and the resources given back to the node on confirm
 * (old flavor at the source) or revert (new flavor at the destination).
 */
public final class ResizeOperations {
    private final String host;
    private final VirtDriver driver;
    private final InstanceStore instances;
    private final Transactions mainDb;
    private final ActionStore actions;
    private final ComputeNodeStore nodes;
    private final org.jnova.db.MigrationStore migrations;
    private final InstanceActionEvents events;

    public ResizeOperations(String host, VirtDriver driver, InstanceStore instances, Transactions mainDb,
            ActionStore actions, ComputeNodeStore nodes, org.jnova.db.MigrationStore migrations,
            InstanceActionEvents events) {
        this.host = requireNonNull(host, "host is null");
        this.driver = requireNonNull(driver, "driver is null");
        this.instances = requireNonNull(instances, "instances is null");
        this.mainDb = requireNonNull(mainDb, "mainDb is null");
        this.actions = requireNonNull(actions, "actions is null");
        this.nodes = requireNonNull(nodes, "nodes is null");
        this.migrations = requireNonNull(migrations, "migrations is null");
        this.events = requireNonNull(events, "events is null");
    }

    void handle(ComputeMessage.Resizing message) {
        String uuid = message.instanceUuid();
        String requestId = message.requestId();
        if (instances.get(uuid, false).isEmpty()) {
            return;
        }
        switch (message) {
            case ResizeInstance m -> {
                Flavor flavor = m.flavor();
                if (event(uuid, requestId, "compute_prep_resize", i -> {
                    ExpectedTaskState.advance(instances, uuid, TaskStates.RESIZE_PREP, TaskStates.RESIZE_MIGRATING);
                    migrationStatus(uuid, "migrating");
                })
                        && event(uuid, requestId, "compute_resize_instance", i -> {
                            driver.powerOff(i);
                            ExpectedTaskState.advance(instances, uuid,
                                    TaskStates.RESIZE_MIGRATING, TaskStates.RESIZE_MIGRATED);
                            migrationStatus(uuid, "post-migrating");
                        })) {
                    event(uuid, requestId, "compute_finish_resize", i -> finishResize(i, flavor));
                }
            }
            case ConfirmResize m -> event(uuid, requestId, "compute_confirm_resize", this::confirm);
            case RevertResize m -> {
                if (event(uuid, requestId, "compute_revert_resize", this::releaseNewFlavor)) {
                    event(uuid, requestId, "compute_finish_revert_resize", this::finishRevert);
                }
            }
        }
    }

    private boolean event(String uuid, String requestId, String event, InstanceActionEvents.InstanceStep step) {
        return events.run(uuid, requestId, event, InstanceActionEvents.OnFailure.INSTANCE_FAULT, step);
    }

    private void finishResize(Instance instance, Flavor flavor) throws Exception {
        ExpectedTaskState.advance(instances, instance.uuid(), TaskStates.RESIZE_MIGRATED, TaskStates.RESIZE_FINISH);
        boolean wasStopped = VmStates.STOPPED.equals(instance.systemMetadata().get(ResizeApi.OLD_VM_STATE));
        if (!wasStopped) {
            driver.powerOn(instance);
        }
        migrationStatus(instance.uuid(), "finished");
        InstanceUpdate cols = new InstanceUpdate().flavor(flavor);
        cols.vmState(VmStates.RESIZED);
        cols.taskState(null);
        cols.powerState(driver.powerState(instance));
        if (!instances.update(instance.uuid(), cols.expectTaskState(TaskStates.RESIZE_FINISH))) {
            throw new IllegalStateException("Unexpected task state while finishing the resize of " + instance.uuid());
        }
    }

    /** Gives the source node back what the old flavor used and returns to the old vm_state. */
    private void confirm(Instance instance) {
        Map<String, String> sys = instance.systemMetadata();
        Flavor old = InstanceStore.parseFlavor(sys.get(ResizeApi.OLD_FLAVOR));
        migrationStatus(instance.uuid(), "confirmed");
        mainDb.inTransaction(tx -> {
            release(tx, sys.get(ResizeApi.SOURCE_HOST), sys.get(ResizeApi.SOURCE_NODE), old);
            InstanceUpdate cols = new InstanceUpdate();
            cols.vmState(oldVmState(sys));
            cols.taskState(null);
            instances.update(tx, instance.uuid(), cols);
            forget(tx, instance.uuid());
            return null;
        });
    }

    private void releaseNewFlavor(Instance instance) throws Exception {
        driver.powerOff(instance);
        Map<String, String> sys = instance.systemMetadata();
        mainDb.inTransaction(tx -> {
            release(tx, instance.host(), instance.node(), instance.flavor());
            InstanceUpdate cols = new InstanceUpdate();
            cols.host(sys.get(ResizeApi.SOURCE_HOST));
            cols.node(sys.get(ResizeApi.SOURCE_NODE));
            instances.update(tx, instance.uuid(), cols);
            return null;
        });
    }

    private void finishRevert(Instance instance) throws Exception {
        Map<String, String> sys = instance.systemMetadata();
        String vmState = oldVmState(sys);
        if (!VmStates.STOPPED.equals(vmState)) {
            driver.powerOn(instance);
        }
        Flavor old = InstanceStore.parseFlavor(sys.get(ResizeApi.OLD_FLAVOR));
        migrationStatus(instance.uuid(), "reverted");
        mainDb.inTransaction(tx -> {
            InstanceUpdate cols = new InstanceUpdate().flavor(old);
            cols.vmState(vmState);
            cols.taskState(null);
            cols.powerState(driver.powerState(instance));
            instances.update(tx, instance.uuid(), cols);
            forget(tx, instance.uuid());
            return null;
        });
    }

    /** The task states of a resize on its destination before it finished (vm_state still the old one). */
    static final java.util.Set<String> UNFINISHED = java.util.Set.of(TaskStates.RESIZE_PREP,
            TaskStates.RESIZE_MIGRATING, TaskStates.RESIZE_MIGRATED, TaskStates.RESIZE_FINISH);

    /**
     * nova's init_host for a resize this host was carrying out when it died: rolled back. The
     * server returns to its source host and node with its old flavor and vm_state, the
     * destination's claim is given back, the migration is "error", and the guest runs again
     * unless it was stopped before the resize.
     */
    void rollBackInterrupted(Instance bare) {
        Instance instance = instances.get(bare.uuid(), false).orElse(null);
        if (instance == null) {
            return;
        }
        Map<String, String> sys = instance.systemMetadata();
        String vmState = oldVmState(sys);
        String task = instance.taskState();
        boolean rolledBack = mainDb.inTransaction(tx -> {
            InstanceUpdate cols = new InstanceUpdate();
            cols.host(sys.getOrDefault(ResizeApi.SOURCE_HOST, instance.host()));
            cols.node(sys.getOrDefault(ResizeApi.SOURCE_NODE, instance.node()));
            cols.vmState(vmState);
            cols.taskState(null);
            if (!instances.update(tx, instance.uuid(), cols.expectTaskState(task))) {
                return false;
            }
            String claimed = sys.get(ResizeApi.NEW_FLAVOR);
            if (claimed != null) {
                release(tx, instance.host(), instance.node(), InstanceStore.parseFlavor(claimed));
            }
            forget(tx, instance.uuid());
            return true;
        });
        if (!rolledBack) {
            return;
        }
        migrationStatus(instance.uuid(), "error");
        try {
            if (!VmStates.STOPPED.equals(vmState)) {
                driver.powerOn(instance);
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot power on " + instance.uuid() + " after rolling its resize back", e);
        }
        instances.update(instance.uuid(), new InstanceUpdate().powerState(driver.powerState(instance)));
    }

    private void migrationStatus(String uuid, String status) {
        migrations.latest(uuid).ifPresent(m -> migrations.update(m.uuid(), status, null, null));
    }

    private static String oldVmState(Map<String, String> sys) {
        return Optional.ofNullable(sys.get(ResizeApi.OLD_VM_STATE)).orElse(VmStates.ACTIVE);
    }

    private void forget(Tx tx, String uuid) throws java.sql.SQLException {
        for (String key : ResizeApi.KEPT_KEYS) {
            instances.children().deleteMetadata(tx, uuid, key, true);
        }
    }

    private void release(Tx tx, String host, String node, Flavor f) throws java.sql.SQLException {
        if (host != null && node != null) {
            nodes.release(tx, host, node, f.vcpus(), f.memoryMb(), f.diskGb());
        }
    }
}
