package org.jnova.api.openstack.compute.servers.actions;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import org.jnova.api.openstack.ApiResult;
import org.jnova.objects.Image;
import java.util.Map;
import org.jnova.api.openstack.ApiRequest;
import org.jnova.api.openstack.QueryValues;
import org.jnova.api.openstack.wsgi.Action;
import org.jnova.api.openstack.wsgi.ExpectedErrors;
import org.jnova.api.openstack.wsgi.RequestSchema;
import org.jnova.api.openstack.wsgi.Response;
import org.jnova.compute.ServerActionsApi;
import org.jnova.compute.ServersApi;
import org.jnova.objects.Instance;

/**
 * createBackup (nova's create_backup module): a backup image, keeping the newest
 * {@code rotation} backups of its type. Before 2.45 an empty 202 (with Location when
 * rotation &gt; 0), from 2.45 {"image_id": ...}.
 */
public final class CreateBackupController {
    private final ServersApi servers;
    private final ServerActionsApi actions;

    public CreateBackupController(ServersApi servers, ServerActionsApi actions) {
        this.servers = requireNonNull(servers, "servers is null");
        this.actions = requireNonNull(actions, "actions is null");
    }

    @Response(202)
    @ExpectedErrors({400, 403, 404, 409})
    @Action("createBackup")
    @RequestSchema("create_backup")
    public Object createBackup(ApiRequest req) {
        String id = req.pathParam("id");
        Instance server = servers.get(req.context(), id);
        req.authorize("os_compute_api:os-create-backup", ActionTargets.project(server));
        JsonNode entity = req.body().get("createBackup");
        String name = entity.get("name").asText().strip();
        // any size: keeping more backups than an int counts is keeping them all
        int rotation = QueryValues.saturatedInt(QueryValues.pythonInt(entity.get("rotation").asText()).orElseThrow());
        Image image = actions.createBackup(req.context(), id, name, entity.get("backup_type").asText(), rotation,
                ImageMetadata.of(entity));
        if (req.isSupported("2.45")) {
            return Map.of("image_id", image.id());
        }
        ApiResult result = ApiResult.empty();
        if (rotation > 0) {
            result = result.header("Location", req.applicationUrl() + "/images/" + image.id());
        }
        return result;
    }
}
