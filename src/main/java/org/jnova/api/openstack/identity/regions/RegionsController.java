package org.jnova.api.openstack.identity.regions;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
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
import org.jnova.objects.IdentityRegion;
import org.jnova.objects.RegionDeletion;
import org.jnova.wsgi.Request;
import org.jnova.wsgi.Response;

/**
 * {@code /v3/regions}: regions of the catalog, possibly nested; created with a generated id
 * (POST) or the one in the URL (PUT). Anyone authenticated may read them, as Keystone allows.
 */
public final class RegionsController {
    private static final Set<String> KNOWN = Set.of("id", "description", "parent_region_id", "links");
    /** keystone.catalog.schema: region_create, region_update. */
    private static final String PROPERTIES = "'properties': {'description': {'type': ['string', 'null']}, "
            + "'id': {'type': 'string'}, 'parent_region_id': {'type': ['string', 'null']}}";
    private static final JsonNode CREATE = KeystoneBodies.schema("{'type': 'object', " + PROPERTIES
            + ", 'additionalProperties': true}");
    private static final JsonNode UPDATE = KeystoneBodies.schema("{'type': 'object', " + PROPERTIES
            + ", 'minProperties': 1, 'additionalProperties': true}");
    /** The width of the id and description columns, Keystone's too. */
    private static final int MAX_LENGTH = 255;
    private final IdentityCatalog catalog;

    public RegionsController(IdentityCatalog catalog) {
        this.catalog = requireNonNull(catalog, "catalog is null");
    }

    public List<IdentityRoute> routes() {
        List<IdentityRoute> routes = new ArrayList<>();
        routes.addAll(IdentityRoute.getAndHead("/regions", this::list));
        routes.add(IdentityRoute.post("/regions", this::create));
        routes.addAll(IdentityRoute.getAndHead("/regions/{region_id}", this::show));
        routes.add(IdentityRoute.put("/regions/{region_id}", this::createWithId));
        routes.add(IdentityRoute.patch("/regions/{region_id}", this::update));
        routes.add(IdentityRoute.delete("/regions/{region_id}", this::delete));
        return routes;
    }

    Response list(IdentityCall call) {
        Optional<String> parent = call.query("parent_region_id");
        call.authorize("identity:list_regions", parent.map(p -> Map.<String, Object>of("parent_region_id", p))
                .orElse(Map.of()));
        List<ObjectNode> members = new ArrayList<>();
        if (parent.map(KeystoneBodies::storableId).orElse(true)) {
            catalog.regions(parent).forEach(region -> members.add(view(call.request(), region)));
        }
        return IdentityJson.json(200, KeystoneLinks.collection(call.request(), "regions", members));
    }

    Response show(IdentityCall call) {
        call.authorize("identity:get_region", Map.of("region_id", call.parameter("region_id")));
        return IdentityJson.json(200, KeystoneLinks.member("region", view(call.request(), find(call))));
    }

    Response create(IdentityCall call) {
        call.authorize("identity:create_region", Map.of());
        JsonNode member = KeystoneBodies.member(call, "region", CREATE);
        String id = member.path("id").asText("");
        return store(call, member, id.isEmpty() ? UUID.randomUUID().toString().replace("-", "") : id);
    }

    Response createWithId(IdentityCall call) {
        call.authorize("identity:create_region", Map.of("region_id", call.parameter("region_id")));
        JsonNode member = KeystoneBodies.member(call, "region", CREATE);
        String id = call.parameter("region_id");
        if (member.has("id") && !member.get("id").asText().equals(id)) {
            throw IdentityError.badRequest("Conflicting region IDs specified: \"" + id + "\" != \""
                    + member.get("id").asText() + "\"");
        }
        return store(call, member, id);
    }

    private Response store(IdentityCall call, JsonNode member, String id) {
        KeystoneBodies.requireStorable(member, "region");
        requireStorableId(id);
        String description = member.path("description").asText("");
        if (description.length() > MAX_LENGTH) {
            throw IdentityError.badRequest("Invalid input for field 'description': '" + description.substring(0, 20)
                    + "...' is too long");
        }
        if (catalog.region(id).isPresent()) {
            throw duplicate(id);
        }
        String parent = parent(member, null);
        IdentityRegion region = new IdentityRegion(id, description, parent, KeystoneBodies.extra(member, KNOWN));
        if (!catalog.createRegion(region)) {
            throw duplicate(id);
        }
        return IdentityJson.json(201, KeystoneLinks.member("region", view(call.request(), region)));
    }

