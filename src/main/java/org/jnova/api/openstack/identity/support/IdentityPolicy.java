package org.jnova.api.openstack.identity.support;

import static java.util.Objects.requireNonNull;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jnova.identity.IdentityError;
import org.jnova.objects.IdentityRole;
import org.jnova.identity.Token;
import org.jnova.policy.Enforcer;

/**
 * Keystone's policy enforcement: the caller's token as the credentials Keystone hands
 * oslo.policy, checked against Keystone's rules ({@code identity:*}) with the target's
 * attributes under flat keys ({@code target.project.domain_id}).
 */
public final class IdentityPolicy {
    private final Enforcer enforcer;

    public IdentityPolicy(Enforcer enforcer) {
        this.enforcer = requireNonNull(enforcer, "enforcer is null");
    }

    /** Refuses with Keystone's 403 unless the caller passes {@code rule} on {@code target}. */
    public void authorize(Token caller, String rule, Map<String, Object> target) {
        if (!allowed(caller, rule, target)) {
            throw IdentityError.forbidden(rule);
        }
    }

    public boolean allowed(Token caller, String rule, Map<String, Object> target) {
        return enforcer.allowed(credentials(caller), rule, target);
    }

    /**
     * The token as Keystone's policy credentials: ids of user, project and domains, the role
     * names, {@code system_scope}, and the token itself for checks such as
     * {@code token.domain.id}.
     */
    static Map<String, Object> credentials(Token token) {
        Map<String, Object> credentials = new HashMap<>();
        List<String> roles = token.roles().stream().map(IdentityRole::name).toList();
        credentials.put("user_id", token.user().id());
        credentials.put("user_domain_id", token.userDomain().id());
        credentials.put("project_id", token.project().map(p -> (Object) p.id()).orElse(null));
        credentials.put("project_domain_id", token.projectDomain().map(d -> (Object) d.id()).orElse(null));
        credentials.put("domain_id", token.domain().map(d -> (Object) d.id()).orElse(null));
        credentials.put("system_scope", token.systemScoped() ? "all" : null);
        credentials.put("roles", roles);
        credentials.put("is_admin", false);
        credentials.put("is_admin_project", true);
        credentials.put("token", tokenValues(token, roles));
        return credentials;
    }

    private static Map<String, Object> tokenValues(Token token, List<String> roles) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("user", Map.of("id", token.user().id(), "domain", Map.of("id", token.userDomain().id())));
        token.project().ifPresent(project -> values.put("project",
                Map.of("id", project.id(), "domain", Map.of("id", project.domainId()))));
        token.domain().ifPresent(domain -> values.put("domain", Map.of("id", domain.id(), "name", domain.name())));
        if (token.systemScoped()) {
            values.put("system", Map.of("all", true));
        }
        values.put("roles", roles.stream().map(name -> Map.of("name", name)).toList());
        return values;
    }
}
