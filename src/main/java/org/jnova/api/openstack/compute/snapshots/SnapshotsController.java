package org.jnova.api.openstack.compute.snapshots;

import static java.util.Objects.requireNonNull;
import static org.jnova.api.openstack.compute.volumes.CinderProxy.optionalText;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.jnova.api.openstack.ApiRequest;
import org.jnova.api.openstack.compute.volumes.Paging;
import org.jnova.api.openstack.wsgi.ApiVersion;
import org.jnova.api.openstack.wsgi.ExpectedErrors;
import org.jnova.api.openstack.wsgi.QuerySchema;
import org.jnova.api.openstack.wsgi.RequestSchema;
import org.jnova.api.openstack.wsgi.Response;
import org.jnova.utils.BoolFromString;
import org.jnova.volume.VolumeApi;

/**
 * os-snapshots, nova's deprecated proxy to the volume service's snapshots (2.1 to 2.35, as
 * the other proxy APIs; 404 after).
 */
public final class SnapshotsController {
    private static final String MAX = "2.35";
    private static final String POLICY = "os_compute_api:os-volumes:snapshots:";
    private final VolumeApi volumes;
    private final Paging paging;

    public SnapshotsController(VolumeApi volumes, Paging paging) {
        this.volumes = requireNonNull(volumes, "volumes is null");
        this.paging = requireNonNull(paging, "paging is null");
    }

    @ApiVersion(min = "2.1", max = MAX)
    @ExpectedErrors({})
    @QuerySchema("index.query")
    public Object index(ApiRequest req) {
        authorize(req, "list");
        return items(req);
    }

    @ApiVersion(min = "2.1", max = MAX)
    @ExpectedErrors({})
    @QuerySchema("detail.query")
    public Object detail(ApiRequest req) {
        authorize(req, "detail");
        return items(req);
    }

    @ApiVersion(min = "2.1", max = MAX)
    @ExpectedErrors(404)
    public Object show(ApiRequest req) {
        authorize(req, "show");
        return Map.of("snapshot", SnapshotView.of(volumes.getSnapshot(req.context(), req.pathParam("id"))));
    }

    /** The catalog's snapshots are always available, so cinder's status refusal (nova's 500) cannot happen. */
    @ApiVersion(min = "2.1", max = MAX)
    @Response(202)
    @ExpectedErrors(404)
    public void delete(ApiRequest req) {
        authorize(req, "delete");
        volumes.deleteSnapshot(req.context(), req.pathParam("id"));
    }

    /**
     * A volume that is missing or not the caller's is a 404 here; nova, which does not expect
     * the volume service's VolumeNotFound in this method, answers it with a 500.
     */
    @ApiVersion(min = "2.1", max = MAX)
    @ExpectedErrors({400, 403, 404})
    @RequestSchema("create")
    public Object create(ApiRequest req) {
        authorize(req, "create");
        JsonNode s = req.body().path("snapshot");
        boolean force = s.has("force") && BoolFromString.isTrue(s.path("force"));
        return Map.of("snapshot", SnapshotView.of(volumes.createSnapshot(req.context(), s.path("volume_id").asText(),
                optionalText(s, "display_name"), optionalText(s, "display_description"), force)));
    }

    private Map<String, Object> items(ApiRequest req) {
        List<Map<String, Object>> out = paging.limited(volumes.getAllSnapshots(req.context()), req).stream()
                .map(SnapshotView::of).toList();
        return Map.of("snapshots", out);
    }

    private static void authorize(ApiRequest req, String rule) {
        req.authorizeProject(POLICY + rule);
    }
}
