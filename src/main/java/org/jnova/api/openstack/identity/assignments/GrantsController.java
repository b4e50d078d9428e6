package org.jnova.api.openstack.identity.assignments;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jnova.api.openstack.identity.roles.RoleView;
import org.jnova.api.openstack.identity.support.IdentityCall;
import org.jnova.api.openstack.identity.support.IdentityJson;
import org.jnova.api.openstack.identity.support.IdentityRoute;
import org.jnova.api.openstack.identity.support.KeystoneBodies;
import org.jnova.api.openstack.identity.support.KeystoneLinks;
import org.jnova.identity.IdentityAssignments;
import org.jnova.identity.IdentityGroups;
import org.jnova.identity.IdentityRoles;
import org.jnova.identity.IdentityError;
import org.jnova.objects.IdentityAssignment;
import org.jnova.objects.IdentityDomain;
import org.jnova.objects.IdentityGroup;
import org.jnova.objects.IdentityProject;
import org.jnova.objects.IdentityRole;
import org.jnova.objects.IdentityRoleEntry;
import org.jnova.objects.IdentityUser;
import org.jnova.wsgi.Response;

/**
 * Keystone's grants: {@code /v3/{projects|domains}/{id}/{users|groups}/{id}/roles[/{role_id}]},
 * a role given to a user or group on a project or domain (PUT), checked (GET, HEAD), taken
 * back (DELETE), and the roles given to one actor on one target (GET).
 */
public final class GrantsController {
    private final IdentityAssignments assignments;
    private final IdentityRoles roles;
    private final IdentityGroups groups;

    public GrantsController(IdentityAssignments assignments, IdentityRoles roles, IdentityGroups groups) {
        this.assignments = requireNonNull(assignments, "assignments is null");
        this.roles = requireNonNull(roles, "roles is null");
        this.groups = requireNonNull(groups, "groups is null");
    }

    public List<IdentityRoute> routes() {
        List<IdentityRoute> routes = new ArrayList<>();
        for (String targets : List.of("projects", "domains")) {
            for (String actors : List.of("users", "groups")) {
                boolean project = targets.equals("projects");
                boolean user = actors.equals("users");
                String target = project ? "project_id" : "domain_id";
                String actor = user ? "user_id" : "group_id";
                IdentityAssignment.Type type = IdentityAssignment.Type.of(user, project);
                String list = "/" + targets + "/{" + target + "}/" + actors + "/{" + actor + "}/roles";
                String one = list + "/{role_id}";
                routes.addAll(IdentityRoute.getAndHead(list, call -> list(call, type, target, actor)));
                routes.addAll(IdentityRoute.getAndHead(one, call -> check(call, type, target, actor)));
                routes.add(IdentityRoute.put(one, call -> grant(call, type, target, actor)));
                routes.add(IdentityRoute.delete(one, call -> revoke(call, type, target, actor)));
            }
        }
        return routes;
    }

    Response list(IdentityCall call, IdentityAssignment.Type type, String targetParameter, String actorParameter) {
        Grant grant = lookUp(call, type, targetParameter, actorParameter, false, false);
        call.authorize("identity:list_grants", grant.policyTarget());
        List<ObjectNode> members = new ArrayList<>();
        for (IdentityRole role : assignments.granted(type, grant.actorId(), grant.targetId())) {
            roles.get(role.id()).ifPresent(entry -> members.add(RoleView.role(call.request(), entry)));
        }
        return IdentityJson.json(200, KeystoneLinks.collection(call.request(), "roles", members));
    }

    Response check(IdentityCall call, IdentityAssignment.Type type, String targetParameter, String actorParameter) {
        Grant grant = lookUp(call, type, targetParameter, actorParameter, true, false);
        call.authorize("identity:check_grant", grant.policyTarget());
        if (!assignments.exists(grant.assignment())) {
            throw grant.notFound();
        }
        return Response.empty(204);
    }

