package org.jnova.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jnova.context.RequestContext;
import org.jnova.exception.ConfigError;
import org.jnova.exception.Forbidden;
import org.jnova.exception.NovaException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** nova's policy defaults enforced as nova does, with operator overrides from real files. */
class EnforcerTest {
    private static final String CREATE = "os_compute_api:servers:create";

    @TempDir
    Path configDir;

    private Function<String, Optional<Path>> finder() {
        return name -> Optional.of(configDir.resolve(name)).filter(Files::exists);
    }

    private Enforcer enforcer(PolicySettings settings) {
        return Enforcer.nova(settings, finder());
    }

    private static RequestContext member(String project, String... roles) {
        return RequestContext.project("u1", project, List.of(roles), false, "req-1");
    }

    private static RequestContext systemScoped(String... roles) {
        return new RequestContext("u1", Optional.empty(), List.of(roles), false, "req-1", Optional.empty(),
                Optional.of("all"), Optional.empty(), Optional.empty(), Optional.empty());
    }

    private static Map<String, Object> project(String id) {
        return Map.of("project_id", id, "user_id", "someone");
    }

    @Test
    void all205NovaRulesAreRegisteredAndParse() {
        List<RuleDefault> defaults = NovaPolicies.defaults();
        assertThat(defaults).hasSize(205);
        assertThat(defaults).extracting(RuleDefault::name).doesNotHaveDuplicates()
                .contains("context_is_admin", "admin_or_owner", "project_reader_or_admin", CREATE,
                        "os_compute_api:os-admin-actions:reset_state", "compute:aggregates:images");
        for (RuleDefault rule : defaults) {
            assertThat(CheckParser.parse(rule.checkString())).as(rule.name()).isNotNull();
            rule.deprecatedRule().ifPresent(old -> assertThat(CheckParser.parse(old.checkString())).isNotNull());
        }
        assertThat(defaults.stream().filter(r -> r.deprecatedRule().isPresent())).hasSize(71);
        assertThat(defaults.stream().filter(r -> r.scopeTypes().equals(List.of("project")))).hasSize(198);
        RuleDefault create = defaults.stream().filter(r -> r.name().equals(CREATE)).findFirst().orElseThrow();
        assertThat(create.checkString()).isEqualTo("rule:project_member_or_admin");
        assertThat(create.operations()).containsExactly(new RuleDefault.Operation("POST", "/servers"));
        assertThat(create.description()).isEqualTo("Create a server");
        RuleDefault admin = defaults.get(0);
        assertThat(admin.name()).isEqualTo("context_is_admin");
        assertThat(admin.deprecatedRule()).get().extracting(RuleDefault.DeprecatedRule::checkString)
                .isEqualTo("is_admin:True");
    }

    @Test
    void theDataFileAgreesWithNovasSamplePolicyFile() throws IOException {
        Map<String, String> sample = new java.util.LinkedHashMap<>();
        java.util.regex.Pattern ruleLine = java.util.regex.Pattern.compile("^#\"([^\"]+)\": \"(.*)\"$");
        for (String line : Files.readAllLines(Path.of("../shared/reference/nova-policy.yaml.sample-zed"))) {
            java.util.regex.Matcher matcher = ruleLine.matcher(line);
            if (matcher.matches()) {
                sample.put(matcher.group(1), matcher.group(2));
            }
        }
        Map<String, String> data = new java.util.LinkedHashMap<>();
        // rules of APIs newer than Zed come from nova master: os-server-shares (2.97)
        NovaPolicies.defaults().stream().filter(rule -> !rule.name().startsWith("os_compute_api:os-server-shares:"))
                .forEach(rule -> data.put(rule.name(), rule.checkString()));
        assertThat(data).containsExactlyEntriesOf(sample);
    }

    @Test
    void membersMayCreateServersInTheirProjectOnly() {
        Enforcer enforcer = enforcer(PolicySettings.defaults());
        enforcer.authorize(member("p1", "member", "reader"), CREATE, project("p1"));
        assertThatThrownBy(() -> enforcer.authorize(member("p1", "member"), CREATE, project("p2")))
                .isInstanceOf(Forbidden.class)
                .hasMessage("Policy doesn't allow os_compute_api:servers:create to be performed.")
                .extracting(e -> ((NovaException) e).code()).isEqualTo(403);
        enforcer.authorize(member("p1", "admin"), CREATE, project("p2"));
    }

    @Test
    void readersMayNotCreateServersWithTheNewDefaults() {
        Enforcer enforcer = enforcer(PolicySettings.defaults());
        assertThat(enforcer.allowed(member("p1", "reader"), CREATE, project("p1"))).isFalse();
        assertThat(enforcer.allowed(member("p1", "reader"), "os_compute_api:servers:index", project("p1"))).isTrue();
    }

