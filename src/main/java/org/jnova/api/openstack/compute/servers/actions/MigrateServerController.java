package org.jnova.api.openstack.compute.servers.actions;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import org.jnova.api.openstack.ApiRequest;
import org.jnova.api.openstack.wsgi.Action;
import org.jnova.api.openstack.wsgi.ExpectedErrors;
import org.jnova.api.openstack.wsgi.RequestSchema;
import org.jnova.api.openstack.wsgi.Response;
import org.jnova.compute.ResizeApi;
import org.jnova.compute.ServersApi;
import org.jnova.exception.Invalid;
import org.jnova.objects.Instance;

/** migrate (cold; a host from 2.56) of nova's migrate_server module. */
public final class MigrateServerController {
    private final ServersApi servers;
    private final ResizeApi resize;

    public MigrateServerController(ServersApi servers, ResizeApi resize) {
        this.servers = requireNonNull(servers, "servers is null");
        this.resize = requireNonNull(resize, "resize is null");
    }

    @Response(202)
    @ExpectedErrors({400, 403, 404, 409})
    @Action("migrate")
    @RequestSchema("migrate")
    public void migrate(ApiRequest req) {
        String id = req.pathParam("id");
        Instance server = servers.get(req.context(), id);
        String host = null;
        JsonNode body = req.body().get("migrate");
        if (req.isSupported("2.56") && body != null && body.hasNonNull("host")) {
            host = body.get("host").asText();
        }
        // Zed's single rule (later nova adds migrate:host for a named host)
        req.authorize("os_compute_api:os-migrate-server:migrate", ActionTargets.project(server));
        if (host != null && host.equals(server.host())) {
            throw new Invalid("Cannot migrate to the host where the server exists.");
        }
        resize.migrate(req.context(), id, host);
    }
}
