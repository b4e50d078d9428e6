package org.jnova.api.openstack.compute.servers.actions;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import org.jnova.api.openstack.ApiResult;
import org.jnova.objects.Image;
import java.util.Map;
import org.jnova.api.openstack.ApiRequest;
import org.jnova.api.openstack.wsgi.Action;
import org.jnova.api.openstack.wsgi.ExpectedErrors;
import org.jnova.api.openstack.wsgi.RequestSchema;
import org.jnova.api.openstack.wsgi.Response;
import org.jnova.compute.ServerActionsApi;
import org.jnova.compute.ServersApi;
import org.jnova.objects.Instance;

/**
 * createImage of nova's servers module: a snapshot lands in the image catalog. Before 2.45
 * the answer is an empty 202 with a Location header, from 2.45 {"image_id": ...}.
 */
public final class ServerCreateImageController {
    private final ServersApi servers;
    private final ServerActionsApi actions;

    public ServerCreateImageController(ServersApi servers, ServerActionsApi actions) {
        this.servers = requireNonNull(servers, "servers is null");
        this.actions = requireNonNull(actions, "actions is null");
    }

    @Response(202)
    @ExpectedErrors({400, 403, 404, 409})
    @Action("createImage")
    @RequestSchema("create_image")
    public Object createImage(ApiRequest req) {
        String id = req.pathParam("id");
        Instance server = servers.get(req.context(), id);
        req.authorize("os_compute_api:servers:create_image", ActionTargets.project(server));
        if (actions.isVolumeBacked(server)) {
            req.authorize("os_compute_api:servers:create_image:allow_volume_backed", ActionTargets.project(server));
        }
        JsonNode entity = req.body().get("createImage");
        String name = entity.get("name").asText().strip();
        Image image = actions.createImage(req.context(), id, name, ImageMetadata.of(entity));
        if (req.isSupported("2.45")) {
            return Map.of("image_id", image.id());
        }
        // nova names the image service's URL; jnova's image service is its own /images proxy
        return ApiResult.empty().header("Location", req.applicationUrl() + "/images/" + image.id());
    }
}
