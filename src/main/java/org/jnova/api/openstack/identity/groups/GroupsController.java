package org.jnova.api.openstack.identity.groups;

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
import org.jnova.identity.IdentityGroups;
import org.jnova.identity.IdentityError;
import org.jnova.objects.IdentityGroup;
import org.jnova.objects.IdentityUser;
import org.jnova.wsgi.Response;

/**
 * {@code /v3/groups}, {@code /v3/groups/{group_id}/users[/{user_id}]} and
 * {@code /v3/users/{user_id}/groups}: groups of a domain and their members.
 */
public final class GroupsController {
    /** keystone.conf [identity] default_domain_id. */
    private static final String DEFAULT_DOMAIN_ID = "default";
    private static final Set<String> KNOWN = Set.of("id", "domain_id", "name", "description", "links");
    /** keystone.identity.schema: group_create, group_update. */
    private static final String PROPERTIES = "'properties': {'description': {'type': ['string', 'null']}, "
            + "'domain_id': {'type': 'string', 'minLength': 1, 'maxLength': 64, 'pattern': '^[a-zA-Z0-9-]+$'}, "
            + "'name': {'type': 'string', 'minLength': 1, 'maxLength': 255, 'pattern': '[\\\\S]+'}}";
    private static final JsonNode CREATE = KeystoneBodies.schema("{'type': 'object', " + PROPERTIES
            + ", 'required': ['name'], 'additionalProperties': true}");
    private static final JsonNode UPDATE = KeystoneBodies.schema("{'type': 'object', " + PROPERTIES
            + ", 'minProperties': 1, 'additionalProperties': true}");
    private final IdentityGroups groups;

    public GroupsController(IdentityGroups groups) {
        this.groups = requireNonNull(groups, "groups is null");
    }

    public List<IdentityRoute> routes() {
        List<IdentityRoute> routes = new ArrayList<>();
        routes.addAll(IdentityRoute.getAndHead("/groups", this::list));
        routes.add(IdentityRoute.post("/groups", this::create));
        routes.addAll(IdentityRoute.getAndHead("/groups/{group_id}", this::show));
        routes.add(IdentityRoute.patch("/groups/{group_id}", this::update));
        routes.add(IdentityRoute.delete("/groups/{group_id}", this::delete));
        routes.addAll(IdentityRoute.getAndHead("/groups/{group_id}/users", this::members));
        routes.addAll(IdentityRoute.getAndHead("/groups/{group_id}/users/{user_id}", this::checkMember));
        routes.add(IdentityRoute.put("/groups/{group_id}/users/{user_id}", this::addMember));
        routes.add(IdentityRoute.delete("/groups/{group_id}/users/{user_id}", this::removeMember));
        routes.addAll(IdentityRoute.getAndHead("/users/{user_id}/groups", this::groupsOfUser));
        return routes;
    }

    Response list(IdentityCall call) {
        Optional<String> domainId = call.query("domain_id");
        Optional<String> name = call.query("name");
        Map<String, Object> target = new HashMap<>();
        domainId.ifPresent(d -> target.put("domain_id", d));
        name.ifPresent(n -> target.put("name", n));
        call.authorize("identity:list_groups", target);
        List<ObjectNode> members = new ArrayList<>();
        if (domainId.map(KeystoneBodies::storableId).orElse(true) && name.map(KeystoneBodies::storableId).orElse(true)) {
            groups.list(domainId, name).forEach(group -> members.add(GroupView.group(call.request(), group)));
        }
        return IdentityJson.json(200, KeystoneLinks.collection(call.request(), "groups", members));
    }

    Response show(IdentityCall call) {
        String id = call.parameter("group_id");
        Optional<IdentityGroup> group = find(id);
        call.authorize("identity:get_group", groupTarget(id, group));
        return IdentityJson.json(200, KeystoneLinks.member("group",
                GroupView.group(call.request(), group.orElseThrow(() -> groupNotFound(id)))));
    }

