package org.jnova.api.openstack.compute.servers;

import static java.util.Objects.requireNonNull;

import java.util.Locale;
import java.util.Map;
import org.jnova.api.openstack.ApiRequest;
import org.jnova.api.openstack.wsgi.Action;
import org.jnova.api.openstack.wsgi.ExpectedErrors;
import org.jnova.api.openstack.wsgi.RequestSchema;
import org.jnova.api.openstack.wsgi.Response;
import org.jnova.compute.ServersApi;
import org.jnova.objects.Instance;

/** The actions nova's servers module itself serves and the backend can do: reboot, os-start, os-stop. */
public final class ServerActionsController {
    private final ServersApi servers;

    public ServerActionsController(ServersApi servers) {
        this.servers = requireNonNull(servers, "servers is null");
    }

    @Action("reboot")
    @Response(202)
    @ExpectedErrors({404, 409})
    @RequestSchema("reboot")
    public void reboot(ApiRequest req) {
        Instance i = servers.get(req.context(), req.pathParam("id"));
        req.authorize("os_compute_api:servers:reboot", Map.of("project_id", i.projectId()));
        String type = req.body().path("reboot").path("type").asText().toUpperCase(Locale.ROOT);
        servers.reboot(req.context(), i.uuid(), type.equals("HARD"));
    }

    @Action("os-start")
    @Response(202)
    @ExpectedErrors({404, 409})
    @RequestSchema("start_server")
    public void start(ApiRequest req) {
        Instance i = servers.get(req.context(), req.pathParam("id"));
        req.authorize("os_compute_api:servers:start", Map.of("project_id", i.projectId()));
        servers.start(req.context(), i.uuid());
    }

    @Action("os-stop")
    @Response(202)
    @ExpectedErrors({404, 409})
    @RequestSchema("stop_server")
    public void stop(ApiRequest req) {
        Instance i = servers.get(req.context(), req.pathParam("id"));
        req.authorize("os_compute_api:servers:stop", Map.of("project_id", i.projectId()));
        servers.stop(req.context(), i.uuid());
    }
}
