package org.jnova.api.openstack.compute.servers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jnova.testing.EngineServers.assertFault;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jnova.testing.EachEngine;
import org.jnova.testing.EngineServers;
import org.jnova.testing.JnovaTestServer;
import org.jnova.testing.JnovaTestServer.Reply;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * POST /servers with large min_count and max_count over a real socket: the count comes from
 * the quota's headroom in one step (nova's check_num_instances_quota), an unlimited quota is
 * still bounded by [jnova_api] max_servers_per_request, and a large create does not keep
 * another project from booting.
 */
class ServerCountBoundsTest {
    @RegisterExtension
    static final EngineServers SERVERS = new EngineServers("[quota]", "instances = -1", "cores = -1", "ram = -1",
            "[jnova_api]", "max_servers_per_request = 20", "[jnova_quota]", "ports = -1");

    private static String create(String project, String counts) {
        return "{\"server\": {\"name\": \"n\", \"imageRef\": \"" + ServerApiClient.IMAGE + "\", \"flavorRef\": \"1\""
                + (counts.isEmpty() ? "" : ", " + counts) + "}}";
    }

    private static Reply boot(String engine, String project, String counts) throws Exception {
        return SERVERS.callAs(engine, "u:" + project, "POST", "/servers", create(project, counts), "2.1");
    }

    private static int serversOf(JnovaTestServer jnova, String project) throws Exception {
        return EngineServers.call(jnova, "GET", "/servers?limit=1000", null, "2.1", 200, "u:" + project)
                .path("servers").size();
    }

    private static void setQuota(String engine, String project, String values) throws Exception {
        Reply r = SERVERS.call(engine, "PUT", "/os-quota-sets/" + project, "{\"quota_set\": {" + values + "}}", "2.1");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    @EachEngine
    void theQuotaHeadroomDecidesTheCountInOneStep(String engine) throws Exception {
        setQuota(engine, "headroom", "\"instances\": 10, \"cores\": 20, \"ram\": 51200");
        long start = System.nanoTime();
        Reply many = boot(engine, "headroom", "\"max_count\": 2000000000");
        assertThat(many.status()).as(many.body()).isEqualTo(202);
        // nova searched nothing either: a count of two billion is answered at once
        assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start)).isLessThan(20);
        assertThat(serversOf(SERVERS.get(engine), "headroom")).isEqualTo(10);
        assertFault(boot(engine, "headroom", "\"min_count\": 1, \"max_count\": 5"), 403,
                "Quota exceeded for instances: Requested 1-5, but already used 10 of 10 instances");

        setQuota(engine, "short", "\"instances\": 10, \"cores\": 20, \"ram\": 51200");
        assertFault(boot(engine, "short", "\"min_count\": 11, \"max_count\": 2000000000"), 403,
                "Quota exceeded for cores, instances, ram: Requested 2000000000, 11-2000000000, 1024000000000, but "
                        + "already used 0, 0, 0 of 20, 10, 51200 cores, instances, ram");
        assertFault(boot(engine, "short", "\"min_count\": 11"), 403,
                "Quota exceeded for instances: Requested 11, but already used 0 of 10 instances");
        assertFault(boot(engine, "short", "\"min_count\": \"9223372036854775807\""), 403,
                "Quota exceeded for cores, instances, ram: Requested 9223372036854775807, 9223372036854775807, "
                        + "4722366482869645213184, but already used 0, 0, 0 of 20, 10, 51200 cores, instances, ram");
        Reply huge = boot(engine, "short", "\"min_count\": 99999999999999999999999999, "
                + "\"max_count\": 99999999999999999999999999");
        assertThat(huge.status()).as(huge.body()).isEqualTo(403);
        assertThat(serversOf(SERVERS.get(engine), "short")).isZero();

        // as nova: an unlimited cores or ram quota follows the instances headroom...
        setQuota(engine, "follows", "\"instances\": 5");
        assertFault(boot(engine, "follows", "\"min_count\": 6, \"max_count\": 10"), 403,
                "Quota exceeded for instances: Requested 6-10, but already used 0 of 5 instances");
        assertThat(boot(engine, "follows", "\"min_count\": 1, \"max_count\": 10").status()).isEqualTo(202);
        assertThat(serversOf(SERVERS.get(engine), "follows")).isEqualTo(5);
        // ...and with unlimited instances, a cores quota exceeded allows nothing
        setQuota(engine, "cores", "\"cores\": 3");
        assertFault(boot(engine, "cores", "\"min_count\": 1, \"max_count\": 10"), 403,
                "Quota exceeded for cores: Requested 10, but already used 0 of 3 cores");
    }

    @EachEngine
    void anUnlimitedQuotaIsStillBoundedPerRequest(String engine) throws Exception {
        Reply capped = boot(engine, "capped", "\"max_count\": 2000000000");
        assertThat(capped.status()).as(capped.body()).isEqualTo(202);
        assertThat(serversOf(SERVERS.get(engine), "capped")).isEqualTo(20);
        assertFault(boot(engine, "capped", "\"min_count\": 21"), 400,
                "Invalid input for field/attribute min_count. Value: 21. 21 is greater than the maximum of 20");
        assertFault(boot(engine, "capped", "\"min_count\": 99999999999999999999999999"), 400,
                "Invalid input for field/attribute min_count. Value: 9223372036854775807. 9223372036854775807 is "
                        + "greater than the maximum of 20");
        assertThat(serversOf(SERVERS.get(engine), "capped")).isEqualTo(20);
    }

    @EachEngine
    void anotherProjectBootsWhileALargeCreateRuns(String engine) throws Exception {
        try (JnovaTestServer jnova = JnovaTestServer.start(engine, "[quota]", "instances = -1", "cores = -1",
                "ram = -1", "[jnova_quota]", "ports = -1")) {
            EngineServers.call(jnova, "POST", "/servers", create("warm", ""), "2.1", 202, "u:warm");
            long bigStart = System.nanoTime();
            CompletableFuture<Reply> big = CompletableFuture.supplyAsync(() -> {
                try {
                    return jnova.call("POST", "/servers", create("big", "\"max_count\": 1000"), "2.1", "u:big");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            // the large create is under way: its first servers are visible, or it has had half a second
            long underWay = System.currentTimeMillis() + 500;
            while (serversOf(jnova, "big") == 0 && !big.isDone() && System.currentTimeMillis() < underWay) {
                Thread.sleep(20);
            }
            long smallStart = System.nanoTime();
            Reply small = jnova.call("POST", "/servers", create("small", ""), "2.1", "u:small");
            long smallMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - smallStart);
            boolean bigStillRunning = !big.isDone();
            Reply done = big.get(120, TimeUnit.SECONDS);
            long bigMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - bigStart);

            assertThat(small.status()).as(small.body()).isEqualTo(202);
            assertThat(done.status()).as(done.body()).isEqualTo(202);
            assertThat(serversOf(jnova, "big")).isEqualTo(1000);
            // the other project's boot waited for one batch of the large create, not for all of it
            assertThat(bigStillRunning).as("small %d ms, big %d ms", smallMillis, bigMillis).isTrue();
            assertThat(smallMillis).as("big took %d ms", bigMillis).isLessThan(bigMillis / 2);
        }
    }
}
