package org.jnova.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KeystonePoliciesTest {
    private final Enforcer enforcer = KeystonePolicies.enforcer(PolicySettings.defaults(), name -> Optional.empty());

    @Test
    void everyKeystoneRuleIsRegistered() {
        assertThat(enforcer.registeredRules()).hasSizeGreaterThan(200);
        assertThat(enforcer.registered("identity:create_project")).isPresent();
        assertThat(enforcer.registered("identity:ec2tokens_validate")).isPresent();
    }

    @Test
    void aProjectScopedAdminManagesProjectsAsWithKeystone() {
        Map<String, Object> admin = projectToken("admin-user", "admin-project", List.of("admin", "member", "reader"));
        assertThat(enforcer.allowed(admin, "identity:create_project", Map.of("target.project.domain_id", "default")))
                .isTrue();
        assertThat(enforcer.allowed(admin, "identity:get_project", Map.of("target.project.id", "other",
                "target.project.domain_id", "default"))).isTrue();
    }

    @Test
    void aMemberSeesItsOwnProjectOnly() {
        Map<String, Object> member = projectToken("demo-user", "demo-project", List.of("member", "reader"));
        assertThat(enforcer.allowed(member, "identity:get_project", Map.of("target.project.id", "demo-project",
                "target.project.domain_id", "default"))).isTrue();
        assertThat(enforcer.allowed(member, "identity:get_project", Map.of("target.project.id", "other",
                "target.project.domain_id", "default"))).isFalse();
        assertThat(enforcer.allowed(member, "identity:create_project", Map.of("target.project.domain_id", "default")))
                .isFalse();
    }

    @Test
    void aTokenSubjectMayValidateItsOwnToken() {
        Map<String, Object> member = projectToken("demo-user", "demo-project", List.of("member"));
        assertThat(enforcer.allowed(member, "identity:validate_token", Map.of("target.token.user_id", "demo-user")))
                .isTrue();
        assertThat(enforcer.allowed(member, "identity:validate_token", Map.of("target.token.user_id", "someone")))
                .isFalse();
    }

    private static Map<String, Object> projectToken(String user, String project, List<String> roles) {
        Map<String, Object> credentials = new HashMap<>();
        credentials.put("user_id", user);
        credentials.put("project_id", project);
        credentials.put("domain_id", null);
        credentials.put("system_scope", null);
        credentials.put("roles", roles);
        return credentials;
    }
}
