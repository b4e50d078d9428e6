package org.jnova.api.openstack.compute.aggregates;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jnova.api.openstack.ApiRequest;
import org.jnova.api.openstack.QueryValues;
import org.jnova.api.openstack.compute.services.PyIsoTime;
import org.jnova.api.openstack.wsgi.QuerySchema;
import org.jnova.api.openstack.wsgi.Action;
import org.jnova.api.openstack.wsgi.ApiVersion;
import org.jnova.api.openstack.wsgi.ExpectedErrors;
import org.jnova.api.openstack.wsgi.RequestSchema;
import org.jnova.api.openstack.wsgi.Response;
import org.jnova.compute.AggregatesApi;
import org.jnova.exception.Invalid;
import org.jnova.exception.InvalidInput;
import org.jnova.exception.NotFound;
import org.jnova.objects.Aggregate;

/**
 * os-aggregates (nova/api/openstack/compute/aggregates.py): list, create, show, update,
 * delete and the add_host, remove_host and set_metadata actions; 2.41 shows the uuid; 2.81
 * takes image cache requests (accepted; the fake driver has no cache to fill).
 */
public final class AggregatesController {
    private static final String POLICY = "os_compute_api:os-aggregates:";

    private final AggregatesApi aggregates;

    public AggregatesController(AggregatesApi aggregates) {
        this.aggregates = Objects.requireNonNull(aggregates, "aggregates is null");
    }

    @ExpectedErrors({})
    @QuerySchema("index.query")
    public Object index(ApiRequest req) {
        req.authorize(POLICY + "index", Map.of());
        List<Map<String, Object>> out = new ArrayList<>();
        aggregates.list().forEach(a -> out.add(view(a, req, true)));
        return Map.of("aggregates", out);
    }

    @ExpectedErrors({400, 409})
    @RequestSchema("create")
    public Object create(ApiRequest req) {
        req.authorize(POLICY + "create", Map.of());
        JsonNode agg = req.body().get("aggregate");
        String name = agg.get("name").asText().strip();
        JsonNode az = agg.path("availability_zone");
        String zone = az.isTextual() && !az.asText().isEmpty() ? az.asText().strip() : null;
        return Map.of("aggregate", view(aggregates.create(name, zone), req, false));
    }

    @ExpectedErrors({400, 404})
    @QuerySchema("show.query")
    public Object show(ApiRequest req) {
        req.authorize(POLICY + "show", Map.of());
        return Map.of("aggregate", view(aggregates.get(id(req)), req, true));
    }

    @ExpectedErrors({400, 404, 409})
    @RequestSchema("update")
    public Object update(ApiRequest req) {
        req.authorize(POLICY + "update", Map.of());
        JsonNode agg = req.body().get("aggregate");
        String name = agg.has("name") ? agg.get("name").asText().strip() : null;
        int id = id(req);
        boolean azGiven = agg.has("availability_zone");
        String zone = azGiven && agg.get("availability_zone").isTextual() ? agg.get("availability_zone").asText()
                : null;
        return Map.of("aggregate", view(aggregates.update(id, name, azGiven, zone), req, true));
    }

    @ExpectedErrors({400, 404})
    public void delete(ApiRequest req) {
        req.authorize(POLICY + "delete", Map.of());
        aggregates.delete(id(req));
    }

    @Action("add_host")
    @ExpectedErrors({400, 404, 409})
    @RequestSchema("add_host")
    public Object addHost(ApiRequest req) {
        String host = req.body().get("add_host").get("host").asText();
        req.authorize(POLICY + "add_host", Map.of());
        return Map.of("aggregate", view(aggregates.addHost(id(req), host), req, true));
    }

    @Action("remove_host")
    @ExpectedErrors({400, 404, 409})
    @RequestSchema("remove_host")
    public Object removeHost(ApiRequest req) {
        String host = req.body().get("remove_host").get("host").asText();
        req.authorize(POLICY + "remove_host", Map.of());
        return Map.of("aggregate", view(aggregates.removeHost(id(req), host), req, true));
    }

    @Action("set_metadata")
    @ExpectedErrors({400, 404})
    @RequestSchema("set_metadata")
    public Object setMetadata(ApiRequest req) {
        req.authorize(POLICY + "set_metadata", Map.of());
        int id = id(req);
        Map<String, String> items = new LinkedHashMap<>();
        req.body().get("set_metadata").get("metadata").fields()
                .forEachRemaining(e -> items.put(e.getKey(), e.getValue().isNull() ? null : e.getValue().asText()));
        return Map.of("aggregate", view(aggregates.setMetadata(id, items), req, true));
    }

    @ApiVersion(min = "2.81")
    @Response(202)
    @ExpectedErrors({400, 404})
    @RequestSchema("images")
    public void images(ApiRequest req) {
        req.authorize("compute:aggregates:images", Map.of());
        int id = id(req);
        List<String> ids = new ArrayList<>();
        req.body().get("cache").forEach(i -> ids.add(i.get("id").asText()));
        Set<String> unique = new HashSet<>(ids);
        if (unique.size() != ids.size()) {
            throw new Invalid("Duplicate images in request");
        }
        aggregates.get(id);
    }

    /** nova's validate_integer(id, 'id'): any integer; one no aggregate can have is not found. */
    private static int id(ApiRequest req) {
        String id = req.pathParam("id");
        java.math.BigInteger value = QueryValues.pythonInt(id)
                .orElseThrow(() -> new InvalidInput("Invalid input received: id must be an integer"));
        if (value.bitLength() >= Integer.SIZE) {
            throw new NotFound("Aggregate " + id + " could not be found.");
        }
        return value.intValue();
    }

    /** The aggregate as nova marshals it; a created one has no hosts and metadata keys. */
    private static Map<String, Object> view(Aggregate a, ApiRequest req, boolean withHostsAndMetadata) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", a.id());
        if (req.isSupported("2.41")) {
            m.put("uuid", a.uuid());
        }
        m.put("name", a.name());
        if (withHostsAndMetadata) {
            m.put("hosts", a.hosts());
            m.put("metadata", a.metadata());
        }
        m.put("created_at", PyIsoTime.format(a.createdAt()));
        m.put("updated_at", PyIsoTime.format(a.updatedAt()));
        m.put("deleted_at", null);
        m.put("deleted", false);
        m.put("availability_zone", a.availabilityZone());
        return m;
    }
}
