package org.jnova.api.openstack.compute.policywalk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jnova.context.RequestContext;
import org.jnova.testing.JnovaTestServer;
import org.junit.jupiter.api.Test;

/**
 * A system-scoped token (Keystone's {@code "system": {"all": true}}: roles, no project) on
 * every call of the walk. nova's API rules are all project-scoped, so with enforce_scope (the
 * default) every call that has a rule answers the policy 403; a call without one answers as
 * for anyone. Nothing answers 500, whether scope is enforced or not.
 */
class SystemScopedTokenTest {
    private static RequestContext systemAdmin() {
        return new RequestContext("walk-system-admin", Optional.empty(), List.of("admin", "member", "reader"), true,
                "req-" + java.util.UUID.randomUUID(), Optional.empty(), Optional.of("all"), Optional.of("token"),
                Optional.of("default"), Optional.empty(), true);
    }

    private static List<String> walk(JnovaTestServer jnova, boolean scopeEnforced) {
        WalkApi api = new WalkApi(WhoMayDoWhatTest.router(jnova));
        List<String> wrong = new ArrayList<>();
        for (ApiCall call : ApiCall.all()) {
            WalkFixtures fixtures = new WalkFixtures(api);
            String path = fixtures.fill(call.path(), Persona.ADMIN_A);
            String body = fixtures.fill(call.body(), Persona.ADMIN_A);
            WalkApi.Reply r = api.call(systemAdmin(), "system admin", call.method(), path, body, call.version());
            if (r.status() == 202 && call.method().equals("POST") && r.body().contains("\"server\"")
                    && !call.path().contains("/action")) {
                api.created(r.json().path("server").path("id").asText());
            }
            boolean denied = r.status() == 403 && call.policy() != null && r.body().contains(
                    "Policy doesn't allow " + call.policy() + " to be performed.");
            if (r.status() >= 500 && r.status() != 501) {
                wrong.add(call.label() + ": " + r.status() + " " + abbreviate(r.body()));
            } else if (scopeEnforced && call.policy() != null && !denied) {
                wrong.add(call.label() + ": expected the policy 403, got " + r.status() + " " + abbreviate(r.body()));
            }
            api.deleteServers();
        }
        return wrong;
    }

    private static String abbreviate(String body) {
        return body.length() > 160 ? body.substring(0, 160) + "..." : body;
    }

    @Test
    void withScopeEnforcedEveryRuledCallIsAPolicyDenialAndNothingFails() throws Exception {
        try (JnovaTestServer jnova = WhoMayDoWhatTest.start("sqlite")) {
            List<String> wrong = walk(jnova, true);
            assertThat(wrong).as(String.join("\n", wrong)).isEmpty();
        }
    }

    @Test
    void withScopeOnlyWarnedAboutNothingFailsEither() throws Exception {
        try (JnovaTestServer jnova = WhoMayDoWhatTest.start("sqlite", "[oslo_policy]", "enforce_scope = false")) {
            List<String> wrong = walk(jnova, false);
            assertThat(wrong).as(String.join("\n", wrong)).isEmpty();
            // what needs a project is refused; what does not (an admin API) is served
            WalkApi api = new WalkApi(WhoMayDoWhatTest.router(jnova));
            WalkApi.Reply servers = api.call(systemAdmin(), "system admin", "GET", "/servers", null, "2.1");
            assertThat(servers.status()).isEqualTo(403);
            assertThat(servers.json().path("forbidden").path("message").asText())
                    .isEqualTo("This action needs a project-scoped token; the token used for the request is system "
                            + "scoped.");
            assertThat(api.call(systemAdmin(), "system admin", "GET", "/os-hypervisors", null, "2.1").status())
                    .isEqualTo(200);
        }
    }
}
