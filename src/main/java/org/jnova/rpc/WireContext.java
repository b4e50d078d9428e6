package org.jnova.rpc;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jnova.context.RequestContext;

/**
 * The caller's context in a message whose receiver calls another service on the caller's behalf
 * (the image service: unshelve deletes the shelved snapshot, backup rotation deletes old
 * backups), as nova's messages carry the request context: who asked, with which token and
 * service catalog. A message without one (sent before the field existed) is handled in an
 * administrator context without a token.
 */
public final class WireContext {
    /** The argument that holds the context. */
    public static final String KEY = "context";

    private WireContext() {
    }

    public static Map<String, Object> encode(RequestContext ctx) {
        Map<String, Object> out = new HashMap<>();
        out.put("user_id", ctx.userId());
        ctx.projectId().ifPresent(v -> out.put("project_id", v));
        out.put("roles", ctx.roles());
        out.put("is_admin", ctx.isAdmin());
        out.put("request_id", ctx.requestId());
        ctx.globalRequestId().ifPresent(v -> out.put("global_request_id", v));
        ctx.systemScope().ifPresent(v -> out.put("system_scope", v));
        ctx.authToken().ifPresent(v -> out.put("auth_token", v));
        ctx.userDomainId().ifPresent(v -> out.put("user_domain_id", v));
        ctx.projectDomainId().ifPresent(v -> out.put("project_domain_id", v));
        out.put("is_admin_project", ctx.isAdminProject());
        ctx.serviceCatalog().ifPresent(v -> out.put("service_catalog", v));
        return out;
    }

    /** The context in {@code args}, or an administrator context for {@code requestId} when there is none. */
    public static RequestContext decode(WireArgs args, String requestId) {
        Map<String, Object> map = args.map(KEY);
        if (map.isEmpty()) {
            return RequestContext.admin(requestId);
        }
        WireArgs c = new WireArgs(args.method(), map);
        List<String> roles = map.get("roles") == null ? List.of() : c.strings("roles");
        return new RequestContext(c.string("user_id"), Optional.ofNullable(c.optionalString("project_id")), roles,
                c.flag("is_admin"), c.string("request_id"), Optional.ofNullable(c.optionalString("global_request_id")),
                Optional.ofNullable(c.optionalString("system_scope")),
                Optional.ofNullable(c.optionalString("auth_token")),
                Optional.ofNullable(c.optionalString("user_domain_id")),
                Optional.ofNullable(c.optionalString("project_domain_id")),
                !Boolean.FALSE.equals(map.get("is_admin_project")),
                Optional.ofNullable(c.optionalString("service_catalog")));
    }
}
