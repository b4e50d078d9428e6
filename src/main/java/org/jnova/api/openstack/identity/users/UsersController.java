package org.jnova.api.openstack.identity.users;

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
import org.jnova.api.openstack.identity.projects.ProjectView;
import org.jnova.api.openstack.identity.support.IdentityCall;
import org.jnova.api.openstack.identity.support.IdentityEntities;
import org.jnova.api.openstack.identity.support.IdentityRoute;
import org.jnova.api.openstack.identity.support.IdentitySchema;
import org.jnova.identity.IdentityError;
import org.jnova.identity.IdentityProjects;
import org.jnova.identity.IdentityUsers;
import org.jnova.objects.IdentityUserDetails;
import org.jnova.wsgi.Response;

/**
 * {@code /v3/users}: list (filters name, domain_id, enabled), create, show, update (the
 * password too), delete; a user's own password change; the projects a user has a role on.
 */
public final class UsersController {
    /** What a user body may hold that is not kept among its extra attributes. */
    static final Set<String> KNOWN = Set.of("id", "name", "domain_id", "enabled", "default_project_id", "password",
            "options", "federated", "password_expires_at", "links");
    /** Keystone's user options (accepted, not kept: none of them is enforced here). */
    private static final Set<String> OPTIONS = Set.of("ignore_change_password_upon_first_use",
            "ignore_password_expiry", "ignore_lockout_failure_attempts", "lock_password",
            "ignore_user_inactivity", "multi_factor_auth_enabled");
    /** Filters only federated users match; there are none. */
    private static final List<String> FEDERATED_FILTERS = List.of("idp_id", "protocol_id", "unique_id");
    private static final String DEFAULT_DOMAIN = "default";
    private final IdentityUsers users;
    private final IdentityProjects projects;

    public UsersController(IdentityUsers users, IdentityProjects projects) {
        this.users = requireNonNull(users, "users is null");
        this.projects = requireNonNull(projects, "projects is null");
    }

    public List<IdentityRoute> routes() {
        List<IdentityRoute> routes = new ArrayList<>();
        routes.addAll(IdentityRoute.getAndHead("/users", this::list));
        routes.add(IdentityRoute.post("/users", this::create));
        routes.addAll(IdentityRoute.getAndHead("/users/{user_id}", this::show));
        routes.add(IdentityRoute.patch("/users/{user_id}", this::update));
        routes.add(IdentityRoute.delete("/users/{user_id}", this::delete));
        routes.add(IdentityRoute.post("/users/{user_id}/password", this::changePassword));
        routes.addAll(IdentityRoute.getAndHead("/users/{user_id}/projects", this::projects));
        return routes;
    }

    Response list(IdentityCall call) {
        call.authorize("identity:list_users", IdentityEntities.filterTarget(call, "domain_id", "enabled", "idp_id",
                "name", "protocol_id", "unique_id", "password_expires_at"));
        Optional<String> domainId = call.query("domain_id");
        Optional<String> enabled = call.query("enabled");
        Optional<String> name = call.query("name");
        boolean federatedOnly = FEDERATED_FILTERS.stream().anyMatch(f -> call.query(f).isPresent());
        return IdentityEntities.collection(call.request(), "users", users.list().stream()
                .filter(u -> !federatedOnly && IdentityEntities.matches(domainId, u.domainId())
                        && IdentityEntities.matches(enabled, u.enabled()) && IdentityEntities.matches(name, u.name()))
                .map(UserView::of).toList());
    }

    /** Keystone checks policy before it says whether the user exists. */
    Response show(IdentityCall call) {
        String id = call.parameter("user_id");
        Optional<IdentityUserDetails> user = users.find(id);
        call.authorize("identity:get_user", target(id, user));
        return IdentityEntities.member(200, call.request(), "user", "users",
                UserView.of(user.orElseGet(() -> users.get(id))));
    }

    Response create(IdentityCall call) {
        IdentitySchema.wellFormed(call);
        JsonNode body = IdentitySchema.member(call, "user");
        Map<String, Object> target = new HashMap<>();
        IdentityEntities.putTarget(target, "target.user", (ObjectNode) body);
        call.authorize("identity:create_user", target);
        validate(body);
        IdentitySchema.required(body, "name");
        IdentitySchema.storable(body, "");
        String domainId = IdentityEntities.text(body, "domain_id", null);
        IdentityUserDetails user = new IdentityUserDetails(UUID.randomUUID().toString().replace("-", ""),
                IdentityEntities.strip(body.get("name").asText()), domainId == null ? DEFAULT_DOMAIN : domainId,
                IdentityEntities.bool(body, "enabled", true), IdentityEntities.text(body, "default_project_id", null),
                IdentityEntities.mergeExtra(null, body, KNOWN));
        IdentityUserDetails created = users.create(user,
                Optional.ofNullable(IdentityEntities.text(body, "password", null)));
        return IdentityEntities.member(201, call.request(), "user", "users", UserView.of(created));
    }

