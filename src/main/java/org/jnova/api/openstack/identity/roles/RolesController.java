package org.jnova.api.openstack.identity.roles;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
import org.jnova.identity.IdentityRoles;
import org.jnova.identity.IdentityError;
import org.jnova.objects.IdentityRoleEntry;
import org.jnova.wsgi.Response;

/**
 * {@code /v3/roles}, {@code /v3/roles/{prior_role_id}/implies[/{implied_role_id}]} and
 * {@code /v3/role_inferences}: global roles and the rules by which one implies another.
 */
public final class RolesController {
    private static final Set<String> KNOWN = Set.of("id", "name", "description", "options", "domain_id", "links");
    /** keystone.assignment.schema: role_create, role_update (options: the immutable option). */
    private static final String PROPERTIES = "'properties': {'name': {'type': 'string', 'minLength': 1, "
            + "'maxLength': 255, 'pattern': '[\\\\S]+'}, 'description': {'type': 'string'}, 'options': {'type': "
            + "'object', 'properties': {'immutable': {'type': ['boolean', 'null'], 'enum': [true, false, null]}}, "
            + "'additionalProperties': false}}";
    private static final JsonNode CREATE = KeystoneBodies.schema("{'type': 'object', " + PROPERTIES
            + ", 'required': ['name'], 'additionalProperties': true}");
    private static final JsonNode UPDATE = KeystoneBodies.schema("{'type': 'object', " + PROPERTIES
            + ", 'minProperties': 1, 'additionalProperties': true}");
    private final IdentityRoles roles;

    public RolesController(IdentityRoles roles) {
        this.roles = requireNonNull(roles, "roles is null");
    }

    public List<IdentityRoute> routes() {
        List<IdentityRoute> routes = new ArrayList<>();
        routes.addAll(IdentityRoute.getAndHead("/roles", this::list));
        routes.add(IdentityRoute.post("/roles", this::create));
        routes.addAll(IdentityRoute.getAndHead("/roles/{role_id}", this::show));
        routes.add(IdentityRoute.patch("/roles/{role_id}", this::update));
        routes.add(IdentityRoute.delete("/roles/{role_id}", this::delete));
        routes.addAll(IdentityRoute.getAndHead("/roles/{prior_role_id}/implies", this::listImplied));
        routes.add(IdentityRoute.get("/roles/{prior_role_id}/implies/{implied_role_id}", this::showImplied));
        routes.add(new IdentityRoute("HEAD", "/roles/{prior_role_id}/implies/{implied_role_id}", this::checkImplied));
        routes.add(IdentityRoute.put("/roles/{prior_role_id}/implies/{implied_role_id}", this::createImplied));
        routes.add(IdentityRoute.delete("/roles/{prior_role_id}/implies/{implied_role_id}", this::deleteImplied));
        routes.addAll(IdentityRoute.getAndHead("/role_inferences", this::inferences));
        return routes;
    }

    Response list(IdentityCall call) {
        Optional<String> name = call.query("name");
        Optional<String> domainId = call.query("domain_id").filter(d -> !d.isEmpty());
        Map<String, Object> target = new HashMap<>();
        name.ifPresent(n -> target.put("name", n));
        domainId.ifPresent(d -> target.put("domain_id", d));
        call.authorize(domainId.isPresent() ? "identity:list_domain_roles" : "identity:list_roles", target);
        List<ObjectNode> members = new ArrayList<>();
        if (domainId.isEmpty() && name.map(KeystoneBodies::storableId).orElse(true)) {
            roles.list(name).forEach(role -> members.add(RoleView.role(call.request(), role)));
        }
        return IdentityJson.json(200, KeystoneLinks.collection(call.request(), "roles", members));
    }

    Response show(IdentityCall call) {
        IdentityRoleEntry role = authorizedRole(call, "identity:get_role");
        return IdentityJson.json(200, KeystoneLinks.member("role", RoleView.role(call.request(), role)));
    }

    Response create(IdentityCall call) {
        JsonNode body = call.request().body().length == 0 ? IdentityJson.object() : call.body();
        JsonNode given = body.path("role");
        boolean domainRole = given.isObject() && given.path("domain_id").isTextual()
                && !given.path("domain_id").asText().isEmpty();
        call.authorize(domainRole ? "identity:create_domain_role" : "identity:create_role", Map.of());
        JsonNode member = KeystoneBodies.member(call, "role", CREATE);
        KeystoneBodies.requireStorable(member, "role");
        if (domainRole) {
            // roles here are global: a domain-specific role is refused rather than made global
            throw IdentityError.badRequest("Domain-specific roles are not supported.");
        }
        // Keystone gives every new role an id of its own, whatever the body says
        String id = UUID.randomUUID().toString().replace("-", "");
        IdentityRoleEntry role = new IdentityRoleEntry(id, member.path("name").asText(),
                text(member, "description").orElse(null), options(member, "{}"), KeystoneBodies.extra(member, KNOWN));
        if (!roles.create(role)) {
            throw duplicate(role.name());
        }
        return IdentityJson.json(201, KeystoneLinks.member("role", RoleView.role(call.request(), role)));
    }

