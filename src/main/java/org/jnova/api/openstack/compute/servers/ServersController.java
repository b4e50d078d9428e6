package org.jnova.api.openstack.compute.servers;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jnova.api.openstack.ApiRequest;
import org.jnova.api.openstack.ApiResult;
import org.jnova.api.openstack.wsgi.ExpectedErrors;
import org.jnova.api.openstack.wsgi.QuerySchema;
import org.jnova.api.openstack.wsgi.RequestSchema;
import org.jnova.api.openstack.wsgi.Response;
import org.jnova.context.RequestContext;
import org.jnova.compute.ComputeErrors;
import org.jnova.compute.ServerCreate;
import org.jnova.compute.ServerSecurityGroupsApi;
import org.jnova.compute.ServersApi;
import org.jnova.exception.Invalid;
import org.jnova.objects.Instance;

/** nova's servers controller: create, list, detail, show, update, delete. */
public final class ServersController {
    private static final String PASSWORD_SYMBOLS = "23456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    /** Rows read per query while a regular-expression filter scans (bare rows: no child tables). */
    private static final int SCAN_PAGE = 1000;
    private final ServersApi servers;
    private final ServerViews views;
    private final ServerCreateParser parser;
    private final ServerCreateChecks checks;
    private final Settings settings;
    private final SecureRandom random = new SecureRandom();

    /**
     * [api] max_limit, enable_instance_password, [DEFAULT] password_length, the built-in
     * network's name, [DEFAULT] default_schedule_zone (nullable).
     */
    public record Settings(int maxLimit, boolean enableInstancePassword, int passwordLength, String networkName,
            String defaultScheduleZone) {
    }

