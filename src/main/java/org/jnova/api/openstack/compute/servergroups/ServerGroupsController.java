package org.jnova.api.openstack.compute.servergroups;

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
import org.jnova.api.openstack.wsgi.ExpectedErrors;
import org.jnova.api.openstack.wsgi.QuerySchema;
import org.jnova.api.openstack.wsgi.RequestSchema;
import org.jnova.api.openstack.wsgi.Response;
import org.jnova.compute.Quotas;
import org.jnova.compute.ServerGroupsApi;
import org.jnova.context.RequestContext;
import org.jnova.exception.Forbidden;
import org.jnova.exception.Invalid;
import org.jnova.exception.NotFound;
import org.jnova.objects.ServerGroup;

/**
 * os-server-groups (nova/api/openstack/compute/server_groups.py): create under the
 * server_groups quota (checked before and, as [quota] recheck_quota, after the insert), list
 * (all_projects for admins, offset/limit), show, delete. Members shown are the group's
 * instances that still exist. Before 2.64 a group has a one-item "policies" list and empty
 * "metadata"; from 2.64 "policy" and "rules"; 2.13 adds project_id and user_id.
 */
public final class ServerGroupsController {
    private static final String POLICY = "os_compute_api:os-server-groups:";

    private final ServerGroupsApi groups;
    private final Quotas quotas;
    private final int maxLimit;
    private final boolean recheckQuota;

    public ServerGroupsController(ServerGroupsApi groups, Quotas quotas, int maxLimit, boolean recheckQuota) {
        this.groups = Objects.requireNonNull(groups, "groups is null");
        this.quotas = Objects.requireNonNull(quotas, "quotas is null");
        this.maxLimit = maxLimit;
        this.recheckQuota = recheckQuota;
    }

    @ExpectedErrors(404)
    @QuerySchema("show.query")
    public Object show(ApiRequest req) {
        ServerGroup group = find(req, req.pathParam("id"));
        req.authorize(POLICY + "show", Map.of("project_id", group.projectId()));
        return Map.of("server_group", view(group, req, existing(group.members())));
    }

    @Response(204)
    @ExpectedErrors(404)
    public void delete(ApiRequest req) {
        String id = req.pathParam("id");
        ServerGroup group = find(req, id);
        req.authorize(POLICY + "delete", Map.of("project_id", group.projectId()));
        if (!groups.delete(group.uuid())) {
            throw notFound(id);
        }
    }

    /** nova's group query: a non-admin caller sees only its own project's groups (404 for others). */
    private ServerGroup find(ApiRequest req, String id) {
        return groups.get(id)
                .filter(g -> req.context().isAdmin() || req.context().projectId().map(g.projectId()::equals).orElse(false))
                .orElseThrow(() -> notFound(id));
    }

    private static NotFound notFound(String id) {
        return new NotFound("Instance group " + id + " could not be found.");
    }

    @ExpectedErrors({})
    @QuerySchema("index.query")
    public Object index(ApiRequest req) {
        RequestContext ctx = req.context();
        String projectId = ctx.projectId().orElse(null);
        req.authorize(POLICY + "index", target(projectId));
        boolean all = req.queryParams().containsKey("all_projects") && ctx.isAdmin();
        if (all) {
            req.authorize(POLICY + "index:all_projects", target(projectId));
        }
        // nova's common.limited: offset, then limit (absent or 0: [api] max_limit)
        int offset = QueryValues.lastInt(req, "offset").orElse(0);
        int limit = Math.min(QueryValues.lastInt(req, "limit").filter(v -> v != 0).orElse(maxLimit), maxLimit);
        List<ServerGroup> page = all ? groups.page(null, offset, limit)
                : projectId == null ? List.of() : groups.page(projectId, offset, limit);
        List<String> members = new ArrayList<>();
        page.forEach(g -> members.addAll(g.members()));
        Set<String> alive = existing(members);
        List<Map<String, Object>> out = new ArrayList<>();
        page.forEach(g -> out.add(view(g, req, alive)));
        return Map.of("server_groups", out);
    }

    private static Map<String, String> target(String projectId) {
        Map<String, String> t = new LinkedHashMap<>();
        t.put("project_id", projectId == null ? "" : projectId);
        return t;
    }

    @ExpectedErrors({400, 403, 409})
    @RequestSchema("create")
    public Object create(ApiRequest req) {
        RequestContext ctx = req.context();
        String projectId = ctx.projectId().orElse(null);
        String userId = ctx.userId();
        req.authorize(POLICY + "create", target(projectId));
        checkQuota(projectId, userId, 1);
        JsonNode vals = req.body().get("server_group");
        String policy;
        Map<String, Object> rules = new LinkedHashMap<>();
        if (req.isSupported("2.64")) {
            policy = vals.get("policy").asText();
            JsonNode given = vals.path("rules");
            if (given.isObject() && given.size() > 0 && !policy.equals("anti-affinity")) {
                throw new Invalid("Only anti-affinity policy supports rules.");
            }
            if (given.has("max_server_per_host")) {
                java.math.BigInteger max = QueryValues.pythonInt(given.get("max_server_per_host").asText()).orElseThrow();
                rules.put("max_server_per_host", max.bitLength() < 32 ? (Object) max.intValue() : max);
            }
        } else {
            policy = vals.get("policies").get(0).asText();
        }
        ServerGroup group = groups.create(vals.get("name").asText(), userId, projectId, policy, rules);
        if (recheckQuota) {
            try {
                checkQuota(projectId, userId, 0);
            } catch (Forbidden e) {
                groups.delete(group.uuid());
                throw e;
            }
        }
        return Map.of("server_group", view(group, req, Set.of()));
    }

    /** nova's Quotas.check_deltas for server_groups: project and user counts plus delta within limits. */
    private void checkQuota(String projectId, String userId, int delta) {
        int projectLimit = quotas.limits(projectId, null).getOrDefault("server_groups", -1);
        int userLimit = quotas.limits(projectId, userId).getOrDefault("server_groups", -1);
        boolean over = projectLimit >= 0 && groups.count(projectId) + delta > projectLimit
                || userLimit >= 0 && groups.countForUser(projectId, userId) + delta > userLimit;
        if (over) {
            throw new Forbidden("Quota exceeded, too many server groups.");
        }
    }

    /** Which of these instance uuids are still live instances. */
    private Set<String> existing(List<String> uuids) {
        return groups.liveMembers(uuids);
    }

    private static Map<String, Object> view(ServerGroup g, ApiRequest req, Set<String> alive) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", g.uuid());
        m.put("name", g.name());
        if (req.isSupported("2.64")) {
            m.put("policy", g.policy());
            m.put("rules", g.rules());
        } else {
            m.put("policies", g.policy() == null ? List.of() : List.of(g.policy()));
            m.put("metadata", Map.of());
        }
        m.put("members", g.members().stream().filter(alive::contains).distinct().toList());
        if (req.isSupported("2.13")) {
            m.put("project_id", g.projectId());
            m.put("user_id", g.userId());
        }
        return m;
    }
}
