package org.jnova.api.openstack.identity.assignments;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
import org.jnova.objects.IdentityAssignmentFilter;
import org.jnova.objects.IdentityGroup;
import org.jnova.objects.IdentityUser;
import org.jnova.wsgi.Response;

/**
 * {@code GET /v3/role_assignments}: the assignments matching Keystone's filters ({@code user.id},
 * {@code group.id}, {@code role.id}, {@code scope.project.id}, {@code scope.domain.id});
 * {@code effective} expands group assignments to the groups' users and adds implied roles,
 * {@code include_names} adds the names of every entity.
 */
public final class RoleAssignmentsController {
    private static final List<String> FILTERS = List.of("group.id", "role.id", "scope.domain.id", "scope.project.id",
            "scope.OS-INHERIT:inherited_to", "user.id", "scope.system");
    private final IdentityAssignments assignments;
    private final IdentityRoles roles;
    private final IdentityGroups groups;

    public RoleAssignmentsController(IdentityAssignments assignments, IdentityRoles roles,
            IdentityGroups groups) {
        this.assignments = requireNonNull(assignments, "assignments is null");
        this.roles = requireNonNull(roles, "roles is null");
        this.groups = requireNonNull(groups, "groups is null");
    }

    public List<IdentityRoute> routes() {
        return IdentityRoute.getAndHead("/role_assignments", this::list);
    }

    /** One effective or direct assignment, with where it came from (a group, a prior role). */
    record Entry(Optional<String> userId, Optional<String> groupId, Optional<String> projectId,
            Optional<String> domainId, String roleId, Optional<String> viaGroupId, Optional<String> priorRoleId) {
        static Entry of(IdentityAssignment assignment) {
            Optional<String> actor = Optional.of(assignment.actorId());
            Optional<String> target = Optional.of(assignment.targetId());
            boolean user = assignment.type().user();
            boolean project = assignment.type().project();
            return new Entry(user ? actor : Optional.empty(), user ? Optional.empty() : actor,
                    project ? target : Optional.empty(), project ? Optional.empty() : target, assignment.roleId(),
                    Optional.empty(), Optional.empty());
        }

        Entry forMember(String memberId) {
            return new Entry(Optional.of(memberId), Optional.empty(), projectId, domainId, roleId, groupId,
                    priorRoleId);
        }

        Entry implying(String impliedRoleId) {
            return new Entry(userId, groupId, projectId, domainId, impliedRoleId, viaGroupId, Optional.of(roleId));
        }
    }

    Response list(IdentityCall call) {
        Map<String, Object> target = new HashMap<>();
        for (String filter : FILTERS) {
            call.query(filter).ifPresent(value -> target.put(filter, value));
        }
        call.authorize("identity:list_role_assignments", target);
        if (truthy(call, "include_subtree")) {
            throw IdentityError.badRequest("include_subtree is not supported.");
        }
        Optional<String> userId = filter(call, "user.id");
        Optional<String> groupId = filter(call, "group.id");
        Optional<String> projectId = filter(call, "scope.project.id");
        Optional<String> domainId = filter(call, "scope.domain.id");
        Optional<String> roleId = filter(call, "role.id");
        boolean system = filter(call, "scope.system").isPresent();
        boolean effective = truthy(call, "effective");
        if (domainId.isPresent() && projectId.isPresent()) {
            throw IdentityError.badRequest("Specify a domain or project, not both");
        }
        if (domainId.isPresent() && system) {
            throw IdentityError.badRequest("Specify system or domain, not both");
        }
        if (projectId.isPresent() && system) {
            throw IdentityError.badRequest("Specify system or project, not both");
        }
        if (userId.isPresent() && groupId.isPresent()) {
            throw IdentityError.badRequest("Specify a user or group, not both");
        }
        if (effective && groupId.isPresent()) {
            throw IdentityError.badRequest("Combining effective and group filter will always result in an empty "
                    + "list.");
        }
        List<Entry> entries = new ArrayList<>();
        boolean inherited = call.query("scope.OS-INHERIT:inherited_to").map("projects"::equals).orElse(false);
        boolean searchable = !system && !inherited && storable(userId)
                && storable(groupId) && storable(projectId) && storable(domainId) && storable(roleId);
        if (searchable) {
            entries = effective ? effective(userId, projectId, domainId, roleId)
                    : direct(new IdentityAssignmentFilter(userId, groupId, projectId, domainId, roleId));
        }
        Names names = truthy(call, "include_names") ? new Names() : null;
        List<ObjectNode> members = new ArrayList<>();
        for (Entry entry : entries) {
            members.add(format(call, entry, names));
        }
        return IdentityJson.json(200, KeystoneLinks.collection(call.request(), "role_assignments", members));
    }

    private List<Entry> direct(IdentityAssignmentFilter filter) {
        return assignments.list(filter).stream().map(Entry::of).toList();
    }

