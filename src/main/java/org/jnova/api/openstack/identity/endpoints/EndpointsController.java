package org.jnova.api.openstack.identity.endpoints;

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
import org.jnova.objects.IdentityEndpointEntry;
import org.jnova.objects.IdentityRegion;
import org.jnova.wsgi.Request;
import org.jnova.wsgi.Response;

/**
 * {@code /v3/endpoints}: a service's URL for one interface (public, internal, admin) in a
 * region. A region given as {@code region} (the older attribute) is created when missing, as
 * Keystone does; one given as {@code region_id} must exist.
 */
public final class EndpointsController {
    private static final Set<String> KNOWN = Set.of("id", "interface", "region_id", "region", "service_id", "url",
            "enabled", "links", "legacy_endpoint_id");
    /** keystone.catalog.schema: endpoint_create, endpoint_update. */
    private static final String PROPERTIES = "'properties': {'enabled': {'type': 'boolean', 'enum': [true, false]}, "
            + "'interface': {'type': 'string', 'enum': ['admin', 'internal', 'public']}, "
            + "'region_id': {'type': 'string'}, 'region': {'type': 'string'}, 'service_id': {'type': 'string'}, "
            + "'url': {'type': 'string', 'minLength': 0, 'maxLength': 225, 'pattern': '^[a-zA-Z0-9+.-]+:.+'}}";
    private static final JsonNode CREATE = KeystoneBodies.schema("{'type': 'object', " + PROPERTIES
            + ", 'required': ['interface', 'service_id', 'url'], 'additionalProperties': true}");
    private static final JsonNode UPDATE = KeystoneBodies.schema("{'type': 'object', " + PROPERTIES
            + ", 'minProperties': 1, 'additionalProperties': true}");
    private static final String INVALID = " The server could not comply with the request since it is either malformed "
            + "or otherwise incorrect. The client is assumed to be in error.";
    private final IdentityCatalog catalog;

    public EndpointsController(IdentityCatalog catalog) {
        this.catalog = requireNonNull(catalog, "catalog is null");
    }

    public List<IdentityRoute> routes() {
        List<IdentityRoute> routes = new ArrayList<>();
        routes.addAll(IdentityRoute.getAndHead("/endpoints", this::list));
        routes.add(IdentityRoute.post("/endpoints", this::create));
        routes.addAll(IdentityRoute.getAndHead("/endpoints/{endpoint_id}", this::show));
        routes.add(IdentityRoute.patch("/endpoints/{endpoint_id}", this::update));
        routes.add(IdentityRoute.delete("/endpoints/{endpoint_id}", this::delete));
        return routes;
    }

    Response list(IdentityCall call) {
        Optional<String> serviceId = call.query("service_id");
        Optional<String> interfaceName = call.query("interface");
        Optional<String> regionId = call.query("region_id");
        Map<String, Object> target = new HashMap<>();
        serviceId.ifPresent(v -> target.put("service_id", v));
        interfaceName.ifPresent(v -> target.put("interface", v));
        regionId.ifPresent(v -> target.put("region_id", v));
        call.authorize("identity:list_endpoints", target);
        List<ObjectNode> members = new ArrayList<>();
        if (serviceId.map(KeystoneBodies::storableId).orElse(true)
                && interfaceName.map(KeystoneBodies::storableId).orElse(true)
                && regionId.map(KeystoneBodies::storableId).orElse(true)) {
            catalog.endpoints(serviceId, interfaceName, regionId)
                    .forEach(endpoint -> members.add(view(call.request(), endpoint)));
        }
        return IdentityJson.json(200, KeystoneLinks.collection(call.request(), "endpoints", members));
    }

    /** Keystone looks the endpoint up while building the target: an unknown one is 404 before the rule. */
    Response show(IdentityCall call) {
        IdentityEndpointEntry endpoint = authorized(call, "identity:get_endpoint");
        return IdentityJson.json(200, KeystoneLinks.member("endpoint", view(call.request(), endpoint)));
    }

    Response create(IdentityCall call) {
        call.authorize("identity:create_endpoint", Map.of());
        JsonNode member = KeystoneBodies.member(call, "endpoint", CREATE);
        KeystoneBodies.requireStorable(member, "endpoint");
        String regionId = region(member, Optional.empty());
        String serviceId = member.get("service_id").asText();
        requireService(serviceId);
        IdentityEndpointEntry endpoint = new IdentityEndpointEntry(UUID.randomUUID().toString().replace("-", ""),
                serviceId, member.get("interface").asText(), regionId, member.get("url").asText(),
                member.path("enabled").asBoolean(true), KeystoneBodies.extra(member, KNOWN));
        catalog.createEndpoint(endpoint);
        return IdentityJson.json(201, KeystoneLinks.member("endpoint", view(call.request(), endpoint)));
    }

