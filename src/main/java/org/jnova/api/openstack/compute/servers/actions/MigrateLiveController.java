package org.jnova.api.openstack.compute.servers.actions;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import org.jnova.api.openstack.ApiRequest;
import org.jnova.api.openstack.wsgi.Action;
import org.jnova.api.openstack.wsgi.ExpectedErrors;
import org.jnova.api.openstack.wsgi.RequestSchema;
import org.jnova.api.openstack.wsgi.Response;
import org.jnova.compute.MoveApi;
import org.jnova.compute.ServersApi;
import org.jnova.exception.Invalid;
import org.jnova.objects.Instance;
import org.jnova.utils.BoolFromString;

/**
 * os-migrateLive of nova's migrate_server module (block_migration "auto" from 2.25, force
 * 2.30–2.67, asynchronous from 2.34).
 */
public final class MigrateLiveController {
    private final ServersApi servers;
    private final MoveApi moves;

    public MigrateLiveController(ServersApi servers, MoveApi moves) {
        this.servers = requireNonNull(servers, "servers is null");
        this.moves = requireNonNull(moves, "moves is null");
    }

    @Response(202)
    @ExpectedErrors({400, 403, 404, 409})
    @Action("os-migrateLive")
    @RequestSchema("migrate_live")
    public void migrateLive(ApiRequest req) {
        String id = req.pathParam("id");
        Instance server = servers.get(req.context(), id);
        JsonNode body = req.body().get("os-migrateLive");
        String host = body.hasNonNull("host") ? body.get("host").asText() : null;
        // Zed's single rule (later nova adds migrate_live:host for a named host)
        req.authorize("os_compute_api:os-migrate-server:migrate_live", ActionTargets.project(server));
        if (req.isSupported("2.30", "2.67") && body.has("force") && isTrue(body.get("force")) && host == null) {
            throw new Invalid("Can't force to a non-provided destination");
        }
        moves.liveMigrate(req.context(), id, host, req.isSupported("2.34"));
    }

    private static boolean isTrue(JsonNode value) {
        return BoolFromString.isTrue(value);
    }
}
