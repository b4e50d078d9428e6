package org.jnova.api.openstack.compute.policywalk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jnova.api.openstack.compute.ApiRouterV21;
import org.jnova.api.openstack.routing.Route;
import org.jnova.db.TestDatabases;
import org.jnova.policy.Enforcer;
import org.jnova.policy.PolicySettings;
import org.jnova.testing.JnovaTestServer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * "Who may do what": every API call jnova serves, made by an admin, a member and a reader of
 * project A and a member of project B against the production router and the real Enforcer
 * (nova Zed's defaults, enforce_new_defaults and enforce_scope on), checked against nova's
 * outcome written out in {@link ApiCall#all()}.
 */
class WhoMayDoWhatTest {
    private static final List<Persona> ORDER = List.of(Persona.MEMBER_B, Persona.READER_A, Persona.MEMBER_A,
            Persona.ADMIN_A);

    static List<String> engines() {
        return TestDatabases.engines();
    }

    static ApiRouterV21 router(JnovaTestServer jnova) {
        Enforcer enforcer = Enforcer.nova(PolicySettings.from(jnova.conf()), name -> Optional.empty());
        return jnova.cloud().computeRouter(enforcer);
    }

    /** A jnova the walk can use: no quota in the way, the share the calls attach; {@code extra} settings after. */
    static JnovaTestServer start(String engine, String... extra) throws Exception {
        List<String> settings = new java.util.ArrayList<>(List.of("[quota]", "instances = -1", "cores = -1",
                "ram = -1", "server_groups = -1", "key_pairs = -1", "metadata_items = -1", "[jnova_shares]",
                "shares = " + ApiCall.WALK_SHARE + ":" + Persona.Projects.A + ":available:NFS:10.0.0.9:/walk",
                "[jnova_compute]", "security_group_quota = -1", "floating_ip_quota = -1",
                "[jnova_quota]", "volumes = -1", "gigabytes = -1", "snapshots = -1"));
        settings.addAll(List.of(extra));
        return JnovaTestServer.start(engine, settings.toArray(String[]::new));
    }

    @ParameterizedTest
    @MethodSource("engines")
    void everyCallAnswersEachPersonaAsNovaDoes(String engine) throws Exception {
        try (JnovaTestServer jnova = start(engine)) {
            WalkApi api = new WalkApi(router(jnova));
            List<String> wrong = new ArrayList<>();
            for (ApiCall call : ApiCall.all()) {
                WalkFixtures shared = new WalkFixtures(api);
                for (Persona who : ORDER) {
                    WalkFixtures fixtures = call.fresh() ? new WalkFixtures(api) : shared;
                    String path = fixtures.fill(call.path(), who);
                    String body = fixtures.fill(call.body(), who);
                    WalkApi.Reply r = api.call(who, call.method(), path, body, call.version());
                    if (r.status() == 202 && call.method().equals("POST") && r.body().contains("\"server\"")
                            && !call.path().contains("/action")) {
                        api.created(r.json().path("server").path("id").asText());
                    }
                    Outcome expected = Outcome.expected(call.rule(), call.scope(), who);
                    // -Dwalk.print=true lists what allowed callers got besides 2xx (operation errors)
                    if (Boolean.getBoolean("walk.print") && expected == Outcome.ALLOWED && r.status() >= 300) {
                        System.out.println("WALK " + call.label() + " as " + who + " -> " + r.status() + " "
                                + abbreviate(r.body()));
                    }
                    String problem = check(call, expected, r);
                    if (problem != null) {
                        wrong.add(call.label() + " as " + who + ": expected " + expected + ", got " + r.status() + " "
                                + abbreviate(r.body()) + (problem.isEmpty() ? "" : " (" + problem + ")"));
                    }
                }
                api.deleteServers();
            }
            assertThat(wrong).as(String.join("\n", wrong)).isEmpty();
        }
    }

    /** null when the answer is nova's, else why not ("" when the status says it). */
    private static String check(ApiCall call, Outcome expected, WalkApi.Reply r) {
        boolean policyDenial = r.status() == 403 && r.body().contains("Policy doesn't allow");
        switch (expected) {
            case DENIED -> {
                String message = "Policy doesn't allow " + call.policy() + " to be performed.";
                if (r.status() != 403) {
                    return "";
                }
                return r.json().path("forbidden").path("message").asText().equals(message) ? null
                        : "not nova's message " + message;
            }
            case HIDDEN -> {
                if (r.status() != 404) {
                    return "";
                }
                return r.body().contains("Policy") ? "mentions policy" : null;
            }
            default -> {
                if (policyDenial || (r.status() >= 500 && r.status() != 501)) {
                    return "";
                }
                // a thing the walk created must not be hidden from a caller allowed to use it
                boolean existing = call.path().contains("{") && !call.path().contains("/images/");
                return r.status() == 404 && existing && !call.method().equals("DELETE")
                        && r.body().contains("could not be found") ? "hidden from its owner" : null;
            }
        }
    }

    private static String abbreviate(String body) {
        return body.length() > 160 ? body.substring(0, 160) + "..." : body;
    }

    /** Every {@code @Action} key of the server controllers (found on the class path) has a row. */
    @org.junit.jupiter.api.Test
    void theTableCoversEveryServerActionKey() throws Exception {
        java.util.Set<String> keys = new java.util.TreeSet<>();
        for (String pkg : List.of("org.jnova.api.openstack.compute.servers",
                "org.jnova.api.openstack.compute.servers.actions")) {
            var dirs = getClass().getClassLoader().getResources(pkg.replace('.', '/'));
            while (dirs.hasMoreElements()) {
                java.nio.file.Path dir = java.nio.file.Path.of(dirs.nextElement().toURI());
                try (var files = java.nio.file.Files.list(dir)) {
                    for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                        String name = file.getFileName().toString().replace(".class", "");
                        for (java.lang.reflect.Method m : Class.forName(pkg + "." + name).getDeclaredMethods()) {
                            org.jnova.api.openstack.wsgi.Action action = m.getAnnotation(
                                    org.jnova.api.openstack.wsgi.Action.class);
                            if (action != null) {
                                keys.add(action.value());
                            }
                        }
                    }
                }
            }
        }
        List<String> walked = ApiCall.all().stream().filter(c -> c.path().equals("/servers/{server}/action"))
                .map(c -> c.body().replaceAll("^\\{\"([^\"]+)\".*", "$1")).toList();
        assertThat(keys).hasSizeGreaterThan(30);
        assertThat(walked).containsAll(keys);
    }

    @ParameterizedTest
    @MethodSource("engines")
    void theTableCoversEveryRouteWithAController(String engine) throws Exception {
        try (JnovaTestServer jnova = start(engine)) {
            ApiRouterV21 router = router(jnova);
            List<String> uncovered = new ArrayList<>();
            for (Route route : router.routes()) {
                if (route.template().startsWith("/{project_id")) {
                    continue;
                }
                boolean covered = ApiCall.all().stream().anyMatch(call -> call.method().equals(route.method())
                        && route.pattern().matcher(call.path().replaceAll("\\{[a-zA-Z_]+}", "x")).matches());
                if (!covered) {
                    uncovered.add(route.method() + " " + route.template());
                }
            }
            assertThat(uncovered).isEmpty();
        }
    }
}
