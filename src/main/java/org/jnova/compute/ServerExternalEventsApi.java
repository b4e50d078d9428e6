package org.jnova.compute;

import static java.util.Objects.requireNonNull;

import org.jnova.context.RequestContext;
import java.util.Optional;
import org.jnova.db.ActionStore;
import org.jnova.db.InstanceStore;
import org.jnova.objects.Instance;
import org.jnova.objects.PowerState;

/** Accepted external events (os-server-external-events) delivered to their servers. */
public final class ServerExternalEventsApi {
    private final InstanceStore instances;
    private final ActionStore actions;

    public ServerExternalEventsApi(InstanceStore instances, ActionStore actions) {
        this.instances = requireNonNull(instances, "instances is null");
        this.actions = requireNonNull(actions, "actions is null");
    }

    /** The server an event names, deleted or not found alike empty; events cross projects, as in nova. */
    public Optional<Instance> server(String uuid) {
        return instances.get(uuid, false);
    }

    /**
     * What nova's compute API and the compute host do with an accepted event: volume-extended
     * records extend_volume; power-update records stop (POWER_OFF) or start (otherwise) and the
     * host's compute_power_update event, which fails with the fake driver (it cannot process
     * power updates) unless the server is busy or already in that power state.
     */
    public void deliver(RequestContext ctx, Instance i, String name, String tag) {
        String action = switch (name) {
            case "volume-extended" -> "extend_volume";
            case "power-update" -> "POWER_OFF".equals(tag) ? "stop" : "start";
            default -> null;
        };
        if (action == null) {
            return;
        }
        actions.start(i.uuid(), action, ctx.requestId(), ctx.userId(), ctx.projectId().orElse(null));
        if ("power-update".equals(name)) {
            int target = "POWER_ON".equals(tag) ? PowerState.RUNNING : PowerState.SHUTDOWN;
            boolean skipped = i.powerState() == target || i.taskState() != null
                    || !"POWER_ON".equals(tag) && !"POWER_OFF".equals(tag);
            actions.eventStart(i.uuid(), ctx.requestId(), "compute_power_update", i.host());
            actions.eventFinish(i.uuid(), ctx.requestId(), "compute_power_update", skipped ? "Success" : "Error",
                    skipped ? null : "NotImplementedError: the fake driver does not handle power update events");
        }
    }
}
