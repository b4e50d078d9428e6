package org.jnova.api.openstack.compute.servers.actions;

import static java.util.Objects.requireNonNull;

import org.jnova.api.openstack.wsgi.ApiVersion;
import org.jnova.api.openstack.ApiRequest;
import org.jnova.api.openstack.wsgi.Action;
import org.jnova.api.openstack.wsgi.ExpectedErrors;
import org.jnova.api.openstack.wsgi.RequestSchema;
import org.jnova.api.openstack.wsgi.Response;
import org.jnova.compute.ServerActionsApi;
import org.jnova.compute.ServersApi;
import org.jnova.objects.Instance;

/** trigger_crash_dump (2.17) of nova's servers module. */
public final class ServerCrashDumpController {
    private final ServersApi servers;
    private final ServerActionsApi actions;

    public ServerCrashDumpController(ServersApi servers, ServerActionsApi actions) {
        this.servers = requireNonNull(servers, "servers is null");
        this.actions = requireNonNull(actions, "actions is null");
    }

    @ApiVersion(min = "2.17")
    @Response(202)
    @ExpectedErrors({400, 404, 409})
    @Action("trigger_crash_dump")
    @RequestSchema("trigger_crash_dump")
    public void triggerCrashDump(ApiRequest req) {
        String id = req.pathParam("id");
        Instance server = servers.get(req.context(), id);
        req.authorize("os_compute_api:servers:trigger_crash_dump", ActionTargets.owner(server));
        actions.triggerCrashDump(req.context(), id);
    }
}