    Response update(IdentityCall call) {
        IdentityRoleEntry current = authorizedRole(call, "identity:update_role");
        JsonNode member = KeystoneBodies.member(call, "role", UPDATE);
        KeystoneBodies.requireStorable(member, "role");
        KeystoneBodies.requireMatchingId(member, current.id());
        if (member.has("domain_id") && !member.get("domain_id").isNull()) {
            throw IdentityError.badRequest("Update of `domain_id` is not allowed.");
        }
        if (immutable(current) && !onlyClearsImmutable(member)) {
            throw immutableRefusal("update", current.id());
        }
        IdentityRoleEntry updated = new IdentityRoleEntry(current.id(), text(member, "name").orElse(current.name()),
                member.has("description") ? text(member, "description").orElse(null) : current.description(),
                options(member, current.options()), KeystoneBodies.mergeExtra(current.extra(), member, KNOWN));
        if (!roles.update(updated)) {
            throw duplicate(updated.name());
        }
        return IdentityJson.json(200, KeystoneLinks.member("role", RoleView.role(call.request(), updated)));
    }

    Response delete(IdentityCall call) {
        IdentityRoleEntry role = authorizedRole(call, "identity:delete_role");
        if (immutable(role)) {
            throw immutableRefusal("delete", role.id());
        }
        roles.delete(role.id());
        return Response.empty(204);
    }

    Response listImplied(IdentityCall call) {
        IdentityRoleEntry prior = role(call.parameter("prior_role_id"));
        call.authorize("identity:list_implied_roles", inferenceTarget(prior, Optional.empty()));
        ObjectNode body = inference(call, prior);
        ArrayNode implies = ((ObjectNode) body.get("role_inference")).putArray("implies");
        roles.impliedBy(prior.id()).forEach(role -> implies.add(RoleView.brief(call.request(), role)));
        KeystoneLinks.withSelf(body, call.request(), "roles/" + prior.id() + "/implies");
        return IdentityJson.json(200, body);
    }

    Response showImplied(IdentityCall call) {
        IdentityRoleEntry prior = role(call.parameter("prior_role_id"));
        IdentityRoleEntry implied = role(call.parameter("implied_role_id"));
        call.authorize("identity:get_implied_role", inferenceTarget(prior, Optional.of(implied)));
        return IdentityJson.json(200, implication(call, prior, implied));
    }

    /** HEAD: Keystone checks both rules and answers 204. */
    Response checkImplied(IdentityCall call) {
        IdentityRoleEntry prior = role(call.parameter("prior_role_id"));
        IdentityRoleEntry implied = role(call.parameter("implied_role_id"));
        Map<String, Object> target = inferenceTarget(prior, Optional.of(implied));
        call.authorize("identity:check_implied_role", target);
        call.authorize("identity:get_implied_role", target);
        implication(call, prior, implied);
        return Response.empty(204);
    }

    Response createImplied(IdentityCall call) {
        IdentityRoleEntry prior = role(call.parameter("prior_role_id"));
        IdentityRoleEntry implied = role(call.parameter("implied_role_id"));
        call.authorize("identity:create_implied_role", inferenceTarget(prior, Optional.of(implied)));
        // keystone.conf [assignment] prohibited_implied_role defaults to ["admin"]
        if (implied.name().equals("admin")) {
            throw IdentityError.forbiddenBecause(implied.id() + " cannot be an implied roles.");
        }
        roles.addImplication(prior.id(), implied.id());
        return IdentityJson.json(201, implication(call, prior, implied));
    }

    Response deleteImplied(IdentityCall call) {
        IdentityRoleEntry prior = role(call.parameter("prior_role_id"));
        IdentityRoleEntry implied = role(call.parameter("implied_role_id"));
        call.authorize("identity:delete_implied_role", inferenceTarget(prior, Optional.of(implied)));
        if (!roles.removeImplication(prior.id(), implied.id())) {
            throw notImplied(prior.id(), implied.id());
        }
        return Response.empty(204);
    }

