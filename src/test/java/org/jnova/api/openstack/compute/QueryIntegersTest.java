package org.jnova.api.openstack.compute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jnova.testing.EngineServers.assertFault;

import java.util.List;
import org.jnova.compute.SeedData;
import org.jnova.testing.EachEngine;
import org.jnova.testing.EngineServers;
import org.jnova.testing.JnovaTestServer.Reply;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Integers from the query string and the body, of any size and shape, over a real socket:
 * what nova-ref answered for the same requests. Limits are clamped to [api] max_limit, not
 * a 500; the images proxy reads them as nova's validate_integer; ids and sizes no row can
 * have are nova's 404 or the 4xx its 500 means.
 */
class QueryIntegersTest {
    @RegisterExtension
    static final EngineServers SERVERS = new EngineServers();

    private static final String HUGE = "99999999999999999999999";

    private static Reply get(String engine, String path, String version) throws Exception {
        return SERVERS.call(engine, "GET", path, null, version);
    }

    private static String server(String engine) throws Exception {
        Reply boot = SERVERS.call(engine, "POST", "/servers", "{\"server\": {\"name\": \"ints\", \"imageRef\": \""
                + SeedData.CIRROS_IMAGE_ID + "\", \"flavorRef\": \"1\"}}", "2.1");
        assertThat(boot.status()).as(boot.body()).isEqualTo(202);
        return boot.json().path("server").path("id").asText();
    }

    @EachEngine
    void hugeLimitsAreClampedOnEveryPagedList(String engine) throws Exception {
        String id = server(engine);
        List<String[]> lists = List.of(new String[] {"/flavors", "2.1"}, new String[] {"/flavors/detail", "2.1"},
                new String[] {"/servers", "2.1"}, new String[] {"/servers/detail", "2.1"},
                new String[] {"/os-keypairs", "2.35"}, new String[] {"/images", "2.1"},
                new String[] {"/os-hypervisors", "2.33"}, new String[] {"/os-migrations", "2.59"},
                new String[] {"/servers/" + id + "/os-instance-actions", "2.58"},
                new String[] {"/os-simple-tenant-usage", "2.40"}, new String[] {"/os-server-groups", "2.1"},
                new String[] {"/os-volumes", "2.1"});
        for (String[] list : lists) {
            Reply plain = get(engine, list[0], list[1]);
            for (String limit : List.of("99999999999", HUGE)) {
                Reply r = get(engine, list[0] + "?limit=" + limit, list[1]);
                assertThat(r.status()).as(list[0] + "?limit=" + limit + ": " + r.body()).isEqualTo(200);
                assertThat(r.json().elements().next().size()).isEqualTo(plain.json().elements().next().size());
            }
        }
        assertFault(get(engine, "/flavors?limit=-1", "2.1"), 400,
                "Invalid input for query parameters limit. Value: -1. '-1' does not match '^[0-9]*$'");
        assertFault(get(engine, "/servers?limit=abc", "2.1"), 400,
                "Invalid input for query parameters limit. Value: abc. 'abc' does not match '^[0-9]*$'");
    }

    @EachEngine
    void theImagesProxyReadsLimitsAsNovasValidateInteger(String engine) throws Exception {
        int all = get(engine, "/images", "2.1").json().path("images").size();
        assertFault(get(engine, "/images?limit=-1", "2.1"), 400, "Invalid input received: limit must be >= 0");
        assertFault(get(engine, "/images?limit=abc", "2.1"), 400, "Invalid input received: limit must be an integer");
        assertFault(get(engine, "/images?limit=1.5", "2.1"), 400, "Invalid input received: limit must be an integer");
        assertFault(get(engine, "/images?limit=", "2.1"), 400, "Invalid input received: limit must be an integer");
        assertFault(get(engine, "/images?offset=-1", "2.1"), 400, "Invalid input received: offset must be >= 0");
        // Python's int(): surrounding spaces, a sign, other scripts' digits, any size; 0 is no limit
        assertThat(get(engine, "/images?limit=%201", "2.1").json().path("images").size()).isEqualTo(1);
        assertThat(get(engine, "/images?limit=%2B1", "2.1").json().path("images").size()).isEqualTo(1);
        assertThat(get(engine, "/images?limit=%D9%A1", "2.1").json().path("images").size()).isEqualTo(1);
        assertThat(get(engine, "/images?limit=" + HUGE, "2.1").json().path("images").size()).isEqualTo(all);
        assertThat(get(engine, "/images?limit=0", "2.1").json().path("images").size()).isEqualTo(all);
    }

