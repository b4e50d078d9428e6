package org.jnova.api.openstack.compute.flavoraccess;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jnova.api.openstack.ApiRequest;
import org.jnova.api.openstack.wsgi.ExpectedErrors;
import org.jnova.api.openstack.wsgi.QuerySchema;
import org.jnova.api.openstack.compute.flavors.FlavorsController;
import org.jnova.compute.FlavorsApi;
import org.jnova.exception.NotFound;

/** {@code GET /flavors/{flavor_id}/os-flavor-access}: the projects of a private flavor (nova's flavor_access.py). */
public final class FlavorAccessController {
    private final FlavorsApi flavors;

    public FlavorAccessController(FlavorsApi flavors) {
        this.flavors = requireNonNull(flavors, "flavors is null");
    }

    @ExpectedErrors(404)
    @QuerySchema("index.query")
    public Object index(ApiRequest req) {
        req.authorize("os_compute_api:os-flavor-access");
        String flavorId = req.pathParam("flavor_id");
        if (FlavorsController.visible(flavors, req, flavorId).isPublic()) {
            throw new NotFound("Access list not available for public flavors.");
        }
        return marshall(flavorId, flavors.projects(flavorId));
    }

    /** nova's {"flavor_access": [{"flavor_id", "tenant_id"}, ...]}. */
    static Map<String, Object> marshall(String flavorId, List<String> projects) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String project : projects) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("flavor_id", flavorId);
            row.put("tenant_id", project);
            rows.add(row);
        }
        return Map.of("flavor_access", rows);
    }
}
