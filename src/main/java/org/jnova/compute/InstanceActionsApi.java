package org.jnova.compute;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import org.jnova.context.RequestContext;
import org.jnova.db.ActionStore;
import org.jnova.exception.NotFound;
import org.jnova.objects.InstanceAction;

/** os-instance-actions: the recorded operations of a server (deleted servers included, as nova 2.21+). */
public final class InstanceActionsApi {
    private final ServersApi servers;
    private final ActionStore actions;

    public InstanceActionsApi(ServersApi servers, ActionStore actions) {
        this.servers = requireNonNull(servers, "servers is null");
        this.actions = requireNonNull(actions, "actions is null");
    }

    public List<InstanceAction> list(RequestContext ctx, String uuid, Integer limit, String markerRequestId) {
        return list(ctx, uuid, limit, markerRequestId, null, null);
    }

    /** A page of a server's actions, newest first, changed within [since, before] (null: unbounded). */
    public List<InstanceAction> list(RequestContext ctx, String uuid, Integer limit, String markerRequestId,
            Instant since, Instant before) {
        servers.get(ctx, uuid, true);
        return actions.list(uuid, limit, markerRequestId, since, before);
    }

    /** One action with events; nova: "Action %(request_id)s on instance %(instance_uuid)s not found". */
    public InstanceAction get(RequestContext ctx, String uuid, String requestId) {
        servers.get(ctx, uuid, true);
        return actions.get(uuid, requestId).orElseThrow(() -> new NotFound("Action " + requestId
                + " on instance " + uuid + " not found"));
    }
}
