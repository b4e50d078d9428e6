package org.jnova.api.openstack.compute.securitygroups;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jnova.api.openstack.ApiRequest;
import org.jnova.api.openstack.QueryValues;
import org.jnova.api.openstack.compute.volumes.Paging;
import org.jnova.api.openstack.wsgi.ApiVersion;
import org.jnova.api.openstack.wsgi.ExpectedErrors;
import org.jnova.api.openstack.wsgi.QuerySchema;
import org.jnova.api.openstack.wsgi.RequestSchema;
import org.jnova.api.openstack.wsgi.Response;
import org.jnova.compute.SecurityGroupsApi;
import org.jnova.context.RequestContext;
import org.jnova.exception.Invalid;
import org.jnova.exception.NotFound;
import org.jnova.objects.SecurityGroup;

/** os-security-groups, nova's proxy to the network service's groups (2.1 to 2.35; 404 after). */
public final class SecurityGroupsController {
    private static final String MAX = "2.35";
    private final SecurityGroupsApi groups;
    private final Paging paging;

    public SecurityGroupsController(SecurityGroupsApi groups, Paging paging) {
        this.groups = requireNonNull(groups, "groups is null");
        this.paging = requireNonNull(paging, "paging is null");
    }

    @ApiVersion(min = "2.1", max = MAX)
    @ExpectedErrors(404)
    @QuerySchema("groups_index.query")  // index.query is the server security groups list's
    public Object index(ApiRequest req) {
        authorize(req, "get");
        List<SecurityGroup> all = groups.list(req.context(), QueryValues.last(req, "all_tenants").isPresent());
        return Map.of("security_groups", SecurityGroupView.sorted(paging.limited(all, req), lookup(req.context())));
    }

    @ApiVersion(min = "2.1", max = MAX)
    @ExpectedErrors({400, 404})
    public Object show(ApiRequest req) {
        authorize(req, "show");
        SecurityGroup g = groups.get(req.context(), validId(req.pathParam("id")));
        return Map.of("security_group", SecurityGroupView.group(g, lookup(req.context())));
    }

    @ApiVersion(min = "2.1", max = MAX)
    @ExpectedErrors({400, 403})
    @RequestSchema("create")
    public Object create(ApiRequest req) {
        authorize(req, "create");
        SecurityGroup g = groups.create(req.context(), req.body().at("/security_group/name").asText(),
                req.body().at("/security_group/description").asText());
        return Map.of("security_group", SecurityGroupView.group(g, lookup(req.context())));
    }

    @ApiVersion(min = "2.1", max = MAX)
    @ExpectedErrors({400, 404})
    @RequestSchema("update")
    public Object update(ApiRequest req) {
        authorize(req, "update");
        SecurityGroup g = groups.get(req.context(), validId(req.pathParam("id")));
        SecurityGroup updated = groups.update(req.context(), g, req.body().at("/security_group/name").asText(),
                req.body().at("/security_group/description").asText());
        return Map.of("security_group", SecurityGroupView.group(updated, lookup(req.context())));
    }

    @ApiVersion(min = "2.1", max = MAX)
    @Response(202)
    @ExpectedErrors({400, 404})
    public void delete(ApiRequest req) {
        authorize(req, "delete");
        groups.delete(req.context(), groups.get(req.context(), validId(req.pathParam("id"))));
    }

    /** nova's validate_id: a UUID, dashes anywhere or none. */
    static String validId(String id) {
        if (!id.replace("-", "").toLowerCase(java.util.Locale.ROOT).matches("[0-9a-f]{32}")) {
            throw new Invalid("Security group id should be uuid");
        }
        return id;
    }

    /** A rule's source group, null when the caller cannot see it. */
    private Function<String, SecurityGroup> lookup(RequestContext ctx) {
        return id -> {
            try {
                return groups.get(ctx, id);
            } catch (NotFound e) {
                return null;
            }
        };
    }

    private static void authorize(ApiRequest req, String rule) {
        req.authorizeProject("os_compute_api:os-security-groups:" + rule);
    }
}