    /** Policy first (the target empty for a missing user), then 404, then the body. */
    Response update(IdentityCall call) {
        IdentitySchema.wellFormed(call);
        String id = call.parameter("user_id");
        Optional<IdentityUserDetails> found = users.find(id);
        call.authorize("identity:update_user", target(id, found));
        IdentityUserDetails user = found.orElseGet(() -> users.get(id));
        JsonNode body = IdentitySchema.member(call, "user");
        validate(body);
        IdentitySchema.notEmpty(body);
        IdentitySchema.storable(body, "");
        if (body.hasNonNull("id") && !body.get("id").asText().equals(id)) {
            throw IdentityError.badRequest("Cannot change ID");
        }
        if (body.has("domain_id") && !user.domainId().equals(body.get("domain_id").textValue())) {
            throw IdentityError.badRequest("Cannot change Domain ID");
        }
        IdentityUserDetails changed = new IdentityUserDetails(id,
                IdentityEntities.strip(IdentityEntities.text(body, "name", user.name())), user.domainId(),
                IdentityEntities.bool(body, "enabled", user.enabled()),
                IdentityEntities.text(body, "default_project_id", user.defaultProjectId()),
                IdentityEntities.mergeExtra(user.extra(), body, KNOWN));
        IdentityUserDetails updated = users.update(changed, body.has("password"),
                IdentityEntities.text(body, "password", null));
        return IdentityEntities.member(200, call.request(), "user", "users", UserView.of(updated));
    }

    Response delete(IdentityCall call) {
        String id = call.parameter("user_id");
        call.authorize("identity:delete_user", target(id, users.find(id)));
        users.delete(id);
        return Response.empty(204);
    }

    /**
     * The user's own password change, which needs no token (the old password proves who asks):
     * 204, or 401 for a wrong original password or an unknown or disabled user.
     */
    Response changePassword(IdentityCall call) {
        IdentitySchema.wellFormed(call);
        JsonNode body = IdentitySchema.member(call, "user");
        IdentitySchema.string(body, "original_password", IdentitySchema.STRING);
        IdentitySchema.string(body, "password", IdentitySchema.STRING);
        IdentitySchema.required(body, "original_password");
        IdentitySchema.required(body, "password");
        IdentitySchema.only(body, Set.of("original_password", "password"));
        IdentitySchema.storable(body, "");
        users.changePassword(call.parameter("user_id"), body.get("original_password").asText(),
                body.get("password").asText());
        return Response.empty(204);
    }

    /** The projects the user holds a role on, filtered by domain_id, enabled and name. */
    Response projects(IdentityCall call) {
        String id = call.parameter("user_id");
        Map<String, Object> target = target(id, users.find(id));
        target.putAll(IdentityEntities.filterTarget(call, "domain_id", "enabled", "name"));
        call.authorize("identity:list_user_projects", target);
        Optional<String> domainId = call.query("domain_id");
        Optional<String> enabled = call.query("enabled");
        Optional<String> name = call.query("name");
        return IdentityEntities.collection(call.request(), "projects", projects.projectsOfUser(id).stream()
                .filter(p -> IdentityEntities.matches(domainId, p.domainId())
                        && IdentityEntities.matches(enabled, p.enabled()) && IdentityEntities.matches(name, p.name()))
                .map(ProjectView::of).toList());
    }

    /** Keystone's user schema, property by property in its order ({@code federated} is not kept). */
    private static void validate(JsonNode body) {
        IdentitySchema.string(body, "default_project_id", IdentitySchema.NULLABLE_ID);
        IdentitySchema.string(body, "description", IdentitySchema.DESCRIPTION);
        IdentitySchema.string(body, "domain_id", IdentitySchema.ID);
        IdentitySchema.bool(body, "enabled");
        IdentitySchema.string(body, "name", IdentitySchema.IDENTITY_NAME);
        IdentitySchema.string(body, "password", IdentitySchema.PASSWORD);
        IdentitySchema.options(body, "options", OPTIONS, Set.of("multi_factor_auth_rules"));
    }

    private static Map<String, Object> target(String id, Optional<IdentityUserDetails> user) {
        Map<String, Object> target = new HashMap<>();
        target.put("user_id", id);
        user.ifPresent(u -> IdentityEntities.putTarget(target, "target.user", UserView.of(u)));
        return target;
    }
}