    Response grant(IdentityCall call, IdentityAssignment.Type type, String targetParameter, String actorParameter) {
        Grant grant = lookUp(call, type, targetParameter, actorParameter, true, false);
        call.authorize("identity:create_grant", grant.policyTarget());
        assignments.grant(grant.assignment());
        return Response.empty(204);
    }

    Response revoke(IdentityCall call, IdentityAssignment.Type type, String targetParameter, String actorParameter) {
        Grant grant = lookUp(call, type, targetParameter, actorParameter, true, true);
        call.authorize("identity:revoke_grant", grant.policyTarget());
        if (!assignments.revoke(grant.assignment())) {
            throw grant.notFound();
        }
        return Response.empty(204);
    }

    /** One grant named by a path, with Keystone's policy target. */
    private record Grant(IdentityAssignment.Type type, String actorId, String targetId, String roleId,
            Map<String, Object> policyTarget) {
        IdentityAssignment assignment() {
            return new IdentityAssignment(type, actorId, targetId, roleId);
        }

        IdentityError notFound() {
            return IdentityError.notFound("Could not find role assignment with role: " + roleId
                    + ", user or group: " + actorId + ", project, domain, or system: " + targetId + ".");
        }
    }

    /**
     * Looks up what the path names in Keystone's order (role, then user or group, then
     * project or domain), answering 404 for the first missing; a missing actor is let through
     * when revoking, as Keystone does.
     */
    private Grant lookUp(IdentityCall call, IdentityAssignment.Type type, String targetParameter,
            String actorParameter, boolean withRole, boolean allowMissingActor) {
        Map<String, Object> target = new HashMap<>();
        String roleId = withRole ? call.parameter("role_id") : null;
        if (withRole) {
            IdentityRoleEntry role = find(roleId, roles::get)
                    .orElseThrow(() -> IdentityError.notFound("Could not find role: " + roleId + "."));
            target.put("role_id", roleId);
            target.put("target.role.id", role.id());
            target.put("target.role.name", role.name());
            target.put("target.role.domain_id", null);
        }
        String actorId = call.parameter(actorParameter);
        target.put(actorParameter, actorId);
        if (type.user()) {
            Optional<IdentityUser> user = find(actorId, assignments::user);
            if (user.isEmpty() && !allowMissingActor) {
                throw IdentityError.notFound("Could not find user: " + actorId + ".");
            }
            user.ifPresent(u -> {
                target.put("target.user.id", u.id());
                target.put("target.user.name", u.name());
                target.put("target.user.domain_id", u.domainId());
            });
        } else {
            Optional<IdentityGroup> group = find(actorId, groups::get);
            if (group.isEmpty() && !allowMissingActor) {
                throw IdentityError.notFound("Could not find group: " + actorId + ".");
            }
            group.ifPresent(g -> {
                target.put("target.group.id", g.id());
                target.put("target.group.name", g.name());
                target.put("target.group.domain_id", g.domainId());
            });
        }
        String targetId = call.parameter(targetParameter);
        target.put(targetParameter, targetId);
        if (type.project()) {
            IdentityProject project = find(targetId, assignments::project)
                    .orElseThrow(() -> IdentityError.notFound("Could not find project: " + targetId + "."));
            target.put("target.project.id", project.id());
            target.put("target.project.name", project.name());
            target.put("target.project.domain_id", project.domainId());
        } else {
            IdentityDomain domain = find(targetId, assignments::domain)
                    .orElseThrow(() -> IdentityError.notFound("Could not find domain: " + targetId + "."));
            target.put("target.domain.id", domain.id());
            target.put("target.domain.name", domain.name());
        }
        return new Grant(type, actorId, targetId, roleId, target);
    }

    private static <T> Optional<T> find(String id, java.util.function.Function<String, Optional<T>> lookup) {
        return KeystoneBodies.storableId(id) ? lookup.apply(id) : Optional.empty();
    }
}