    @EachEngine
    void integersBeyondAnyRowAreAnswersNotFaults(String engine) throws Exception {
        assertThat(get(engine, "/flavors?minRam=99999999999", "2.1").json().path("flavors")).isEmpty();
        assertThat(get(engine, "/flavors?minDisk=" + HUGE, "2.1").json().path("flavors")).isEmpty();
        assertThat(get(engine, "/flavors?minRam=-" + HUGE, "2.1").json().path("flavors").size())
                .isEqualTo(get(engine, "/flavors", "2.1").json().path("flavors").size());
        assertFault(get(engine, "/flavors?minRam=abc", "2.1"), 400, "Invalid minRam filter [abc]");
        assertFault(get(engine, "/os-aggregates/99999999999", "2.1"), 404,
                "Aggregate 99999999999 could not be found.");
        assertFault(get(engine, "/os-aggregates/" + HUGE, "2.1"), 404, "Aggregate " + HUGE + " could not be found.");
        assertFault(get(engine, "/os-aggregates/abc", "2.1"), 400, "Invalid input received: id must be an integer");
        assertFault(SERVERS.call(engine, "DELETE", "/os-services/" + HUGE, null, "2.1"), 404,
                "Service " + HUGE + " not found.");
        // a microversion beyond an int is one the API does not serve (nova's 406), echoed as sent
        Reply version = SERVERS.get(engine).call("GET", "/flavors", null, "2." + HUGE);
        assertThat(version.status()).as(version.body()).isEqualTo(406);
        assertThat(EngineServers.message(version.json())).startsWith("Version 2." + HUGE
                + " is not supported by the API. Minimum is 2.1 and maximum is ");
        assertThat(version.header("OpenStack-API-Version")).isEqualTo("compute 2." + HUGE);
        assertThat(version.header("X-OpenStack-Nova-API-Version")).isEqualTo("2." + HUGE);
    }

    @EachEngine
    void hugeIntegersInBodiesAreReadAtAnySize(String engine) throws Exception {
        String id = server(engine);
        long settle = System.currentTimeMillis() + 30_000;
        while (!get(engine, "/servers/" + id, "2.1").json().at("/server/status").asText().equals("ACTIVE")
                && System.currentTimeMillis() < settle) {
            Thread.sleep(50);
        }
        for (String length : List.of("99999999999", "\"99999999999\"", HUGE)) {
            Reply console = SERVERS.call(engine, "POST", "/servers/" + id + "/action",
                    "{\"os-getConsoleOutput\": {\"length\": " + length + "}}", "2.1");
            assertThat(console.status()).as(console.body()).isEqualTo(200);
            assertThat(console.json().path("output").isTextual()).isTrue();
        }
        Reply backup = SERVERS.call(engine, "POST", "/servers/" + id + "/action", "{\"createBackup\": {\"name\": "
                + "\"b\", \"backup_type\": \"daily\", \"rotation\": " + HUGE + "}}", "2.1");
        assertThat(backup.status()).as(backup.body()).isEqualTo(202);
        assertFault(SERVERS.call(engine, "POST", "/os-volumes", "{\"volume\": {\"size\": 99999999999}}", "2.1"), 400,
                "Invalid input received: Invalid input for field/attribute size. Value: 99999999999. 99999999999 "
                        + "is greater than the maximum of 2147483647 (HTTP 400)");
        assertFault(SERVERS.call(engine, "PUT", "/os-quota-sets/p", "{\"quota_set\": {\"instances\": " + HUGE + "}}",
                "2.1"), 400, "Invalid input for field/attribute instances. Value: " + HUGE + ". " + HUGE
                        + " is greater than the maximum of 2147483647");
        assertFault(SERVERS.call(engine, "POST", "/flavors", "{\"flavor\": {\"name\": \"big\", \"ram\": " + HUGE
                + ", \"vcpus\": 1, \"disk\": 1}}", "2.1"), 400, "Invalid input for field/attribute ram. Value: " + HUGE
                        + ". " + HUGE + " is greater than the maximum of 2147483647");
    }
}
