package org.jnova.api.openstack.compute.serverdiagnostics;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import org.jnova.api.openstack.ApiRequest;
import org.jnova.api.openstack.wsgi.QuerySchema;
import org.jnova.api.openstack.wsgi.ExpectedErrors;
import org.jnova.compute.ServersApi;
import org.jnova.exception.Conflict;
import org.jnova.exception.InstanceInvalidState;
import org.jnova.objects.Instance;
import org.jnova.objects.PowerState;
import org.jnova.virt.fake.FakeDiagnostics;

/**
 * GET /servers/{server_id}/diagnostics (nova's server_diagnostics.py): the fake driver's
 * legacy dictionary before 2.48, the standard format from 2.48. A server without a host is
 * not ready (409); one whose power state is not running cannot be asked (409).
 */
public final class ServerDiagnosticsController {
    private final ServersApi servers;

    public ServerDiagnosticsController(ServersApi servers) {
        this.servers = requireNonNull(servers, "servers is null");
    }

    @ExpectedErrors({404, 409, 501})
    @QuerySchema("index.query")
    public Object index(ApiRequest req) {
        Instance i = servers.get(req.context(), req.pathParam("server_id"));
        req.authorize("os_compute_api:os-server-diagnostics", Map.of("project_id", i.projectId()));
        if (i.host() == null) {
            throw new Conflict("Instance " + i.uuid() + " is not ready");
        }
        if (i.powerState() != PowerState.RUNNING) {
            throw new InstanceInvalidState("power state", stateName(i.powerState()),
                    "get_diagnostics", i.uuid());
        }
        return req.isSupported("2.48") ? FakeDiagnostics.standard() : FakeDiagnostics.legacy();
    }

    /** nova's power_state.STATE_MAP. */
    private static String stateName(int state) {
        return switch (state) {
            case PowerState.RUNNING -> "running";
            case PowerState.PAUSED -> "paused";
            case PowerState.SHUTDOWN -> "shutdown";
            case PowerState.CRASHED -> "crashed";
            case PowerState.SUSPENDED -> "suspended";
            default -> "pending";
        };
    }
}