    Response create(IdentityCall call) {
        JsonNode body = call.request().body().length == 0 ? IdentityJson.object() : call.body();
        Map<String, Object> target = new HashMap<>();
        JsonNode given = body.path("group");
        given.fields().forEachRemaining(field -> {
            if (field.getValue().isValueNode()) {
                target.put("target.group." + field.getKey(), field.getValue().asText());
            }
        });
        call.authorize("identity:create_group", target);
        JsonNode member = KeystoneBodies.member(call, "group", CREATE);
        KeystoneBodies.requireStorable(member, "group");
        String domainId = member.path("domain_id").isTextual() ? member.path("domain_id").asText()
                : DEFAULT_DOMAIN_ID;
        if (groups.domain(domainId).isEmpty()) {
            throw IdentityError.notFound("Could not find domain: " + domainId + ".");
        }
        String description = member.has("description") && member.get("description").isTextual()
                ? member.get("description").asText() : "";
        IdentityGroup group = new IdentityGroup(UUID.randomUUID().toString().replace("-", ""), domainId,
                member.path("name").asText().strip(), description, KeystoneBodies.extra(member, KNOWN));
        if (!groups.create(group)) {
            throw duplicate(group);
        }
        return IdentityJson.json(201, KeystoneLinks.member("group", GroupView.group(call.request(), group)));
    }

    Response update(IdentityCall call) {
        String id = call.parameter("group_id");
        Optional<IdentityGroup> found = find(id);
        call.authorize("identity:update_group", groupTarget(id, found));
        JsonNode member = KeystoneBodies.member(call, "group", UPDATE);
        KeystoneBodies.requireStorable(member, "group");
        KeystoneBodies.requireMatchingId(member, id);
        IdentityGroup current = found.orElseThrow(() -> groupNotFound(id));
        if (member.has("domain_id") && !member.get("domain_id").asText().equals(current.domainId())) {
            throw IdentityError.badRequest("Cannot change Domain ID");
        }
        String description = !member.has("description") ? current.description()
                : member.get("description").isNull() ? null : member.get("description").asText();
        IdentityGroup updated = new IdentityGroup(id, current.domainId(),
                member.has("name") ? member.get("name").asText().strip() : current.name(), description,
                KeystoneBodies.mergeExtra(current.extra(), member, KNOWN));
        if (!groups.update(updated)) {
            throw duplicate(updated);
        }
        return IdentityJson.json(200, KeystoneLinks.member("group", GroupView.group(call.request(), updated)));
    }

    /** Keystone looks the group up before its rule here: an unknown group is 404 even for a member. */
    Response delete(IdentityCall call) {
        String id = call.parameter("group_id");
        IdentityGroup group = find(id).orElseThrow(() -> groupNotFound(id));
        call.authorize("identity:delete_group", groupTarget(id, Optional.of(group)));
        groups.delete(group.id());
        return Response.empty(204);
    }

    Response members(IdentityCall call) {
        String id = call.parameter("group_id");
        Optional<IdentityGroup> group = find(id);
        Map<String, Object> target = groupTarget(id, group);
        call.query("domain_id").ifPresent(d -> target.put("domain_id", d));
        call.query("enabled").ifPresent(e -> target.put("enabled", e));
        call.query("name").ifPresent(n -> target.put("name", n));
        call.authorize("identity:list_users_in_group", target);
        group.orElseThrow(() -> groupNotFound(id));
        List<ObjectNode> users = new ArrayList<>();
        for (IdentityUser user : groups.members(id)) {
            if (call.query("name").map(user.name()::equals).orElse(true)
                    && call.query("domain_id").map(user.domainId()::equals).orElse(true)
                    && call.query("enabled").map(e -> enabled(e) == user.enabled()).orElse(true)) {
                users.add(GroupView.user(call.request(), user));
            }
        }
        return IdentityJson.json(200, KeystoneLinks.collection(call.request(), "users", users));
    }

    Response checkMember(IdentityCall call) {
        Membership membership = membership(call, "identity:check_user_in_group");
        if (!groups.isMember(membership.groupId(), membership.userId())) {
            throw notMember(membership);
        }
        return Response.empty(204);
    }

