package org.jnova.api.openstack.compute.policywalk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.jnova.db.TestDatabases;
import org.jnova.testing.JnovaTestServer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Project B never sees project A's servers, key pairs or server groups in lists; key pairs are
 * a user's own even inside a project; all_tenants, all_projects, another project's limits and
 * admin-only server filters need an admin (refused with 403, or ignored where nova ignores them).
 */
class ProjectIsolationTest {
    static List<String> engines() {
        return TestDatabases.engines();
    }

    private static List<String> values(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(item -> out.add(field.isEmpty() ? item.asText() : item.at(field).asText()));
        return out;
    }

    private static void assertPolicyDenied(WalkApi.Reply r, String rule) {
        assertThat(r.status()).as(r.body()).isEqualTo(403);
        assertThat(r.json().path("forbidden").path("message").asText())
                .isEqualTo("Policy doesn't allow " + rule + " to be performed.");
    }

    @ParameterizedTest
    @MethodSource("engines")
    void otherProjectsAndUsersSeeNothingOfProjectA(String engine) throws Exception {
        try (JnovaTestServer jnova = WhoMayDoWhatTest.start(engine)) {
            WalkApi api = new WalkApi(WhoMayDoWhatTest.router(jnova));
            String server = api.serverOfA();
            String keypair = api.keypairOf(Persona.MEMBER_A);
            String group = api.serverGroupOfA();

            for (String list : List.of("/servers", "/servers/detail")) {
                assertThat(values(api.call(Persona.MEMBER_B, "GET", list, null, "2.1").json().path("servers"), "/id"))
                        .doesNotContain(server);
                assertThat(values(api.call(Persona.READER_A, "GET", list, null, "2.1").json().path("servers"), "/id"))
                        .contains(server);
                assertThat(values(api.call(Persona.ADMIN_A, "GET", list + "?all_tenants=1", null, "2.1").json()
                        .path("servers"), "/id")).contains(server);
            }
            assertPolicyDenied(api.call(Persona.MEMBER_B, "GET", "/servers?all_tenants=1", null, "2.1"),
                    "os_compute_api:servers:index:get_all_tenants");
            assertPolicyDenied(api.call(Persona.MEMBER_A, "GET", "/servers/detail?all_tenants=1", null, "2.1"),
                    "os_compute_api:servers:detail:get_all_tenants");

            // key pairs belong to users: not B's, and not even another user's of project A
            for (Persona other : List.of(Persona.MEMBER_B, Persona.READER_A)) {
                assertThat(values(api.call(other, "GET", "/os-keypairs", null, "2.1").json().path("keypairs"),
                        "/keypair/name")).doesNotContain(keypair);
                assertThat(api.call(other, "GET", "/os-keypairs/" + keypair, null, "2.1").status()).isEqualTo(404);
                assertThat(api.call(other, "DELETE", "/os-keypairs/" + keypair, null, "2.1").status()).isEqualTo(404);
            }
            assertThat(values(api.call(Persona.MEMBER_A, "GET", "/os-keypairs", null, "2.1").json().path("keypairs"),
                    "/keypair/name")).contains(keypair);
            assertPolicyDenied(api.call(Persona.MEMBER_B, "GET", "/os-keypairs?user_id=" + Persona.MEMBER_A.user, null,
                    "2.10"), "os_compute_api:os-keypairs:index");
            assertPolicyDenied(api.call(Persona.MEMBER_B, "GET", "/os-keypairs/" + keypair + "?user_id="
                    + Persona.MEMBER_A.user, null, "2.10"), "os_compute_api:os-keypairs:show");
            assertThat(api.call(Persona.ADMIN_A, "GET", "/os-keypairs/" + keypair + "?user_id="
                    + Persona.MEMBER_A.user, null, "2.10").status()).isEqualTo(200);

            // server groups
            assertThat(values(api.call(Persona.MEMBER_B, "GET", "/os-server-groups", null, "2.1").json()
                    .path("server_groups"), "/id")).doesNotContain(group);
            assertThat(values(api.call(Persona.READER_A, "GET", "/os-server-groups", null, "2.1").json()
                    .path("server_groups"), "/id")).contains(group);
            // nova keeps its old behaviour here: a non-admin's all_projects is ignored, not refused
            WalkApi.Reply allProjects = api.call(Persona.MEMBER_B, "GET", "/os-server-groups?all_projects=True", null,
                    "2.1");
            assertThat(allProjects.status()).isEqualTo(200);
            assertThat(values(allProjects.json().path("server_groups"), "/id")).doesNotContain(group);
            assertThat(values(api.call(Persona.ADMIN_A, "GET", "/os-server-groups?all_projects=True", null, "2.1")
                    .json().path("server_groups"), "/id")).contains(group);

            // another project's limits
            assertPolicyDenied(api.call(Persona.MEMBER_B, "GET", "/limits?tenant_id=" + Persona.Projects.A, null,
                    "2.1"), "os_compute_api:limits:other_project");
            assertThat(api.call(Persona.ADMIN_A, "GET", "/limits?tenant_id=" + Persona.Projects.B, null, "2.1")
                    .status()).isEqualTo(200);
        }
    }

    @ParameterizedTest
    @MethodSource("engines")
    void adminOnlyServerFiltersAreIgnoredForOthers(String engine) throws Exception {
        try (JnovaTestServer jnova = WhoMayDoWhatTest.start(engine)) {
            WalkApi api = new WalkApi(WhoMayDoWhatTest.router(jnova));
            String server = api.serverOfA();
            // host is an admin-only filter: a member's is dropped, an admin's applies
            assertThat(values(api.call(Persona.MEMBER_A, "GET", "/servers?host=no-such-host", null, "2.1").json()
                    .path("servers"), "/id")).contains(server);
            assertThat(values(api.call(Persona.ADMIN_A, "GET", "/servers?host=no-such-host", null, "2.1").json()
                    .path("servers"), "/id")).doesNotContain(server);
            // project_id without all_tenants does not widen a member's view
            assertThat(values(api.call(Persona.MEMBER_B, "GET", "/servers?project_id=" + Persona.Projects.A, null,
                    "2.1").json().path("servers"), "/id")).doesNotContain(server);
        }
    }
}
