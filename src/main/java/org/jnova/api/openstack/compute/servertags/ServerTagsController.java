package org.jnova.api.openstack.compute.servertags;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jnova.api.openstack.ApiRequest;
import org.jnova.api.openstack.ApiResult;
import org.jnova.api.openstack.wsgi.ApiVersion;
import org.jnova.api.openstack.wsgi.ExpectedErrors;
import org.jnova.api.openstack.wsgi.RequestSchema;
import org.jnova.api.openstack.wsgi.Response;
import org.jnova.compute.ServerMetadataApi;
import org.jnova.compute.ServersApi;
import org.jnova.exception.InstanceInvalidState;
import org.jnova.exception.Invalid;
import org.jnova.exception.NotFound;
import org.jnova.objects.Instance;
import org.jnova.objects.VmStates;

/** /servers/{server_id}/tags (2.26+): index, show, update, update_all, delete, delete_all. */
public final class ServerTagsController {
    private static final String RULE = "os_compute_api:os-server-tags:";
    private static final int MAX_TAGS = 50;
    private static final Set<String> TAGGABLE = Set.of(VmStates.ACTIVE, VmStates.PAUSED, VmStates.SUSPENDED,
            VmStates.STOPPED);
    private final ServersApi servers;
    private final ServerMetadataApi tags;

    public ServerTagsController(ServersApi servers, ServerMetadataApi tags) {
        this.servers = requireNonNull(servers, "servers is null");
        this.tags = requireNonNull(tags, "tags is null");
    }

    @ApiVersion(min = "2.26")
    @ExpectedErrors(404)
    public Object index(ApiRequest req) {
        return Map.of("tags", server(req, "index").tags());
    }

    @ApiVersion(min = "2.26")
    @Response(204)
    @ExpectedErrors(404)
    public void show(ApiRequest req) {
        Instance i = server(req, "show");
        String tag = req.pathParam("id");
        if (!i.tags().contains(tag)) {
            throw new NotFound("Server " + i.uuid() + " has no tag '" + tag + "'");
        }
    }

    @ApiVersion(min = "2.26")
    @ExpectedErrors({400, 404, 409})
    public Object update(ApiRequest req) {
        Instance i = changeable(req, "update", "update tag");
        String tag = req.pathParam("id");
        if (tag.isEmpty() || tag.length() > 60 || tag.contains("/") || tag.contains(",")) {
            throw new Invalid("Tag '" + tag + "' is invalid. It must be a non empty string without characters '/' "
                    + "and ','. Validation error message: " + tagError(tag));
        }
        if (i.tags().size() >= MAX_TAGS) {
            throw new Invalid("The number of tags exceeded the per-server limit " + MAX_TAGS);
        }
        if (i.tags().contains(tag) || !tags.addTag(req.context(), i.uuid(), tag)) {
            return ApiResult.empty().status(204);
        }
        return ApiResult.empty().status(201).header("Location",
                req.applicationUrl() + "/servers/" + i.uuid() + "/tags/" + tag);
    }

    @ApiVersion(min = "2.26")
    @ExpectedErrors({400, 404, 409})
    @RequestSchema("update_all")
    public Object update_all(ApiRequest req) {
        Instance i = changeable(req, "update_all", "update tags");
        List<String> wanted = new ArrayList<>();
        req.body().path("tags").forEach(t -> {
            if (!wanted.contains(t.asText())) {
                wanted.add(t.asText());
            }
        });
        return Map.of("tags", tags.replaceTags(req.context(), i.uuid(), wanted));
    }

    @ApiVersion(min = "2.26")
    @Response(204)
    @ExpectedErrors({404, 409})
    public void delete(ApiRequest req) {
        Instance i = changeable(req, "delete", "delete tag");
        String tag = req.pathParam("id");
        if (!i.tags().contains(tag)) {
            throw new NotFound("Instance " + i.uuid() + " has no tag '" + tag + "'");
        }
        tags.deleteTag(req.context(), i.uuid(), tag);
    }

    @ApiVersion(min = "2.26")
    @Response(204)
    @ExpectedErrors({404, 409})
    public void delete_all(ApiRequest req) {
        Instance i = changeable(req, "delete_all", "delete tags");
        tags.deleteAllTags(req.context(), i.uuid());
    }

    /**
     * nova finds the server's cell mapping, whatever its project, and authorizes against the
     * mapping's project: another project's server is a policy denial (403), a missing one a 404.
     */
    private Instance server(ApiRequest req, String action) {
        String uuid = req.pathParam("server_id");
        Instance i = servers.findInAnyProject(uuid)
                .orElseThrow(() -> new NotFound("Instance " + uuid + " has no mapping to a cell."));
        req.authorize(RULE + action, Map.of("project_id", i.projectId()));
        return i;
    }

    private Instance changeable(ApiRequest req, String action, String what) {
        Instance i = server(req, action);
        if (!TAGGABLE.contains(i.vmState())) {
            throw new InstanceInvalidState("vm_state", i.vmState(), what, i.uuid());
        }
        return i;
    }

    private static String tagError(String tag) {
        if (tag.isEmpty()) {
            return "'' is too short";
        }
        if (tag.length() > 60) {
            return "'" + tag + "' is too long";
        }
        return "'" + tag + "' does not match '^[^,/]*$'";
    }
}
