package org.jnova.api.openstack.identity.services;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jnova.api.openstack.identity.support.IdentityCall;
import org.jnova.api.openstack.identity.support.IdentityJson;
import org.jnova.api.openstack.identity.support.IdentityRoute;
import org.jnova.api.openstack.identity.support.KeystoneBodies;
import org.jnova.api.openstack.identity.support.KeystoneLinks;
import org.jnova.identity.IdentityCatalog;
import org.jnova.identity.IdentityError;
import org.jnova.objects.IdentityServiceEntry;
import org.jnova.wsgi.Request;
import org.jnova.wsgi.Response;

/** {@code /v3/services}: the catalog's services (type, name, description, enabled). */
public final class CatalogServicesController {
    private static final Set<String> KNOWN = Set.of("id", "type", "name", "enabled", "links");
    /** keystone.catalog.schema: service_create, service_update. */
    private static final String PROPERTIES = "'properties': {'enabled': {'type': 'boolean', 'enum': [true, false]}, "
            + "'name': {'type': 'string', 'minLength': 1, 'maxLength': 255, 'pattern': '[\\\\S]+'}, "
            + "'type': {'type': 'string', 'minLength': 1, 'maxLength': 255}}";
    private static final JsonNode CREATE = KeystoneBodies.schema("{'type': 'object', " + PROPERTIES
            + ", 'required': ['type'], 'additionalProperties': true}");
    private static final JsonNode UPDATE = KeystoneBodies.schema("{'type': 'object', " + PROPERTIES
            + ", 'minProperties': 1, 'additionalProperties': true}");
    private final IdentityCatalog catalog;

    public CatalogServicesController(IdentityCatalog catalog) {
        this.catalog = requireNonNull(catalog, "catalog is null");
    }

    public List<IdentityRoute> routes() {
        List<IdentityRoute> routes = new ArrayList<>();
        routes.addAll(IdentityRoute.getAndHead("/services", this::list));
        routes.add(IdentityRoute.post("/services", this::create));
        routes.addAll(IdentityRoute.getAndHead("/services/{service_id}", this::show));
        routes.add(IdentityRoute.patch("/services/{service_id}", this::update));
        routes.add(IdentityRoute.delete("/services/{service_id}", this::delete));
        return routes;
    }

    Response list(IdentityCall call) {
        Optional<String> type = call.query("type");
        Optional<String> name = call.query("name");
        Map<String, Object> target = new HashMap<>();
        type.ifPresent(t -> target.put("type", t));
        name.ifPresent(n -> target.put("name", n));
        call.authorize("identity:list_services", target);
        List<ObjectNode> members = new ArrayList<>();
        if (type.map(KeystoneBodies::storableId).orElse(true) && name.map(KeystoneBodies::storableId).orElse(true)) {
            catalog.services(type, name).forEach(service -> members.add(view(call.request(), service)));
        }
        return IdentityJson.json(200, KeystoneLinks.collection(call.request(), "services", members));
    }

    Response show(IdentityCall call) {
        call.authorize("identity:get_service", Map.of("service_id", call.parameter("service_id")));
        return IdentityJson.json(200, KeystoneLinks.member("service", view(call.request(), find(call))));
    }

    Response create(IdentityCall call) {
        call.authorize("identity:create_service", Map.of());
        JsonNode member = KeystoneBodies.member(call, "service", CREATE);
        KeystoneBodies.requireStorable(member, "service");
        IdentityServiceEntry service = new IdentityServiceEntry(UUID.randomUUID().toString().replace("-", ""),
                member.get("type").asText(), member.path("name").asText(""), member.path("enabled").asBoolean(true),
                KeystoneBodies.extra(member, KNOWN));
        catalog.createService(service);
        return IdentityJson.json(201, KeystoneLinks.member("service", view(call.request(), service)));
    }

    Response update(IdentityCall call) {
        call.authorize("identity:update_service", Map.of("service_id", call.parameter("service_id")));
        JsonNode member = KeystoneBodies.member(call, "service", UPDATE);
        KeystoneBodies.requireStorable(member, "service");
        KeystoneBodies.requireMatchingId(member, call.parameter("service_id"));
        IdentityServiceEntry current = find(call);
        IdentityServiceEntry updated = new IdentityServiceEntry(current.id(),
                member.has("type") ? member.get("type").asText() : current.type(),
                member.has("name") ? member.get("name").asText() : current.name(),
                member.has("enabled") ? member.get("enabled").asBoolean() : current.enabled(),
                KeystoneBodies.mergeExtra(current.extra(), member, KNOWN));
        catalog.updateService(updated);
        return IdentityJson.json(200, KeystoneLinks.member("service", view(call.request(), updated)));
    }

    Response delete(IdentityCall call) {
        call.authorize("identity:delete_service", Map.of("service_id", call.parameter("service_id")));
        if (!catalog.deleteService(find(call).id())) {
            throw notFound(call.parameter("service_id"));
        }
        return Response.empty(204);
    }

    private IdentityServiceEntry find(IdentityCall call) {
        String id = call.parameter("service_id");
        return (KeystoneBodies.storableId(id) ? catalog.service(id) : Optional.<IdentityServiceEntry>empty())
                .orElseThrow(() -> notFound(id));
    }

    /** {@code {id, type, name, enabled, links, ...extra (description...)}}. */
    private static ObjectNode view(Request request, IdentityServiceEntry service) {
        ObjectNode body = KeystoneBodies.object(service.extra());
        body.put("id", service.id()).put("type", service.type()).put("name", service.name())
                .put("enabled", service.enabled());
        return KeystoneLinks.withSelf(body, request, "services/" + service.id());
    }

    private static IdentityError notFound(String id) {
        return IdentityError.notFound("Could not find service: " + id + ".");
    }
}