    @Test
    void withoutTheNewDefaultsZedsDeprecatedRulesAreOredIn() {
        Enforcer enforcer = enforcer(PolicySettings.defaults().withEnforceNewDefaults(false));
        // admin_or_owner (project_id matches) is OR-ed into project_member_api
        assertThat(enforcer.allowed(member("p1", "reader"), CREATE, project("p1"))).isTrue();
        assertThat(enforcer.allowed(member("p1"), CREATE, project("p1"))).isTrue();
        assertThat(enforcer.allowed(member("p1", "reader"), CREATE, project("p2"))).isFalse();
        assertThat(enforcer.effectiveRules()).containsEntry("project_member_api",
                "((role:member and project_id:%(project_id)s) or (is_admin:True or project_id:%(project_id)s))");
        assertThat(enforcer(PolicySettings.defaults()).effectiveRules())
                .containsEntry("project_member_api", "(role:member and project_id:%(project_id)s)");
    }

    @Test
    void systemScopedTokensAreRefusedProjectRulesWhenScopeIsEnforced() {
        Enforcer enforcer = enforcer(PolicySettings.defaults());
        assertThatThrownBy(() -> enforcer.authorize(systemScoped("admin"), "os_compute_api:os-hypervisors:list",
                Map.of()))
                .isInstanceOf(Forbidden.class)
                .hasMessage("Policy doesn't allow os_compute_api:os-hypervisors:list to be performed.");
        // context_is_admin has no scope types: a system admin is still an administrator
        assertThat(enforcer.isAdmin(systemScoped("admin"))).isTrue();

        Enforcer lenient = enforcer(PolicySettings.defaults().withEnforceScope(false));
        assertThat(lenient.allowed(systemScoped("admin"), "os_compute_api:os-hypervisors:list", Map.of())).isTrue();
    }

    @Test
    void isAdminFollowsContextIsAdmin() throws IOException {
        Enforcer enforcer = enforcer(PolicySettings.defaults());
        assertThat(enforcer.isAdmin(member("p1", "admin"))).isTrue();
        assertThat(enforcer.isAdmin(member("p1", "member"))).isFalse();
        // the context's own flag does not count: nova computes it from the rule
        assertThat(enforcer.isAdmin(RequestContext.project("u", "p", List.of("member"), true, "r"))).isFalse();

        Files.writeString(configDir.resolve("policy.yaml"), "context_is_admin: role:cloud-admin\n");
        Enforcer custom = enforcer(PolicySettings.defaults());
        assertThat(custom.isAdmin(member("p1", "cloud-admin"))).isTrue();
        assertThat(custom.isAdmin(member("p1", "admin"))).isFalse();
    }

    @Test
    void overridesTakeEffectWithoutRestart() throws Exception {
        Enforcer enforcer = enforcer(PolicySettings.defaults());
        assertThat(enforcer.allowed(member("p1", "member"), CREATE, project("p1"))).isTrue();

        Path file = configDir.resolve("policy.yaml");
        Files.writeString(file, "# operators' overrides\n\"" + CREATE + "\": \"role:admin\"\n");
        awaitRecheck();
        assertThat(enforcer.allowed(member("p1", "member"), CREATE, project("p1"))).isFalse();
        assertThat(enforcer.allowed(member("p1", "admin"), CREATE, project("p9"))).isTrue();
        assertThat(enforcer.effectiveRules()).containsEntry(CREATE, "role:admin");

        Files.writeString(file, "{\"" + CREATE + "\": \"role:member or role:creator\"}");
        awaitRecheck();
        assertThat(enforcer.allowed(member("p1", "creator"), CREATE, project("p9"))).isTrue();

        Files.delete(file);
        awaitRecheck();
        assertThat(enforcer.allowed(member("p1", "creator"), CREATE, project("p1"))).isFalse();
        assertThat(enforcer.allowed(member("p1", "member"), CREATE, project("p1"))).isTrue();
    }

    @Test
    void aBrokenFileAtRuntimeKeepsThePreviousRules() throws Exception {
        Path file = configDir.resolve("policy.yaml");
        Files.writeString(file, CREATE + ": role:admin\n");
        Enforcer enforcer = enforcer(PolicySettings.defaults());
        assertThat(enforcer.allowed(member("p1", "member"), CREATE, project("p1"))).isFalse();
        Files.writeString(file, "- not\n- a mapping\n");
        awaitRecheck();
        assertThat(enforcer.allowed(member("p1", "member"), CREATE, project("p1"))).isFalse();
        assertThat(enforcer.allowed(member("p1", "admin"), CREATE, project("p1"))).isTrue();
    }

