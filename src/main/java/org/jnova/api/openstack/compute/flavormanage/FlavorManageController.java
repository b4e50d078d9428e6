package org.jnova.api.openstack.compute.flavormanage;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.jnova.api.openstack.ApiRequest;
import org.jnova.api.openstack.QueryValues;
import org.jnova.api.openstack.compute.flavors.FlavorView;
import org.jnova.api.openstack.compute.flavors.FlavorsController;
import org.jnova.api.openstack.wsgi.ApiVersion;
import org.jnova.api.openstack.wsgi.ExpectedErrors;
import org.jnova.api.openstack.wsgi.RequestSchema;
import org.jnova.api.openstack.wsgi.Response;
import org.jnova.compute.FlavorsApi;
import org.jnova.objects.Flavor;
import org.jnova.utils.BoolFromString;

/**
 * {@code POST /flavors}, {@code PUT /flavors/{id}} (2.55, description only) and
 * {@code DELETE /flavors/{id}}: nova's flavor_manage.py.
 */
public final class FlavorManageController {
    private static final String POLICY_ROOT = "os_compute_api:os-flavor-manage:";

    private final FlavorsApi flavors;
    private final FlavorView view;

    public FlavorManageController(FlavorsApi flavors, FlavorView view) {
        this.flavors = requireNonNull(flavors, "flavors is null");
        this.view = requireNonNull(view, "view is null");
    }

    @ExpectedErrors({400, 409})
    @RequestSchema("create")
    public Object create(ApiRequest req) {
        req.authorize(POLICY_ROOT + "create", Map.of());
        JsonNode vals = req.body().get("flavor");
        String name = vals.get("name").asText().strip();
        JsonNode idNode = vals.get("id");
        String flavorId = idNode == null || idNode.isNull() || (idNode.isNumber() && idNode.asDouble() == 0)
                ? null : idNode.asText();
        int ram = QueryValues.schemaInt(vals.get("ram"));
        int vcpus = QueryValues.schemaInt(vals.get("vcpus"));
        int disk = QueryValues.schemaInt(vals.get("disk"));
        int ephemeral = vals.has("OS-FLV-EXT-DATA:ephemeral")
                ? QueryValues.schemaInt(vals.get("OS-FLV-EXT-DATA:ephemeral")) : 0;
        int swap = vals.has("swap") ? QueryValues.schemaInt(vals.get("swap")) : 0;
        double rxtx = vals.has("rxtx_factor") ? vals.get("rxtx_factor").asDouble() : 1.0;
        boolean isPublic = !vals.has("os-flavor-access:is_public") || truthy(vals.get("os-flavor-access:is_public"));
        String description = req.isSupported("2.55") && vals.hasNonNull("description")
                ? vals.get("description").asText() : null;
        Flavor created = flavors.create(name, flavorId, ram, vcpus, disk, ephemeral, swap, rxtx, isPublic,
                description);
        return view.single(req, created.withExtraSpecs(Map.of()), FlavorsController.showsExtraSpecs(req));
    }

    @ApiVersion(min = "2.55")
    @ExpectedErrors({400, 404})
    @RequestSchema("update")
    public Object update(ApiRequest req) {
        req.authorize(POLICY_ROOT + "update", Map.of());
        JsonNode description = req.body().get("flavor").get("description");
        Flavor updated = flavors.updateDescription(req.pathParam("id"),
                description.isNull() ? null : description.asText());
        return view.single(req, updated, FlavorsController.showsExtraSpecs(req));
    }

    @Response(202)
    @ExpectedErrors(404)
    public void delete(ApiRequest req) {
        req.authorize(POLICY_ROOT + "delete", Map.of());
        flavors.delete(req.pathParam("id"));
    }

    private static boolean truthy(JsonNode node) {
        return BoolFromString.isTrue(node);
    }
}
