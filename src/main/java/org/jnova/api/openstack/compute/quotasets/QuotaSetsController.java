package org.jnova.api.openstack.compute.quotasets;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jnova.api.openstack.ApiRequest;
import org.jnova.api.openstack.QueryValues;
import org.jnova.api.openstack.wsgi.ExpectedErrors;
import org.jnova.api.openstack.wsgi.QuerySchema;
import org.jnova.api.openstack.wsgi.RequestSchema;
import org.jnova.api.openstack.wsgi.Response;
import org.jnova.compute.Quotas;
import org.jnova.exception.InvalidInput;
import org.jnova.utils.BoolFromString;

/**
 * {@code /os-quota-sets/{project_id}}: nova's quota_sets.py (show, detail, defaults, update
 * with force and per user, delete back to defaults). From 2.36 the nova-network resources
 * are hidden, from 2.57 the personality ones too.
 */
public final class QuotaSetsController {
    private static final String POLICY_ROOT = "os_compute_api:os-quota-sets:";
    private final Quotas quotas;

    public QuotaSetsController(Quotas quotas) {
        this.quotas = requireNonNull(quotas, "quotas is null");
    }

    @ExpectedErrors(400)
    @QuerySchema("show.query")
    public Object show(ApiRequest req) {
        String id = req.pathParam("id");
        req.authorize(POLICY_ROOT + "show", Map.of("project_id", id));
        return body(req, id, quotas.limits(id, userId(req)));
    }

    @ExpectedErrors(400)
    @QuerySchema("detail.query")
    public Object detail(ApiRequest req) {
        String id = req.pathParam("id");
        req.authorize(POLICY_ROOT + "detail", Map.of("project_id", id));
        String userId = userId(req);
        Map<String, Integer> limits = quotas.limits(id, userId);
        Map<String, Long> usage = quotas.usage(id, userId);
        Map<String, Object> detailed = new LinkedHashMap<>();
        for (String name : QuotaResources.ALL) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("limit", limits.getOrDefault(name, -1));
            entry.put("in_use", usage.getOrDefault(name, 0L));
            entry.put("reserved", 0);
            detailed.put(name, entry);
        }
        return body(req, id, detailed);
    }

    @ExpectedErrors(400)
    @QuerySchema("defaults.query")
    public Object defaults(ApiRequest req) {
        String id = req.pathParam("id");
        req.authorize(POLICY_ROOT + "defaults", Map.of("project_id", id));
        return body(req, id, quotas.classLimits("default"));
    }

    @ExpectedErrors(400)
    @RequestSchema("update")
    @QuerySchema("update.query")
    public Object update(ApiRequest req) {
        String id = req.pathParam("id");
        req.authorize(POLICY_ROOT + "update", Map.of("project_id", id));
        String userId = userId(req);
        JsonNode set = req.body().get("quota_set");
        boolean force = set.has("force") && truthy(set.get("force"));
        Map<String, Quotas.Settable> settable = quotas.settable(id, userId);
        Map<String, Integer> valid = new LinkedHashMap<>();
        set.fields().forEachRemaining(e -> {
            String key = e.getKey();
            JsonNode v = e.getValue();
            if (key.equals("force") || v.isNull() || (v.isTextual() && v.asText().isEmpty())) {
                return;
            }
            int value = QueryValues.schemaInt(v);
            Quotas.Settable range = settable.get(key);
            if (!force && range != null) {
                checkLimit(key, value, range);
            }
            valid.put(key, value);
        });
        quotas.set(id, userId, valid);
        return body(req, null, quotas.limits(id, userId));
    }

    @Response(202)
    @ExpectedErrors({})
    @QuerySchema("delete.query")
    public void delete(ApiRequest req) {
        String id = req.pathParam("id");
        req.authorize(POLICY_ROOT + "delete", Map.of("project_id", id));
        quotas.reset(id, userId(req));
    }

    private static void checkLimit(String resource, long limit, Quotas.Settable range) {
        double value = limit == -1 ? Double.POSITIVE_INFINITY : limit;
        double minimum = range.minimum() == -1 ? Double.POSITIVE_INFINITY : range.minimum();
        double maximum = range.maximum() == -1 ? Double.POSITIVE_INFINITY : range.maximum();
        if (value < minimum) {
            throw new InvalidInput("Quota limit " + limit + " for " + resource + " must be greater than or equal to "
                    + "already used and reserved " + range.minimum() + ".");
        }
        if (value > maximum) {
            throw new InvalidInput("Quota limit " + limit + " for " + resource + " must be less than or equal to "
                    + range.maximum() + ".");
        }
    }

    private static Map<String, Object> body(ApiRequest req, String id, Map<String, ?> values) {
        return Map.of("quota_set", QuotaResources.format(id, values, req.isSupported("2.36"),
                req.isSupported("2.57"), false));
    }

    private static String userId(ApiRequest req) {
        return req.query("user_id").orElse(null);
    }

    private static boolean truthy(JsonNode node) {
        return BoolFromString.isTrue(node);
    }
}
