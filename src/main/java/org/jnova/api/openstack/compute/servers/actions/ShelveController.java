package org.jnova.api.openstack.compute.servers.actions;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import org.jnova.api.openstack.ApiRequest;
import org.jnova.api.openstack.wsgi.Action;
import org.jnova.api.openstack.wsgi.ExpectedErrors;
import org.jnova.api.openstack.wsgi.RequestSchema;
import org.jnova.api.openstack.wsgi.Response;
import org.jnova.compute.ServersApi;
import org.jnova.compute.ShelveApi;
import org.jnova.exception.Forbidden;
import org.jnova.objects.Instance;

/**
 * shelve, shelveOffload and unshelve (nova's shelve module; unshelve takes an availability
 * zone from 2.77 and a host from 2.91, the host being admin-only: enforced here for
 * non-admins until the policy engine lands).
 */
public final class ShelveController {
    private static final String UNSHELVE_TO_HOST = "os_compute_api:os-shelve:unshelve_to_host";
    private final ServersApi servers;
    private final ShelveApi shelve;

    public ShelveController(ServersApi servers, ShelveApi shelve) {
        this.servers = requireNonNull(servers, "servers is null");
        this.shelve = requireNonNull(shelve, "shelve is null");
    }

    @Response(202)
    @ExpectedErrors({404, 403, 409, 400})
    @Action("shelve")
    @RequestSchema("shelve")
    public void shelve(ApiRequest req) {
        String id = req.pathParam("id");
        Instance server = servers.get(req.context(), id);
        req.authorize("os_compute_api:os-shelve:shelve", ActionTargets.owner(server));
        shelve.shelve(req.context(), id);
    }

    @Response(202)
    @ExpectedErrors({400, 404, 409})
    @Action("shelveOffload")
    @RequestSchema("shelve_offload")
    public void shelveOffload(ApiRequest req) {
        String id = req.pathParam("id");
        Instance server = servers.get(req.context(), id);
        req.authorize("os_compute_api:os-shelve:shelve_offload", ActionTargets.owner(server));
        shelve.shelveOffload(req.context(), id);
    }

    @Response(202)
    @ExpectedErrors({400, 403, 404, 409})
    @Action("unshelve")
    @RequestSchema("unshelve")
    public void unshelve(ApiRequest req) {
        String id = req.pathParam("id");
        Instance server = servers.get(req.context(), id);
        req.authorize("os_compute_api:os-shelve:unshelve", ActionTargets.project(server));
        JsonNode body = req.body().get("unshelve");
        boolean azGiven = false;
        String zone = null;
        String host = null;
        if (body != null && body.isObject()) {
            if (req.isSupported("2.77") && body.has("availability_zone")) {
                azGiven = true;
                zone = body.get("availability_zone").isNull() ? null : body.get("availability_zone").asText();
            }
            if (req.isSupported("2.91") && body.hasNonNull("host")) {
                host = body.get("host").asText();
                req.authorize(UNSHELVE_TO_HOST, ActionTargets.owner(server));
                if (!req.context().isAdmin()) {
                    throw new Forbidden("Policy doesn't allow " + UNSHELVE_TO_HOST + " to be performed.");
                }
            }
        }
        shelve.unshelve(req.context(), id, azGiven, zone, host);
    }
}