    /** Group assignments become their members', implied roles are added, then the role filter applies. */
    private List<Entry> effective(Optional<String> userId, Optional<String> projectId, Optional<String> domainId,
            Optional<String> roleId) {
        List<Entry> expanded = new ArrayList<>();
        if (userId.isPresent()) {
            direct(new IdentityAssignmentFilter(userId, Optional.empty(), projectId, domainId, Optional.empty()))
                    .forEach(expanded::add);
            for (IdentityGroup group : groups.groupsOf(userId.get())) {
                for (Entry entry : direct(new IdentityAssignmentFilter(Optional.empty(), Optional.of(group.id()),
                        projectId, domainId, Optional.empty()))) {
                    expanded.add(entry.forMember(userId.get()));
                }
            }
        } else {
            for (Entry entry : direct(new IdentityAssignmentFilter(Optional.empty(), Optional.empty(), projectId,
                    domainId, Optional.empty()))) {
                if (entry.groupId().isEmpty()) {
                    expanded.add(entry);
                } else {
                    groups.members(entry.groupId().get()).forEach(member -> expanded.add(entry.forMember(member.id())));
                }
            }
        }
        Map<String, List<String>> rules = new HashMap<>();
        roles.implications().forEach(rule -> rules.computeIfAbsent(rule.get(0), k -> new ArrayList<>()).add(rule.get(1)));
        Set<Entry> results = new LinkedHashSet<>(expanded);
        Deque<Entry> pending = new ArrayDeque<>(expanded);
        while (!pending.isEmpty()) {
            Entry next = pending.poll();
            for (String implied : rules.getOrDefault(next.roleId(), List.of())) {
                Entry copy = next.implying(implied);
                if (results.add(copy)) {
                    pending.add(copy);
                }
            }
        }
        return results.stream().filter(e -> roleId.map(e.roleId()::equals).orElse(true)).toList();
    }

    /** Keystone's role assignment body (keystone.api.role_assignments._format_entity). */
    private ObjectNode format(IdentityCall call, Entry entry, Names names) {
        ObjectNode body = IdentityJson.object();
        ObjectNode links = body.putObject("links");
        StringBuilder link = new StringBuilder();
        ObjectNode scope = body.putObject("scope");
        if (entry.projectId().isPresent()) {
            ObjectNode project = scope.putObject("project").put("id", entry.projectId().get());
            if (names != null) {
                names.project(project, entry.projectId().get());
            }
            link.append("projects/").append(entry.projectId().get());
        } else {
            ObjectNode domain = scope.putObject("domain").put("id", entry.domainId().orElseThrow());
            if (names != null) {
                names.domain(domain, entry.domainId().get());
            }
            link.append("domains/").append(entry.domainId().get());
        }
        if (entry.userId().isPresent()) {
            ObjectNode user = body.putObject("user").put("id", entry.userId().get());
            if (names != null) {
                names.user(user, entry.userId().get());
            }
            if (entry.viaGroupId().isPresent()) {
                links.put("membership", KeystoneLinks.url(call.request(), "groups/" + entry.viaGroupId().get()
                        + "/users/" + entry.userId().get()));
                link.append("/groups/").append(entry.viaGroupId().get());
            } else {
                link.append("/users/").append(entry.userId().get());
            }
        } else {
            ObjectNode group = body.putObject("group").put("id", entry.groupId().orElseThrow());
            if (names != null) {
                names.group(group, entry.groupId().get());
            }
            link.append("/groups/").append(entry.groupId().get());
        }
        ObjectNode role = body.putObject("role").put("id", entry.roleId());
        if (names != null) {
            names.role(role, entry.roleId());
        }
        link.append("/roles/").append(entry.priorRoleId().orElse(entry.roleId()));
        links.put("assignment", KeystoneLinks.url(call.request(), link.toString()));
        entry.priorRoleId().ifPresent(prior -> links.put("prior_role", KeystoneLinks.url(call.request(),
                "prior_role/" + entry.roleId() + "/implies/" + prior)));
        return body;
    }

    /** Names looked up once per request for {@code include_names}. */
    private final class Names {
        private final Map<String, Optional<IdentityUser>> users = new HashMap<>();
        private final Map<String, Optional<IdentityGroup>> groupsById = new HashMap<>();
        private final Map<String, Optional<org.jnova.objects.IdentityProject>> projects = new HashMap<>();
        private final Map<String, Optional<org.jnova.objects.IdentityDomain>> domains = new HashMap<>();
        private final Map<String, Optional<org.jnova.objects.IdentityRoleEntry>> rolesById = new HashMap<>();

        void user(ObjectNode node, String id) {
            users.computeIfAbsent(id, assignments::user).ifPresent(user -> {
                node.put("name", user.name());
                domain(node.putObject("domain").put("id", user.domainId()), user.domainId());
            });
        }

        void group(ObjectNode node, String id) {
            groupsById.computeIfAbsent(id, groups::get).ifPresent(group -> {
                node.put("name", group.name());
                domain(node.putObject("domain").put("id", group.domainId()), group.domainId());
            });
        }

        void project(ObjectNode node, String id) {
            projects.computeIfAbsent(id, assignments::project).ifPresent(project -> {
                node.put("name", project.name());
                domain(node.putObject("domain").put("id", project.domainId()), project.domainId());
            });
        }

        void domain(ObjectNode node, String id) {
            domains.computeIfAbsent(id, assignments::domain).ifPresent(domain -> node.put("name", domain.name()));
        }

        void role(ObjectNode node, String id) {
            rolesById.computeIfAbsent(id, roles::get).ifPresent(role -> node.put("name", role.name()));
        }
    }

    private static Optional<String> filter(IdentityCall call, String name) {
        return call.query(name).filter(value -> !value.isEmpty());
    }

    private boolean storable(Optional<String> id) {
        return id.map(KeystoneBodies::storableId).orElse(true);
    }

    /** Keystone's query_filter_is_true: present and not "0". */
    private static boolean truthy(IdentityCall call, String name) {
        return call.query(name).map(value -> !value.equals("0")).orElse(
                call.request().queryParams().containsKey(name));
    }
}
