package org.jnova.api.openstack.compute.policywalk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jnova.context.RequestContext;
import org.jnova.testing.EachEngine;
import org.jnova.testing.JnovaTestServer;

/**
 * Every API call of the walk made with a system-scoped token (Keystone's "system: all", no
 * project) as an administrator and as a reader, against the production router with nova's
 * defaults and then with enforce_scope off (what nova Zed ships): an API that needs a project
 * answers nova's 4xx (or its 501 where it has one), never a 500 from the code behind a policy the
 * token passed.
 */
class SystemScopeTest {
    private static RequestContext system(List<String> roles, boolean admin) {
        return new RequestContext("walk-system", Optional.empty(), roles, admin, "req-" + java.util.UUID.randomUUID(),
                Optional.empty(), Optional.of("all"), Optional.empty(), Optional.of("default"), Optional.empty());
    }

    @EachEngine
    void systemScopedCallersNeverMeetAServerError(String engine) throws Exception {
        for (String scope : List.of("true", "false")) {
            try (JnovaTestServer jnova = JnovaTestServer.start(engine, "[quota]", "instances = -1", "cores = -1",
                    "ram = -1", "server_groups = -1", "key_pairs = -1", "metadata_items = -1", "[oslo_policy]",
                    "enforce_scope = " + scope, "enforce_new_defaults = " + scope)) {
                WalkApi api = new WalkApi(WhoMayDoWhatTest.router(jnova));
                List<String> wrong = new ArrayList<>();
                for (ApiCall call : ApiCall.all()) {
                    WalkFixtures fixtures = new WalkFixtures(api);
                    String path = fixtures.fill(call.path(), Persona.ADMIN_A);
                    String body = fixtures.fill(call.body(), Persona.ADMIN_A);
                    for (RequestContext who : List.of(system(List.of("admin", "member", "reader"), true),
                            system(List.of("reader"), false))) {
                        WalkApi.Reply r = api.call(who, "system " + who.roles(), call.method(), path, body,
                                call.version());
                        if (r.status() == 500) {
                            wrong.add("enforce_scope=" + scope + " " + call.label() + " as system " + who.roles() + ": "
                                    + r.status() + " " + r.body().substring(0, Math.min(200, r.body().length())));
                        }
                    }
                    api.deleteServers();
                }
                assertThat(wrong).as(String.join("\n", wrong)).isEmpty();
                WalkApi.Reply list = api.call(system(List.of("admin"), true), "system admin", "GET", "/servers", null,
                        "2.1");
                assertThat(list.status()).isEqualTo(403);
                // with enforce_scope the project rule refuses the token (nova's policy 403); without it
                // the admin role passes and listing "the caller's project" is what is refused
                assertThat(list.body()).contains(scope.equals("true")
                        ? "Policy doesn't allow os_compute_api:servers:index to be performed."
                        : "This call needs a project-scoped token; the token given is scoped to the system.");
            }
        }
    }
}