    Response update(IdentityCall call) {
        call.authorize("identity:update_region", Map.of("region_id", call.parameter("region_id")));
        JsonNode member = KeystoneBodies.member(call, "region", UPDATE);
        KeystoneBodies.requireStorable(member, "region");
        KeystoneBodies.requireMatchingId(member, call.parameter("region_id"));
        IdentityRegion current = find(call);
        String parent = member.has("parent_region_id") ? parent(member, current.id()) : current.parentRegionId();
        String description = member.has("description") ? member.path("description").asText("")
                : current.description();
        if (description.length() > MAX_LENGTH) {
            throw IdentityError.badRequest("Invalid input for field 'description': '" + description.substring(0, 20)
                    + "...' is too long");
        }
        IdentityRegion updated = new IdentityRegion(current.id(), description, parent,
                KeystoneBodies.mergeExtra(current.extra(), member, KNOWN));
        catalog.updateRegion(updated);
        return IdentityJson.json(200, KeystoneLinks.member("region", view(call.request(), updated)));
    }

    Response delete(IdentityCall call) {
        call.authorize("identity:delete_region", Map.of("region_id", call.parameter("region_id")));
        String id = call.parameter("region_id");
        RegionDeletion result = KeystoneBodies.storableId(id) ? catalog.deleteRegion(id)
                : RegionDeletion.NOT_FOUND;
        return switch (result) {
            case DELETED -> Response.empty(204);
            case NOT_FOUND -> throw notFound(id);
            case HAS_ENDPOINTS -> throw IdentityError.forbiddenBecause("Unable to delete region " + id
                    + " because it or its child regions have associated endpoints.");
        };
    }

    /**
     * The parent the body names (null: none), which must exist (404) and, for the region
     * {@code regionId} being updated, not lie below it (400).
     */
    private String parent(JsonNode member, String regionId) {
        JsonNode given = member.get("parent_region_id");
        if (given == null || given.isNull()) {
            return null;
        }
        String parent = given.asText();
        if (!KeystoneBodies.storableId(parent) || catalog.region(parent).isEmpty()) {
            throw notFound(parent);
        }
        if (regionId != null) {
            Set<String> seen = new HashSet<>();
            for (String up = parent; up != null && seen.add(up);
                    up = catalog.region(up).map(IdentityRegion::parentRegionId).orElse(null)) {
                if (up.equals(regionId)) {
                    throw IdentityError.badRequest("The specified parent region " + parent
                            + " would create a circular region hierarchy.");
                }
            }
        }
        return parent;
    }

    private IdentityRegion find(IdentityCall call) {
        String id = call.parameter("region_id");
        return (KeystoneBodies.storableId(id) ? catalog.region(id) : Optional.<IdentityRegion>empty())
                .orElseThrow(() -> notFound(id));
    }

    private static void requireStorableId(String id) {
        if (!KeystoneBodies.storableId(id)) {
            throw IdentityError.badRequest("Invalid input for field 'id': the region ID is longer than "
                    + MAX_LENGTH + " characters or holds a NUL character");
        }
    }

    /** {@code {id, description, parent_region_id, links, ...extra}}. */
    private static ObjectNode view(Request request, IdentityRegion region) {
        ObjectNode body = KeystoneBodies.object(region.extra());
        body.put("id", region.id()).put("description", region.description())
                .put("parent_region_id", region.parentRegionId());
        return KeystoneLinks.withSelf(body, request, "regions/" + region.id());
    }

    private static IdentityError duplicate(String id) {
        return IdentityError.conflict("Conflict occurred attempting to store region - Duplicate ID, " + id + ".");
    }

    private static IdentityError notFound(String id) {
        return IdentityError.notFound("Could not find region: " + id + ".");
    }
}
