package org.jnova.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** oslo.policy's rule language: parsing, printing and evaluating checks. */
class CheckParserTest {
    private final Map<String, Check> rules = new HashMap<>();
    private Map<String, Object> credentials = credentials("alice", "p1", List.of("member", "Reader"), false);
    private Map<String, Object> target = Map.of("project_id", "p1", "user_id", "alice");

    private static Map<String, Object> credentials(String user, String project, List<String> roles, boolean admin) {
        Map<String, Object> credentials = new HashMap<>();
        credentials.put("user_id", user);
        credentials.put("project_id", project);
        credentials.put("roles", roles);
        credentials.put("is_admin", admin);
        credentials.put("system_scope", null);
        return credentials;
    }

    private boolean passes(String rule) {
        return CheckParser.parse(rule).passes(new Check.Evaluation() {
            @Override
            public Map<String, Object> target() {
                return target;
            }

            @Override
            public Map<String, Object> credentials() {
                return credentials;
            }

            @Override
            public boolean rule(String name) {
                Check check = rules.get(name);
                return check != null && check.passes(this);
            }
        });
    }

    @Test
    void emptyAndAtAlwaysPassBangNever() {
        assertThat(passes("")).isTrue();
        assertThat(passes("   ")).isTrue();
        assertThat(passes("@")).isTrue();
        assertThat(passes("!")).isFalse();
        assertThat(CheckParser.parse("").toString()).isEqualTo("@");
    }

    @Test
    void rolesMatchWithoutRegardToCase() {
        assertThat(passes("role:member")).isTrue();
        assertThat(passes("role:READER")).isTrue();
        assertThat(passes("role:admin")).isFalse();
    }

    @Test
    void roleNamesMayComeFromTheTarget() {
        target = Map.of("wanted", "member");
        assertThat(passes("role:%(wanted)s")).isTrue();
        assertThat(passes("role:%(missing)s")).isFalse();
    }

    @Test
    void projectAndUserChecksCompareCredentialsWithTheTarget() {
        assertThat(passes("project_id:%(project_id)s")).isTrue();
        assertThat(passes("user_id:%(user_id)s")).isTrue();
        target = Map.of("project_id", "p2", "user_id", "bob");
        assertThat(passes("project_id:%(project_id)s")).isFalse();
        assertThat(passes("user_id:%(user_id)s")).isFalse();
    }

    @Test
    void aKeyMissingFromTheTargetFails() {
        target = Map.of();
        assertThat(passes("project_id:%(project_id)s")).isFalse();
    }

    @Test
    void genericChecksCompareWithFixedValuesAndDottedPaths() {
        assertThat(passes("user_id:alice")).isTrue();
        assertThat(passes("user_id:bob")).isFalse();
        assertThat(passes("nothing:alice")).isFalse();
        credentials.put("token", Map.of("roles", List.of(Map.of("name", "x"), Map.of("name", "y"))));
        assertThat(passes("token.roles.name:y")).isTrue();
        assertThat(passes("token.roles.name:z")).isFalse();
    }

    @Test
    void isAdminTrueComparesPythonsSpellingOfTheBoolean() {
        assertThat(passes("is_admin:True")).isFalse();
        credentials.put("is_admin", true);
        assertThat(passes("is_admin:True")).isTrue();
        assertThat(passes("is_admin:true")).isFalse();
        assertThat(passes("is_admin:False")).isFalse();
    }

    @Test
    void literalKindsCompareWithTheMatch() {
        target = Map.of("name", "web", "count", 3, "flag", true);
        assertThat(passes("'web':%(name)s")).isTrue();
        assertThat(passes("\"db\":%(name)s")).isFalse();
        assertThat(passes("3:%(count)s")).isTrue();
        assertThat(passes("True:%(flag)s")).isTrue();
    }

    @Test
    void notBindsTighterThanAndWhichBindsTighterThanOr() {
        assertThat(passes("role:admin or role:member and role:reader")).isTrue();
        assertThat(passes("(role:admin or role:member) and not role:reader")).isFalse();
        assertThat(passes("not role:admin and role:member")).isTrue();
        assertThat(passes("not (role:admin or role:member)")).isFalse();
        assertThat(passes("not not role:member")).isTrue();
        assertThat(CheckParser.parse("role:a or role:b and not role:c").toString())
                .isEqualTo("(role:a or (role:b and not role:c))");
    }

    @Test
    void parenthesesMayStickToChecksAndKeywordsIgnoreCase() {
        assertThat(passes("((role:admin) OR (role:member AND project_id:%(project_id)s))")).isTrue();
        assertThat(CheckParser.parse("(role:a Or role:b)").toString()).isEqualTo("(role:a or role:b)");
    }

    @Test
    void ruleChecksFollowOtherRulesAndUnknownRulesFail() {
        rules.put("owner", CheckParser.parse("project_id:%(project_id)s"));
        assertThat(passes("rule:owner")).isTrue();
        assertThat(passes("rule:nobody_defined_this")).isFalse();
        assertThat(passes("not rule:owner or rule:owner")).isTrue();
    }

    @Test
    void listFormIsAnOrOfAnds() {
        Check check = CheckParser.parseList(List.of(List.of("role:admin"), List.of("role:member", "role:reader")));
        assertThat(check.toString()).isEqualTo("(role:admin or (role:member and role:reader))");
        assertThat(CheckParser.parseList(List.of()).toString()).isEqualTo("@");
    }

    @Test
    void malformedRulesAreRefusedWithTheReason() {
        assertThatThrownBy(() -> CheckParser.parse("role:a or")).isInstanceOf(PolicySyntaxError.class)
                .hasMessageContaining("role:a or");
        assertThatThrownBy(() -> CheckParser.parse("(role:a")).hasMessageContaining("missing ')'");
        assertThatThrownBy(() -> CheckParser.parse("role:a)")).hasMessageContaining("unexpected ')'");
        assertThatThrownBy(() -> CheckParser.parse("role:a role:b")).isInstanceOf(PolicySyntaxError.class);
        assertThatThrownBy(() -> CheckParser.parse("admin")).hasMessageContaining("is not a check");
        assertThatThrownBy(() -> CheckParser.parse("and role:a")).isInstanceOf(PolicySyntaxError.class);
    }

    @Test
    void httpChecksAreRejectedClearly() {
        assertThatThrownBy(() -> CheckParser.parse("http://policy.example.com/check"))
                .isInstanceOf(PolicySyntaxError.class)
                .hasMessageContaining("http and https checks");
        assertThatThrownBy(() -> CheckParser.parse("role:admin or https://x/y"))
                .hasMessageContaining("not supported by jnova");
    }
}