    Response addMember(IdentityCall call) {
        Membership membership = membership(call, "identity:add_user_to_group");
        groups.addMember(membership.groupId(), membership.userId());
        return Response.empty(204);
    }

    Response removeMember(IdentityCall call) {
        String groupId = call.parameter("group_id");
        String userId = call.parameter("user_id");
        Map<String, Object> target = groupTarget(groupId, find(groupId));
        target.putAll(userTarget(userId, user(userId)));
        call.authorize("identity:remove_user_from_group", target);
        if (!(KeystoneBodies.storableId(groupId) && KeystoneBodies.storableId(userId)
                && groups.removeMember(groupId, userId))) {
            Membership membership = existing(groupId, userId);
            throw notMember(membership);
        }
        return Response.empty(204);
    }

    Response groupsOfUser(IdentityCall call) {
        String userId = call.parameter("user_id");
        Optional<IdentityUser> user = user(userId);
        Map<String, Object> target = userTarget(userId, user);
        call.query("name").ifPresent(n -> target.put("name", n));
        call.authorize("identity:list_groups_for_user", target);
        user.orElseThrow(() -> userNotFound(userId));
        List<ObjectNode> members = new ArrayList<>();
        for (IdentityGroup group : groups.groupsOf(userId)) {
            if (call.query("name").map(group.name()::equals).orElse(true)) {
                ObjectNode body = GroupView.group(call.request(), group);
                body.putNull("membership_expires_at");
                members.add(body);
            }
        }
        return IdentityJson.json(200, KeystoneLinks.collection(call.request(), "groups", members));
    }

    private record Membership(String groupId, String userId) {
    }

    /** The rule with what exists of group and user, then Keystone's 404 for either missing. */
    private Membership membership(IdentityCall call, String rule) {
        String groupId = call.parameter("group_id");
        String userId = call.parameter("user_id");
        Map<String, Object> target = groupTarget(groupId, find(groupId));
        target.putAll(userTarget(userId, user(userId)));
        call.authorize(rule, target);
        return existing(groupId, userId);
    }

    private Membership existing(String groupId, String userId) {
        find(groupId).orElseThrow(() -> groupNotFound(groupId));
        user(userId).orElseThrow(() -> userNotFound(userId));
        return new Membership(groupId, userId);
    }

    private Optional<IdentityGroup> find(String id) {
        return KeystoneBodies.storableId(id) ? groups.get(id) : Optional.empty();
    }

    private Optional<IdentityUser> user(String id) {
        return KeystoneBodies.storableId(id) ? groups.user(id) : Optional.empty();
    }

    private static Map<String, Object> groupTarget(String id, Optional<IdentityGroup> group) {
        Map<String, Object> target = new HashMap<>();
        target.put("group_id", id);
        group.ifPresent(g -> {
            target.put("target.group.id", g.id());
            target.put("target.group.domain_id", g.domainId());
            target.put("target.group.name", g.name());
        });
        return target;
    }

    private static Map<String, Object> userTarget(String id, Optional<IdentityUser> user) {
        Map<String, Object> target = new HashMap<>();
        target.put("user_id", id);
        user.ifPresent(u -> {
            target.put("target.user.id", u.id());
            target.put("target.user.domain_id", u.domainId());
            target.put("target.user.name", u.name());
        });
        return target;
    }

    /** Keystone's truthy query values. */
    private static boolean enabled(String value) {
        return !List.of("0", "false", "f", "no", "n", "off").contains(value.toLowerCase(java.util.Locale.ROOT));
    }

    private static IdentityError duplicate(IdentityGroup group) {
        return IdentityError.conflict("Conflict occurred attempting to store group - Duplicate entry found with name "
                + group.name() + " at domain ID " + group.domainId() + ".");
    }

    private static IdentityError notMember(Membership membership) {
        return IdentityError.notFound("User '" + membership.userId() + "' not found in group '"
                + membership.groupId() + "'");
    }

    private static IdentityError groupNotFound(String id) {
        return IdentityError.notFound("Could not find group: " + id + ".");
    }

    private static IdentityError userNotFound(String id) {
        return IdentityError.notFound("Could not find user: " + id + ".");
    }
}
