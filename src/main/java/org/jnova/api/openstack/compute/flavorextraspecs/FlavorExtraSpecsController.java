package org.jnova.api.openstack.compute.flavorextraspecs;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.jnova.api.openstack.ApiRequest;
import org.jnova.api.openstack.wsgi.ExpectedErrors;
import org.jnova.api.openstack.wsgi.QuerySchema;
import org.jnova.api.openstack.wsgi.RequestSchema;
import org.jnova.api.openstack.compute.flavors.FlavorsController;
import org.jnova.compute.FlavorsApi;
import org.jnova.exception.InvalidInput;
import org.jnova.exception.NotFound;
import org.jnova.objects.Flavor;

/** {@code /flavors/{flavor_id}/os-extra_specs[/{id}]}: nova's flavors_extraspecs.py. */
public final class FlavorExtraSpecsController {
    private static final String POLICY_ROOT = "os_compute_api:os-flavor-extra-specs:";
    private final FlavorsApi flavors;
    private final ExtraSpecValidator validator;

    public FlavorExtraSpecsController(FlavorsApi flavors, ExtraSpecValidator validator) {
        this.flavors = requireNonNull(flavors, "flavors is null");
        this.validator = requireNonNull(validator, "validator is null");
    }

    @ExpectedErrors(404)
    @QuerySchema("index.query")
    public Object index(ApiRequest req) {
        req.authorize(POLICY_ROOT + "index", projectTarget(req));
        return Map.of("extra_specs", new TreeMap<>(flavor(req).extraSpecs()));
    }

    @ExpectedErrors({400, 404, 409})
    @RequestSchema("create")
    public Object create(ApiRequest req) {
        req.authorize(POLICY_ROOT + "create", Map.of());
        Map<String, String> specs = strings(req, req.body().get("extra_specs"));
        flavor(req);
        flavors.putExtraSpecs(req.pathParam("flavor_id"), specs);
        return req.body();
    }

    @ExpectedErrors({400, 404, 409})
    @RequestSchema("update")
    public Object update(ApiRequest req) {
        req.authorize(POLICY_ROOT + "update", Map.of());
        Map<String, String> specs = strings(req, req.body());
        if (!specs.containsKey(req.pathParam("id"))) {
            throw new InvalidInput("Request body and URI mismatch");
        }
        flavor(req);
        flavors.putExtraSpecs(req.pathParam("flavor_id"), specs);
        return req.body();
    }

    @ExpectedErrors(404)
    @QuerySchema("show.query")
    public Object show(ApiRequest req) {
        req.authorize(POLICY_ROOT + "show", projectTarget(req));
        String flavorId = req.pathParam("flavor_id");
        String key = req.pathParam("id");
        String value = flavor(req).extraSpecs().get(key);
        if (value == null) {
            throw new NotFound("Flavor " + flavorId + " has no extra specs with key " + key + ".");
        }
        return Map.of(key, value);
    }

    @ExpectedErrors(404)
    public void delete(ApiRequest req) {
        req.authorize(POLICY_ROOT + "delete", Map.of());
        flavor(req);
        flavors.deleteExtraSpec(req.pathParam("flavor_id"), req.pathParam("id"));
    }

    private Flavor flavor(ApiRequest req) {
        return FlavorsController.visible(flavors, req, req.pathParam("flavor_id"));
    }

    private static Map<String, String> projectTarget(ApiRequest req) {
        return req.context().projectId().map(p -> Map.of("project_id", p)).orElse(Map.of());
    }

    /** The specs as strings (numbers as nova stores them), checked as nova does before saving. */
    private Map<String, String> strings(ApiRequest req, JsonNode specs) {
        Map<String, String> out = new LinkedHashMap<>();
        specs.fields().forEachRemaining(e -> {
            JsonNode v = e.getValue();
            String text = v.isNumber() ? pythonNumber(v) : v.asText();
            if (v.isNumber() && text.length() > 255) {
                throw new InvalidInput("extra_specs value has more than 255 characters.");
            }
            if (req.isSupported("2.86")) {
                validator.validate(e.getKey(), text);
            }
            out.put(e.getKey(), text);
        });
        return out;
    }

    private static String pythonNumber(JsonNode v) {
        if (v.isIntegralNumber()) {
            return v.bigIntegerValue().toString();
        }
        return Double.toString(v.asDouble());
    }
}
