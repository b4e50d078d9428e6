package org.jnova.api.openstack.compute.quotaclasses;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jnova.api.openstack.ApiRequest;
import org.jnova.api.openstack.QueryValues;
import org.jnova.api.openstack.compute.quotasets.QuotaResources;
import org.jnova.api.openstack.wsgi.ExpectedErrors;
import org.jnova.api.openstack.wsgi.QuerySchema;
import org.jnova.api.openstack.wsgi.RequestSchema;
import org.jnova.compute.Quotas;
import org.jnova.exception.InvalidInput;

/**
 * {@code /os-quota-class-sets/{id}}: nova's quota_classes.py. Before 2.50 the server group
 * resources are not shown and the nova-network ones are; from 2.57 the personality ones go.
 */
public final class QuotaClassesController {
    private static final String POLICY_ROOT = "os_compute_api:os-quota-class-sets:";
    private final Quotas quotas;

    public QuotaClassesController(Quotas quotas) {
        this.quotas = requireNonNull(quotas, "quotas is null");
    }

    @ExpectedErrors({})
    @QuerySchema("show.query")
    public Object show(ApiRequest req) {
        req.authorize(POLICY_ROOT + "show", Map.of());
        String id = req.pathParam("id");
        return body(req, id, quotas.classLimits(id));
    }

    @ExpectedErrors(400)
    @RequestSchema("update")
    public Object update(ApiRequest req) {
        req.authorize(POLICY_ROOT + "update", Map.of());
        String id = req.pathParam("id");
        if (id.length() > 255) {
            throw new InvalidInput("quota_class_name has more than 255 characters.");
        }
        Map<String, Integer> values = new LinkedHashMap<>();
        JsonNode set = req.body().get("quota_class_set");
        set.fields().forEachRemaining(e -> {
            JsonNode v = e.getValue();
            values.put(e.getKey(), QueryValues.schemaInt(v));
        });
        quotas.setClass(id, values);
        return body(req, null, quotas.classLimits(id));
    }

    private static Map<String, Object> body(ApiRequest req, String id, Map<String, ?> values) {
        boolean v250 = req.isSupported("2.50");
        return Map.of("quota_class_set", QuotaResources.format(id, values, v250, req.isSupported("2.57"), !v250));
    }
}
