package org.jnova.policy;

import java.util.HashMap;
import java.util.Map;
import org.jnova.context.RequestContext;

/**
 * The credentials a policy check sees, as nova's {@code RequestContext.to_policy_values()}
 * gives them to oslo.policy: ids, roles, {@code is_admin}, {@code system_scope} (and
 * {@code system}, which oslo.policy adds for a system-scoped token).
 */
public final class Credentials {
    private Credentials() {
    }

    public static Map<String, Object> of(RequestContext context) {
        Map<String, Object> credentials = new HashMap<>();
        credentials.put("user_id", context.userId());
        credentials.put("user_domain_id", context.userDomainId().orElse(null));
        credentials.put("system_scope", context.systemScope().orElse(null));
        credentials.put("domain_id", null);
        credentials.put("project_id", context.projectId().orElse(null));
        credentials.put("project_domain_id", context.projectDomainId().orElse(null));
        credentials.put("roles", context.roles());
        credentials.put("is_admin_project", context.isAdminProject());
        credentials.put("service_user_id", null);
        credentials.put("service_user_domain_id", null);
        credentials.put("service_project_id", null);
        credentials.put("service_project_domain_id", null);
        credentials.put("service_roles", java.util.List.of());
        credentials.put("is_admin", context.isAdmin());
        context.systemScope().ifPresent(scope -> credentials.put("system", scope));
        return credentials;
    }

    /** The scope of the caller's token: {@code system} or {@code project}. */
    static String tokenScope(Map<String, Object> credentials) {
        Object system = credentials.get("system");
        if (system != null && !system.toString().isEmpty()) {
            return "system";
        }
        Object domain = credentials.get("domain_id");
        return domain != null && !domain.toString().isEmpty() ? "domain" : "project";
    }
}
