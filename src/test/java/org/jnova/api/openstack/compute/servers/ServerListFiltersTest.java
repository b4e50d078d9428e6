package org.jnova.api.openstack.compute.servers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jnova.testing.EngineServers.assertFault;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jnova.testing.EachEngine;
import org.jnova.testing.EngineServers;
import org.jnova.testing.JnovaTestServer.Reply;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The regular-expression filters of GET /servers with patterns a caller crafts to run away,
 * over a real socket: the query schema refuses what Python's re would not compile (nova's
 * 400), and the rest runs in time linear in the names whatever the pattern, with re.search's
 * answers for ordinary patterns; paging through a filter goes on where the page ended.
 */
class ServerListFiltersTest {
    @RegisterExtension
    static final EngineServers SERVERS = new EngineServers();

    private static final String LONG_NAME = "a".repeat(200) + "!";

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static Reply list(String engine, String project, String query) throws Exception {
        return SERVERS.callAs(engine, "admin:" + project, "GET", "/servers" + query, null, "2.1");
    }

    private static List<String> names(Reply r) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        List<String> out = new ArrayList<>();
        r.json().path("servers").forEach(s -> out.add(s.path("name").asText()));
        return out;
    }

    private static void boot(String engine, String project, String name, int count) throws Exception {
        Reply r = SERVERS.callAs(engine, "admin:" + project, "POST", "/servers", "{\"server\": {\"name\": \"" + name
                + "\", \"imageRef\": \"" + ServerApiClient.IMAGE + "\", \"flavorRef\": \"1\", \"min_count\": " + count
                + "}}", "2.1");
        assertThat(r.status()).as(r.body()).isEqualTo(202);
    }

    @EachEngine
    void patternsThatBacktrackForeverAnswerAtOnce(String engine) throws Exception {
        String project = "regex-" + engine;
        boot(engine, project, LONG_NAME, 1);
        boot(engine, project, "web", 3);
        long start = System.nanoTime();
        // years for a backtracking engine (Python's re, java.util.regex) on a 200-character name
        assertThat(names(list(engine, project, "?name=" + enc("(.*a){12}$")))).isEmpty();
        assertThat(names(list(engine, project, "?name=" + enc("(.*a){20}x")))).isEmpty();
        assertThat(names(list(engine, project, "?hostname=" + enc("(.*a){15}x")))).isEmpty();
        assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start)).isLessThan(10);
        // re.search semantics for ordinary patterns: anywhere in the name, case-sensitive
        assertThat(names(list(engine, project, "?name=" + enc("^(a+)+!$")))).containsExactly(LONG_NAME);
        assertThat(names(list(engine, project, "?name=" + enc("b-[13]$")))).containsExactlyInAnyOrder("web-1",
                "web-3");
        assertThat(names(list(engine, project, "?name=WEB"))).isEmpty();
        assertThat(names(list(engine, project, "?name=" + enc("(?P<w>we)b-2")))).containsExactly("web-2");
        long settle = System.currentTimeMillis() + 30_000; // the ports come with the build
        while (names(list(engine, project, "?ip=" + enc("^10\\."))).size() < 4 && System.currentTimeMillis() < settle) {
            Thread.sleep(50);
        }
        assertThat(names(list(engine, project, "?ip=" + enc("^10\\.")))).hasSize(4);
        assertThat(names(list(engine, project, "?ip=" + enc("^(\\d+\\.?)+x$")))).isEmpty();
    }

    @EachEngine
    void patternsPythonCannotCompileAreNovasFourHundred(String engine) throws Exception {
        String project = "bad-" + engine;
        assertFault(list(engine, project, "?name=" + enc("[")), 400,
                "Invalid input for query parameters name. Value: [. '[' is not a 'regex'");
        assertFault(list(engine, project, "?name="), 400,
                "Invalid input for query parameters name. Value: . '' is not a 'regex'");
        assertFault(list(engine, project, "?ip=" + enc("(")), 400,
                "Invalid input for query parameters ip. Value: (. '(' is not a 'regex'");
        // deeper than Python's re.compile can follow (nova: RecursionError, a 500)
        String deep = "(".repeat(600) + "a" + ")".repeat(600);
        Reply r = list(engine, project, "?hostname=" + enc(deep));
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(EngineServers.message(r.json())).endsWith("is not a 'regex'");
    }

    @EachEngine
    void pagingThroughAFilterGoesOnWhereThePageEnded(String engine) throws Exception {
        String project = "pages-" + engine;
        boot(engine, project, "match", 5);
        boot(engine, project, "other", 5);
        List<String> seen = new ArrayList<>();
        String query = "?name=" + enc("^match-") + "&limit=2";
        for (int page = 0; page < 5; page++) {
            Reply r = list(engine, project, query);
            seen.addAll(names(r));
            if (r.json().path("servers_links").isEmpty()) {
                break;
            }
            String next = r.json().path("servers_links").path(0).path("href").asText();
            query = next.substring(next.indexOf('?'));
        }
        assertThat(seen).containsExactlyInAnyOrder("match-1", "match-2", "match-3", "match-4", "match-5");
    }
}
