package org.jnova.api.openstack.compute.volumes;

import static java.util.Objects.requireNonNull;
import static org.jnova.api.openstack.compute.volumes.CinderProxy.optionalText;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jnova.api.openstack.ApiRequest;
import org.jnova.api.openstack.QueryValues;
import org.jnova.api.openstack.ApiResult;
import org.jnova.api.openstack.wsgi.ApiVersion;
import org.jnova.api.openstack.wsgi.ExpectedErrors;
import org.jnova.api.openstack.wsgi.QuerySchema;
import org.jnova.api.openstack.wsgi.RequestSchema;
import org.jnova.api.openstack.wsgi.Response;
import org.jnova.objects.Volume;
import org.jnova.volume.VolumeApi;
import org.jnova.volume.VolumeErrors;
import org.jnova.volume.VolumeRequest;

/** os-volumes, nova's deprecated proxy to the volume service (2.1 to 2.35; 404 after). */
public final class VolumesController {
    private static final String MAX = "2.35";
    private static final String POLICY = "os_compute_api:os-volumes:";
    private final VolumeApi volumes;
    private final Paging paging;

    public VolumesController(VolumeApi volumes, Paging paging) {
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
        return Map.of("volume", VolumeView.of(volumes.get(req.context(), req.pathParam("id"))));
    }

    @ApiVersion(min = "2.1", max = MAX)
    @Response(202)
    @ExpectedErrors({400, 404})
    public void delete(ApiRequest req) {
        authorize(req, "delete");
        volumes.delete(req.context(), req.pathParam("id"));
    }

    @ApiVersion(min = "2.1", max = MAX)
    @ExpectedErrors({400, 403, 404})
    @RequestSchema("create")
    public Object create(ApiRequest req) {
        authorize(req, "create");
        JsonNode v = req.body().path("volume");
        Map<String, String> metadata = new LinkedHashMap<>();
        v.path("metadata").fields().forEachRemaining(e -> metadata.put(e.getKey(),
                e.getValue().isTextual() ? e.getValue().asText() : e.getValue().toString()));
        Volume created = volumes.create(req.context(), new VolumeRequest(size(v.path("size").asText()),
                optionalText(v, "display_name"), optionalText(v, "display_description"),
                optionalText(v, "volume_type"), metadata, optionalText(v, "availability_zone"), null,
                optionalText(v, "snapshot_id")));
        return ApiResult.of(Map.of("volume", VolumeView.of(created)))
                .header("Location", req.applicationUrl() + "/os-volumes/" + created.id());
    }

    /** The size the schema let through; the volume service's own schema stops at its int column. */
    private static int size(String text) {
        java.math.BigInteger size = QueryValues.pythonInt(text).orElseThrow();
        if (size.bitLength() >= Integer.SIZE) {
            throw new org.jnova.volume.VolumeErrors.InvalidInput("Invalid input for field/attribute size. Value: "
                    + text + ". " + size + " is greater than the maximum of " + Integer.MAX_VALUE);
        }
        return size.intValue();
    }

    private Map<String, Object> items(ApiRequest req) {
        List<Map<String, Object>> out = paging.limited(volumes.getAll(req.context()), req).stream()
                .map(VolumeView::of).toList();
        return Map.of("volumes", out);
    }

    private static void authorize(ApiRequest req, String rule) {
        req.authorizeProject(POLICY + rule);
    }
}
