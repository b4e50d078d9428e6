package org.jnova.api.openstack.compute.policywalk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jnova.api.openstack.compute.ApiRouterV21;
import org.jnova.api.openstack.compute.policywalk.CrossProjectRows.Answer;
import org.jnova.api.openstack.compute.policywalk.CrossProjectRows.Row;
import org.jnova.api.openstack.routing.Route;
import org.jnova.db.TestDatabases;
import org.jnova.testing.JnovaTestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One project's member or reader never reaches another project's things: every routed path with
 * a placeholder, filled with project A's ids, and every list filter or request body naming
 * them, called as a member and as a reader of project B, gets nova's refusal (404 where nova does
 * not say the thing exists, 403 where a policy denies first) and no answer carries any of A's
 * data. A route added later without a row fails {@link #everyRouteWithAPlaceholderHasARow()}.
 */
class CrossProjectIsolationTest {
    private static final List<Persona> CALLERS = List.of(Persona.MEMBER_B, Persona.READER_B);

    static List<String> engines() {
        return TestDatabases.engines();
    }

    @ParameterizedTest
    @MethodSource("engines")
    void projectBNeverReachesProjectA(String engine) throws Exception {
        try (JnovaTestServer jnova = WhoMayDoWhatTest.start(engine)) {
            WalkApi api = new WalkApi(WhoMayDoWhatTest.router(jnova));
            ProjectAWorld world = ProjectAWorld.build(api);
            List<String> wrong = new ArrayList<>();
            for (Row row : CrossProjectRows.all()) {
                for (Persona who : CALLERS) {
                    String path = world.fill(row.path());
                    String body = world.fill(row.body());
                    WalkApi.Reply r = api.call(who, row.method(), path, body, row.version());
                    Answer expected = row.expected(who);
                    List<String> problems = new ArrayList<>(world.leaks(r.body(), path + " " + body));
                    String status = check(expected, r);
                    if (status != null) {
                        problems.add(0, status);
                    }
                    if (!problems.isEmpty()) {
                        wrong.add(row.label() + " @" + row.version() + " as " + who + ": expected " + expected
                                + ", got " + r.status() + " " + abbreviate(r.body()) + " " + problems);
                    }
                    if (r.status() < 300 && expected.status() != 200) {
                        // the call reached A's things and may have changed them: start again from a clean world
                        world = ProjectAWorld.build(api);
                    }
                }
            }
            wrong.addAll(untouched(api, world));
            assertThat(wrong).as(String.join("\n", wrong)).isEmpty();
        }
    }

    /** null when the status (and a denial's message) is nova's, else what differs. */
    private static String check(Answer expected, WalkApi.Reply r) {
        if (expected.status() == 200) {
            return r.status() >= 200 && r.status() < 300 ? null : "status";
        }
        if (r.status() != expected.status()) {
            return "status";
        }
        if (expected.policy() != null) {
            String message = "Policy doesn't allow " + expected.policy() + " to be performed.";
            return r.json().path("forbidden").path("message").asText().equals(message) ? null : "not " + message;
        }
        return expected.status() == 404 && r.body().contains("Policy") ? "mentions policy" : null;
    }

    /** What B tried did not change A's things. */
    private static List<String> untouched(WalkApi api, ProjectAWorld w) {
        List<String> changed = new ArrayList<>();
        JsonNode server = api.expect(200, Persona.MEMBER_A, "GET", "/servers/" + w.get("server"), null, "2.26").json()
                .path("server");
        expect(changed, "server name", server.path("name").asText(), w.get("name"));
        expect(changed, "server metadata", server.path("metadata").path(w.get("mkey")).asText(), w.get("mvalue"));
        expect(changed, "server tags", server.path("tags").toString(), "[\"" + w.get("tag") + "\"]");
        expect(changed, "server status", server.path("status").asText(), "ACTIVE");
        expect(changed, "server lock", server.path("locked").asText(), "false");
        expect(changed, "server port", api.firstPortId(w.get("server")), w.get("port"));
        JsonNode attachments = api.expect(200, Persona.MEMBER_A, "GET", "/servers/" + w.get("server")
                + "/os-volume_attachments", null, "2.1").json().path("volumeAttachments");
        expect(changed, "attached volume", attachments.path(0).path("volumeId").asText() + " of "
                + attachments.size(), w.get("attached") + " of 1");
        expect(changed, "volume", api.call(Persona.MEMBER_A, "GET", "/os-volumes/" + w.get("volume"), null, "2.1")
                .json().path("volume").path("status").asText(), "available");
        expect(changed, "key pair", String.valueOf(api.call(Persona.MEMBER_A, "GET", "/os-keypairs/" + w.get("keypair"),
                null, "2.1").status()), "200");
        expect(changed, "server group", String.valueOf(api.call(Persona.MEMBER_A, "GET", "/os-server-groups/"
                + w.get("group"), null, "2.1").status()), "200");
        expect(changed, "flavor extra spec", api.call(Persona.ADMIN_A, "GET", "/flavors/" + w.get("flavor")
                + "/os-extra_specs/k1", null, "2.1").json().path("k1").asText(), "v1");
        expect(changed, "flavor access", api.call(Persona.ADMIN_A, "GET", "/flavors/" + w.get("flavor")
                + "/os-flavor-access", null, "2.1").json().path("flavor_access").size() + "", "1");
        JsonNode secgroup = api.call(Persona.MEMBER_A, "GET", "/os-security-groups/" + w.get("secgroup"), null, "2.1")
                .json().path("security_group");
        expect(changed, "security group", secgroup.path("name").asText() + " with " + secgroup.path("rules").size()
                + " rule", w.get("secgroup_name") + " with 1 rule");
        expect(changed, "server's security groups", api.call(Persona.MEMBER_A, "GET", "/servers/" + w.get("server")
                + "/os-security-groups", null, "2.1").json().path("security_groups").size() + "", "2");
        expect(changed, "floating IP", api.call(Persona.MEMBER_A, "GET", "/os-floating-ips/" + w.get("fip"), null,
                "2.1").json().path("floating_ip").path("instance_id").asText(), w.get("server"));
        expect(changed, "image", String.valueOf(api.call(Persona.MEMBER_A, "GET", "/images/" + w.get("image"), null,
                "2.1").status()), "200");
        JsonNode b = api.expect(200, Persona.MEMBER_B, "GET", "/servers/" + w.get("bserver"), null, "2.1").json()
                .path("server");
        expect(changed, "B's server flavor", b.path("flavor").path("id").asText(), "1");
        expect(changed, "B's server status", b.path("status").asText(), "ACTIVE");
        // B's usage counts B's things only
        List<String> ids = new ArrayList<>();
        api.expect(200, Persona.MEMBER_B, "GET", "/servers", null, "2.1").json().path("servers")
                .forEach(s -> ids.add(s.path("id").asText()));
        int servers = ids.size();
        int groups = api.expect(200, Persona.MEMBER_B, "GET", "/os-server-groups", null, "2.1").json()
                .path("server_groups").size();
        JsonNode absolute = api.expect(200, Persona.READER_B, "GET", "/limits", null, "2.1").json().path("limits")
                .path("absolute");
        expect(changed, "B's servers in its limits", absolute.path("totalInstancesUsed").asText(), servers + "");
        expect(changed, "B's server groups in its limits", absolute.path("totalServerGroupsUsed").asText(),
                groups + "");
        JsonNode quota = api.expect(200, Persona.READER_B, "GET", "/os-quota-sets/" + Persona.Projects.B + "/detail",
                null, "2.1").json().path("quota_set");
        expect(changed, "B's servers in its quota", quota.path("instances").path("in_use").asText(), servers + "");
        expect(changed, "B's server groups in its quota", quota.path("server_groups").path("in_use").asText(),
                groups + "");
        JsonNode usage = api.expect(200, Persona.READER_B, "GET", "/os-simple-tenant-usage/" + Persona.Projects.B
                + "?start=2000-01-01T00:00:00&end=2999-01-01T00:00:00", null, "2.1").json().path("tenant_usage");
        usage.path("server_usages").forEach(u -> {
            if (!ids.contains(u.path("instance_id").asText())) {
                changed.add("B's usage shows server " + u.path("instance_id").asText());
            }
        });
        return changed;
    }

    private static void expect(List<String> changed, String what, String actual, String expected) {
        if (!actual.equals(expected)) {
            changed.add(what + " changed: " + actual + " instead of " + expected);
        }
    }

    private static String abbreviate(String body) {
        return body.length() > 200 ? body.substring(0, 200) + "..." : body;
    }

    /** Every route with a placeholder, and every action key, of the production router has a row. */
    @Test
    void everyRouteWithAPlaceholderHasARow() throws Exception {
        List<Row> rows = CrossProjectRows.all();
        Set<String> missing = new TreeSet<>();
        try (JnovaTestServer jnova = WhoMayDoWhatTest.start("sqlite")) {
            ApiRouterV21 router = WhoMayDoWhatTest.router(jnova);
            for (Route route : router.routes()) {
                if (route.template().startsWith("/{project_id") || !route.template().contains("{")) {
                    continue;
                }
                List<Row> matching = rows.stream().filter(row -> row.method().equals(route.method())
                        && route.pattern().matcher(row.path().replaceAll("\\?.*", "").replaceAll("\\{[a-zA-Z_]+}", "x"))
                        .matches()).toList();
                if (matching.isEmpty()) {
                    missing.add(route.method() + " " + route.template());
                }
                if (route.template().endsWith("/action")) {
                    for (String key : router.bodyActionNames(route.resource())) {
                        if (matching.stream().noneMatch(row -> row.body().startsWith("{\"" + key + "\""))) {
                            missing.add(route.method() + " " + route.template() + " " + key);
                        }
                    }
                }
            }
        }
        assertThat(missing).as("routes without a row").isEmpty();
    }
}
