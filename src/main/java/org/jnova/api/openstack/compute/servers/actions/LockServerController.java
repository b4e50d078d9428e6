package org.jnova.api.openstack.compute.servers.actions;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import org.jnova.exception.Forbidden;
import org.jnova.api.openstack.ApiRequest;
import org.jnova.api.openstack.wsgi.Action;
import org.jnova.api.openstack.wsgi.ExpectedErrors;
import org.jnova.api.openstack.wsgi.RequestSchema;
import org.jnova.api.openstack.wsgi.Response;
import org.jnova.compute.ServersApi;
import org.jnova.objects.Instance;

/**
 * lock / unlock (nova's lock_server module; locked_reason from 2.73). Unlocking a server
 * locked by the other side (owner vs admin) needs the unlock_override rule, admin-only by
 * default: enforced here for non-admins until the policy engine lands.
 */
public final class LockServerController {
    private static final String UNLOCK_OVERRIDE = "os_compute_api:os-lock-server:unlock:unlock_override";
    private final ServersApi servers;

    public LockServerController(ServersApi servers) {
        this.servers = requireNonNull(servers, "servers is null");
    }

    @Response(202)
    @ExpectedErrors(404)
    @Action("lock")
    @RequestSchema("lock")
    public void lock(ApiRequest req) {
        String id = req.pathParam("id");
        Instance server = servers.get(req.context(), id);
        req.authorize("os_compute_api:os-lock-server:lock", ActionTargets.owner(server));
        String reason = null;
        JsonNode body = req.body().get("lock");
        if (req.isSupported("2.73") && body != null && body.isObject() && body.hasNonNull("locked_reason")) {
            reason = body.get("locked_reason").asText();
        }
        servers.lock(req.context(), id, true, reason);
    }

    @Response(202)
    @ExpectedErrors(404)
    @Action("unlock")
    @RequestSchema("unlock")
    public void unlock(ApiRequest req) {
        String id = req.pathParam("id");
        Instance server = servers.get(req.context(), id);
        req.authorize("os_compute_api:os-lock-server:unlock", ActionTargets.project(server));
        if (!servers.isExpectedLockedBy(req.context(), server)) {
            req.authorize(UNLOCK_OVERRIDE, ActionTargets.project(server));
            if (!req.context().isAdmin()) {
                throw new Forbidden("Policy doesn't allow " + UNLOCK_OVERRIDE + " to be performed.");
            }
        }
        servers.lock(req.context(), id, false, null);
    }
}