    @Test
    void aBrokenFileAtStartIsAConfigError() throws IOException {
        Files.writeString(configDir.resolve("policy.yaml"), "[1, 2");
        assertThatThrownBy(() -> enforcer(PolicySettings.defaults())).isInstanceOf(ConfigError.class)
                .hasMessageContaining("policy.yaml");
    }

    @Test
    void unreadableRulesInTheFileAreRefusedToEveryone() throws IOException {
        Files.writeString(configDir.resolve("policy.yaml"), CREATE + ": \"http://remote/check\"\n"
                + "os_compute_api:servers:index: \"role:x or\"\n");
        Enforcer enforcer = enforcer(PolicySettings.defaults());
        assertThat(enforcer.allowed(member("p1", "admin"), CREATE, project("p1"))).isFalse();
        assertThat(enforcer.allowed(member("p1", "admin"), "os_compute_api:servers:index", project("p1"))).isFalse();
    }

    @Test
    void policyDirectoriesAreReadAfterThePolicyFileInNameOrder() throws IOException {
        Files.writeString(configDir.resolve("policy.yaml"), CREATE + ": role:a\n");
        Path dir = Files.createDirectory(configDir.resolve("policy.d"));
        Files.writeString(dir.resolve("10-first.yaml"), CREATE + ": role:b\n");
        Files.writeString(dir.resolve("20-second.json"), "{\"" + CREATE + "\": \"role:c\"}");
        Enforcer enforcer = enforcer(PolicySettings.defaults());
        assertThat(enforcer.allowed(member("p1", "c"), CREATE, project("p1"))).isTrue();
        assertThat(enforcer.allowed(member("p1", "b"), CREATE, project("p1"))).isFalse();

        Files.delete(configDir.resolve("policy.yaml"));
        Enforcer withoutFile = enforcer(PolicySettings.defaults());
        assertThat(withoutFile.allowed(member("p1", "c"), CREATE, project("p1"))).isFalse();
    }

    @Test
    void anOverrideOfTheOldRuleNameStandsForTheNewRule() throws IOException {
        // os_compute_api:os-attach-interfaces was split into :list, :show, ...
        Files.writeString(configDir.resolve("policy.yaml"), "os_compute_api:os-attach-interfaces: role:netops\n");
        Enforcer enforcer = enforcer(PolicySettings.defaults());
        assertThat(enforcer.allowed(member("p1", "netops"), "os_compute_api:os-attach-interfaces:list",
                project("p9"))).isTrue();
        assertThat(enforcer.allowed(member("p1", "reader"), "os_compute_api:os-attach-interfaces:list",
                project("p1"))).isFalse();
    }

    @Test
    void unregisteredRulesAreAProgrammingError() {
        Enforcer enforcer = enforcer(PolicySettings.defaults());
        assertThatThrownBy(() -> enforcer.authorize(member("p1", "admin"), "os_compute_api:no-such-rule", Map.of()))
                .isInstanceOf(PolicyNotRegistered.class)
                .extracting(e -> ((NovaException) e).code()).isEqualTo(500);
    }

    @Test
    void theDefaultTargetIsTheCallersOwnProject() {
        Enforcer enforcer = enforcer(PolicySettings.defaults());
        enforcer.authorize(member("p1", "member"), CREATE);
        assertThat(Enforcer.defaultTarget(member("p7"))).containsEntry("project_id", "p7").containsEntry("user_id", "u1");
    }

    @Test
    void theDefaultRuleStandsForUnknownRuleReferences() throws IOException {
        Files.writeString(configDir.resolve("policy.yaml"), "default: role:fallback\n" + CREATE + ": rule:undefined\n");
        Enforcer enforcer = enforcer(PolicySettings.defaults());
        assertThat(enforcer.allowed(member("p1", "fallback"), CREATE, project("p1"))).isTrue();
        assertThat(enforcer.allowed(member("p1", "member"), CREATE, project("p1"))).isFalse();
    }

    @Test
    void ruleLoopsFailClosed() throws IOException {
        Files.writeString(configDir.resolve("policy.yaml"), "a: rule:b\nb: rule:a\n" + CREATE + ": rule:a\n");
        Enforcer enforcer = enforcer(PolicySettings.defaults());
        assertThat(enforcer.allowed(member("p1", "admin"), CREATE, project("p1"))).isFalse();
    }

    /** The enforcer looks at its files at most once a second. */
    private static void awaitRecheck() throws InterruptedException {
        Thread.sleep(1100);
    }
}