    Response update(IdentityCall call) {
        IdentityEndpointEntry current = authorized(call, "identity:update_endpoint");
        JsonNode member = KeystoneBodies.member(call, "endpoint", UPDATE);
        KeystoneBodies.requireStorable(member, "endpoint");
        KeystoneBodies.requireMatchingId(member, current.id());
        String regionId = region(member, Optional.ofNullable(current.regionId()));
        String serviceId = member.has("service_id") ? member.get("service_id").asText() : current.serviceId();
        if (member.has("service_id")) {
            requireService(serviceId);
        }
        IdentityEndpointEntry updated = new IdentityEndpointEntry(current.id(), serviceId,
                member.has("interface") ? member.get("interface").asText() : current.interfaceName(), regionId,
                member.has("url") ? member.get("url").asText() : current.url(),
                member.has("enabled") ? member.get("enabled").asBoolean() : current.enabled(),
                KeystoneBodies.mergeExtra(current.extra(), member, KNOWN));
        catalog.updateEndpoint(updated);
        return IdentityJson.json(200, KeystoneLinks.member("endpoint", view(call.request(), updated)));
    }

    Response delete(IdentityCall call) {
        IdentityEndpointEntry endpoint = authorized(call, "identity:delete_endpoint");
        if (!catalog.deleteEndpoint(endpoint.id())) {
            throw notFound(endpoint.id());
        }
        return Response.empty(204);
    }

    private IdentityEndpointEntry authorized(IdentityCall call, String rule) {
        String id = call.parameter("endpoint_id");
        IdentityEndpointEntry endpoint = (KeystoneBodies.storableId(id) ? catalog.endpoint(id)
                : Optional.<IdentityEndpointEntry>empty()).orElseThrow(() -> notFound(id));
        Map<String, Object> target = new HashMap<>();
        target.put("endpoint_id", id);
        target.put("target.endpoint.id", endpoint.id());
        target.put("target.endpoint.service_id", endpoint.serviceId());
        target.put("target.endpoint.interface", endpoint.interfaceName());
        target.put("target.endpoint.region_id", endpoint.regionId());
        call.authorize(rule, target);
        return endpoint;
    }

    /**
     * The endpoint's region: {@code region_id} must name a region (Keystone's 400 otherwise);
     * {@code region} alone names one that is created if missing; neither keeps {@code current}
     * (a null {@code region_id} alone clears it).
     */
    private String region(JsonNode member, Optional<String> current) {
        if (member.hasNonNull("region_id")) {
            String regionId = member.get("region_id").asText();
            if (!KeystoneBodies.storableId(regionId) || catalog.region(regionId).isEmpty()) {
                throw IdentityError.badRequest("Expecting to find endpoint region_id in region table." + INVALID);
            }
            return regionId;
        }
        if (member.hasNonNull("region")) {
            String regionId = member.get("region").asText();
            if (!KeystoneBodies.storableId(regionId)) {
                throw IdentityError.badRequest("Expecting to find endpoint region_id in region table." + INVALID);
            }
            if (catalog.region(regionId).isEmpty()) {
                catalog.createRegion(new IdentityRegion(regionId, "", null, "{}"));
            }
            return regionId;
        }
        // an explicit null region_id takes the endpoint out of its region
        return member.has("region_id") ? null : current.orElse(null);
    }

    private void requireService(String serviceId) {
        if (!KeystoneBodies.storableId(serviceId) || catalog.service(serviceId).isEmpty()) {
            throw IdentityError.badRequest("Expecting to find endpoint service_id in service table." + INVALID);
        }
    }

    /** {@code {id, interface, region_id, region, service_id, url, enabled, links, ...extra}}. */
    private static ObjectNode view(Request request, IdentityEndpointEntry endpoint) {
        ObjectNode body = KeystoneBodies.object(endpoint.extra());
        body.put("id", endpoint.id()).put("interface", endpoint.interfaceName())
                .put("region_id", endpoint.regionId()).put("region", endpoint.regionId())
                .put("service_id", endpoint.serviceId()).put("url", endpoint.url())
                .put("enabled", endpoint.enabled());
        return KeystoneLinks.withSelf(body, request, "endpoints/" + endpoint.id());
    }

    private static IdentityError notFound(String id) {
        return IdentityError.notFound("Could not find endpoint: " + id + ".");
    }
}