    public ServersController(ServersApi servers, ServerViews views, ServerCreateChecks checks, Settings settings) {
        this.servers = requireNonNull(servers, "servers is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.views = requireNonNull(views, "views is null");
        this.parser = new ServerCreateParser(settings.networkName());
        this.checks = requireNonNull(checks, "checks is null");
    }

    @Response(202)
    @ExpectedErrors({400, 403, 409})
    @RequestSchema("create")
    public Object create(ApiRequest req) {
        var ctx = req.context();
        req.authorize("os_compute_api:servers:create", ownTarget(ctx));
        JsonNode body = req.body().path("server");
        if (body.has("networks")) {
            req.authorize("os_compute_api:servers:create:attach_network", Map.of("project_id", ctx.requireProjectId()));
        }
        if (body.has("trusted_image_certificates")) {
            req.authorize("os_compute_api:servers:create:trusted_certs", Map.of("project_id", ctx.requireProjectId()));
        }
        ServerCreate request = ServerCreateChecks.withoutForcedHost(req, parser.parse(req));
        if (!request.blockDevices().isEmpty()) {
            req.authorize("os_compute_api:servers:create:attach_volume", Map.of("project_id",
                    ctx.requireProjectId()));
        }
        checks.checkPersonality(ctx, body.path("personality"));
        checks.checkRequestedDestination(req, body);
        String groupNames = checks.securityGroupNames(ctx, body);
        Map<String, String> systemMetadata = new java.util.LinkedHashMap<>(checks.systemMetadata(body, request));
        if (groupNames != null) {
            systemMetadata.put(ServerSecurityGroupsApi.KEY, groupNames);
        }
        String group = checks.schedulerGroup(req);
        if (group != null) {
            checks.checkGroupMembersQuota(ctx, group, (int) Math.min(request.maxCount(), Integer.MAX_VALUE));
        }
        ServersApi.CreateResult result;
        try {
            result = servers.create(ctx, request, systemMetadata, created -> {
                if (group != null) {
                    checks.joinGroup(ctx, group, created);
                }
            });
        } catch (ComputeErrors.ImageNotFound e) {
            throw new Invalid("Can not find requested image");
        } catch (ComputeErrors.KeypairNotFound e) {
            throw new Invalid("Invalid key_name provided.");
        } catch (ComputeErrors.FlavorNotFound | org.jnova.volume.VolumeErrors.VolumeNotFound
                | org.jnova.volume.VolumeErrors.SnapshotNotFound e) {
            throw new Invalid(e.getMessage());
        }
        if (body.has("return_reservation_id") && ServerCreateParser.truthy(body.path("return_reservation_id"))) {
            return ApiResult.of(Map.of("reservation_id", result.reservationId()));
        }
        Instance first = result.instances().get(0);
        Object securityGroups = body.has("security_groups") ? body.path("security_groups")
                : List.of(Map.of("name", "default"));
        Map<String, Object> server = ServerView.created(req, first, securityGroups);
        if (settings.enableInstancePassword()) {
            server.put("adminPass", body.hasNonNull("adminPass") ? body.path("adminPass").asText() : password());
        }
        return ApiResult.of(Map.of("server", server))
                .header("Location", req.applicationUrl() + "/servers/" + first.uuid());
    }

    @ExpectedErrors({400, 403})
    @QuerySchema("index.query")
    public Object index(ApiRequest req) {
        req.authorize("os_compute_api:servers:index", ownTarget(req.context()));
        return list(req, false);
    }

    @ExpectedErrors({400, 403})
    @QuerySchema("index.query")
    public Object detail(ApiRequest req) {
        req.authorize("os_compute_api:servers:detail", ownTarget(req.context()));
        return list(req, true);
    }

    /**
     * nova's target {"project_id": context.project_id}: without a project (a system-scoped
     * token) there is none to match, so the policy decides (403) before anything needs one.
     */

    private Object list(ApiRequest req, boolean detail) {
        ServerListQuery query = new ServerListQuery(req, settings.maxLimit(), detail);
        List<Instance> found = query.nothing ? List.of() : fetch(req, query, detail);
        List<Object> servers = new ArrayList<>(found.size());
        ServerViewContext viewContext = detail ? views.listContext(req, found) : null;
        for (Instance i : found) {
            servers.add(detail ? ServerView.detailed(req, i, viewContext, false) : ServerView.basic(req, i));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("servers", servers);
        if (found.size() == query.limit && !found.isEmpty()) {
            out.put("servers_links", List.of(ServerView.nextLink(req, detail ? "/servers/detail" : "/servers",
                    found.get(found.size() - 1).uuid())));
        }
        return out;
    }

    /**
     * One list call without regular-expression filters. With them, the rows are read page by
     * page in the list's order and filtered until the limit is met: bare rows (no metadata,
     * tags, faults or ports) unless an ip filter reads the ports, the children then loaded for
     * the page answered only. The plain list (not {@code detail}) shows only ids and names, so
     * it never loads the children beyond what an ip filter reads.
     */
    private List<Instance> fetch(ApiRequest req, ServerListQuery query, boolean detail) {
        if (!query.hasPostFilter()) {
            return listOrInvalidMarker(req, query, query.limit, query.marker, detail);
        }
        boolean withPorts = query.postFilterReadsPorts();
        int pageSize = Math.max(query.limit, withPorts ? 100 : SCAN_PAGE);
        List<Instance> out = new ArrayList<>();
        String marker = query.marker;
        while (out.size() < query.limit) {
            List<Instance> page = listOrInvalidMarker(req, query, pageSize, marker, withPorts);
            for (Instance i : page) {
                if (out.size() < query.limit && query.postFilter().test(i)) {
                    out.add(i);
                }
            }
            if (page.size() < pageSize) {
                break;
            }
            marker = page.get(page.size() - 1).uuid();
        }
        return withPorts || !detail ? out : servers.withChildren(out, showsImageProperties(req));
    }

    /** Server views show the image's properties (system metadata) from 2.98 only. */
    private static boolean showsImageProperties(ApiRequest req) {
        return req.isSupported("2.98");
    }

    private List<Instance> listOrInvalidMarker(ApiRequest req, ServerListQuery query, int limit, String marker,
            boolean withChildren) {
        try {
            return servers.list(req.context(), query.filter, query.sort, limit, marker, withChildren,
                    showsImageProperties(req));
        } catch (Invalid e) {
            if (marker != null && e.getMessage().startsWith("Marker ")) {
                throw new Invalid("marker [" + marker + "] not found");
            }
            throw e;
        }
    }

    @ExpectedErrors(404)
    @QuerySchema("show.query")
    public Object show(ApiRequest req) {
        Instance i = servers.get(req.context(), req.pathParam("id"));
        req.authorize("os_compute_api:servers:show", Map.of("project_id", i.projectId()));
        return Map.of("server", ServerView.detailed(req, i, views.showContext(req, i), false));
    }

    @ExpectedErrors({400, 404, 409})
    @RequestSchema("update")
    public Object update(ApiRequest req) {
        String id = req.pathParam("id");
        Instance before = servers.get(req.context(), id);
        req.authorize("os_compute_api:servers:update", Map.of("project_id", before.projectId()));
        JsonNode s = req.body().path("server");
        boolean setDescription = s.has("description");
        String name = text(s, "name");
        if (req.isSupported("2.104") && s.has("pinned_availability_zone")) {
            servers.updatePinnedZone(req.context(), id, java.util.Optional.ofNullable(text(s, "pinned_availability_zone")));
        }
        Instance after = servers.update(req.context(), id, name == null ? null : name.strip(), text(s, "description"),
                setDescription, text(s, "accessIPv4"), text(s, "accessIPv6"), text(s, "hostname"),
                DiskConfigRequest.of(s));
        if (req.isSupported("2.75")) {
            return Map.of("server", ServerView.detailed(req, after, views.showContext(req, after), false));
        }
        return Map.of("server", ServerView.detailed(req, after, views.updateContext(req, after), true));
    }

    @Response(204)
    @ExpectedErrors({404, 409})
    public void delete(ApiRequest req) {
        String id = req.pathParam("id");
        Instance i = servers.get(req.context(), id);
        req.authorize("os_compute_api:servers:delete", Map.of("project_id", i.projectId(), "user_id", i.userId()));
        servers.delete(req.context(), id);
    }

    private String password() {
        StringBuilder out = new StringBuilder();
        for (int n = 0; n < settings.passwordLength(); n++) {
            out.append(PASSWORD_SYMBOLS.charAt(random.nextInt(PASSWORD_SYMBOLS.length())));
        }
        return out.toString();
    }

    private static String text(JsonNode s, String field) {
        return s.has(field) && !s.path(field).isNull() ? s.path(field).asText() : null;
    }

    /**
     * nova's default target, the caller's own project and user; a token without a project
     * (system scope) has none, and the project-scoped rule then refuses it with the policy 403.
     */
    private static Map<String, String> ownTarget(RequestContext ctx) {
        Map<String, String> target = new java.util.HashMap<>();
        target.put("project_id", ctx.projectId().orElse(null));
        target.put("user_id", ctx.userId());
        return target;
    }
}