    Response inferences(IdentityCall call) {
        call.authorize("identity:list_role_inference_rules", Map.of());
        Map<String, IdentityRoleEntry> byId = new HashMap<>();
        roles.list(Optional.empty()).forEach(role -> byId.put(role.id(), role));
        Map<String, ArrayNode> rules = new LinkedHashMap<>();
        for (List<String> rule : roles.implications()) {
            IdentityRoleEntry prior = byId.get(rule.get(0));
            IdentityRoleEntry implied = byId.get(rule.get(1));
            if (prior != null && implied != null) {
                rules.computeIfAbsent(prior.id(), k -> IdentityJson.object().arrayNode())
                        .add(RoleView.brief(call.request(), implied));
            }
        }
        ObjectNode body = IdentityJson.object();
        ArrayNode inferences = body.putArray("role_inferences");
        rules.forEach((priorId, implies) -> {
            ObjectNode inference = inferences.addObject();
            inference.set("prior_role", RoleView.brief(call.request(), byId.get(priorId)));
            inference.set("implies", implies);
        });
        return IdentityJson.json(200, body);
    }

    /** Keystone looks the role up while building the target: an unknown role is 404 before the rule. */
    private IdentityRoleEntry authorizedRole(IdentityCall call, String rule) {
        IdentityRoleEntry role = role(call.parameter("role_id"));
        Map<String, Object> target = roleTarget("target.role.", role);
        target.put("role_id", role.id());
        call.authorize(rule, target);
        return role;
    }

    private IdentityRoleEntry role(String id) {
        return (KeystoneBodies.storableId(id) ? roles.get(id) : Optional.<IdentityRoleEntry>empty())
                .orElseThrow(() -> IdentityError.notFound("Could not find role: " + id + "."));
    }

    private ObjectNode implication(IdentityCall call, IdentityRoleEntry prior, IdentityRoleEntry implied) {
        if (!roles.implies(prior.id(), implied.id())) {
            throw notImplied(prior.id(), implied.id());
        }
        ObjectNode body = inference(call, prior);
        ((ObjectNode) body.get("role_inference")).set("implies", RoleView.brief(call.request(), implied));
        return KeystoneLinks.withSelf(body, call.request(), "roles/" + prior.id() + "/implies/" + implied.id());
    }

    private static ObjectNode inference(IdentityCall call, IdentityRoleEntry prior) {
        ObjectNode body = IdentityJson.object();
        body.putObject("role_inference").set("prior_role", RoleView.brief(call.request(), prior));
        return body;
    }

    private static Map<String, Object> inferenceTarget(IdentityRoleEntry prior, Optional<IdentityRoleEntry> implied) {
        Map<String, Object> target = roleTarget("target.prior_role.", prior);
        target.put("prior_role_id", prior.id());
        implied.ifPresent(role -> {
            target.putAll(roleTarget("target.implied_role.", role));
            target.put("implied_role_id", role.id());
        });
        return target;
    }

    private static Map<String, Object> roleTarget(String prefix, IdentityRoleEntry role) {
        Map<String, Object> target = new HashMap<>();
        target.put(prefix + "id", role.id());
        target.put(prefix + "name", role.name());
        target.put(prefix + "domain_id", null);
        target.put(prefix + "description", role.description());
        return target;
    }

    /** The options given over {@code current}: an option set to null is removed. */
    private static String options(JsonNode member, String current) {
        ObjectNode options = KeystoneBodies.object(current);
        JsonNode given = member.get("options");
        if (given != null && given.isObject()) {
            given.fields().forEachRemaining(option -> {
                if (option.getValue().isNull()) {
                    options.remove(option.getKey());
                } else {
                    options.set(option.getKey(), option.getValue());
                }
            });
        }
        return options.toString();
    }

    private static boolean immutable(IdentityRoleEntry role) {
        return KeystoneBodies.object(role.options()).path("immutable").asBoolean(false);
    }

    /** Keystone lets an immutable role be changed only by a body that sets immutable to false or null. */
    private static boolean onlyClearsImmutable(JsonNode member) {
        JsonNode immutable = member.path("options").get("immutable");
        return member.size() == 1 && member.path("options").size() == 1 && immutable != null
                && (immutable.isNull() || (immutable.isBoolean() && !immutable.booleanValue()));
    }

    private static IdentityError immutableRefusal(String action, String id) {
        return IdentityError.forbiddenBecause("Unable to " + action + " immutable role resource: `" + id
                + ". Set resource option \"immutable\" to false first.");
    }

    private static IdentityError duplicate(String name) {
        return IdentityError.conflict("Conflict occurred attempting to store role - Duplicate entry found with name "
                + name + ".");
    }

    private static IdentityError notImplied(String priorId, String impliedId) {
        return IdentityError.notFound(priorId + " does not imply " + impliedId + ".");
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() ? Optional.of(value.asText()) : Optional.empty();
    }
}
