package org.jnova.api.openstack.compute.servershares;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jnova.testing.EngineServers.assertFault;
import static org.jnova.testing.EngineServers.call;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jnova.compute.SeedData;
import org.jnova.db.TestDatabases;
import org.jnova.testing.EngineServers;
import org.jnova.testing.JnovaTestServer;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** /servers/{server_id}/shares (2.97) against the built-in share catalog. */
class ServerSharesApiTest {
    private static final String NFS = "11111111-1111-4111-8111-111111111111";
    private static final String IN_ERROR = "22222222-2222-4222-8222-222222222222";
    private static final String NO_EXPORT = "33333333-3333-4333-8333-333333333333";
    private static final String GLUSTER = "44444444-4444-4444-8444-444444444444";
    private static final String OF_P1 = "55555555-5555-4555-8555-555555555555";
    private static final String CEPH = "66666666-6666-4666-8666-666666666666";
    @RegisterExtension
    static final EngineServers SERVERS = new EngineServers("[jnova_shares]", "shares = "
            + NFS + ":admin:available:NFS:10.0.0.50:/mnt/foo, "
            + IN_ERROR + ":admin:error:NFS:10.0.0.51:/mnt/bar, "
            + NO_EXPORT + ":admin:available:NFS:, "
            + GLUSTER + ":admin:available:GLUSTERFS:10.0.0.52:/x, "
            + OF_P1 + ":p1:available:CEPHFS:10.0.0.53:/y, "
            + CEPH + ":admin:available:CEPHFS:10.0.0.54:/z");

    static List<String> engines() {
        return TestDatabases.engines();
    }

    private static String server(JnovaTestServer jnova, String token) throws Exception {
        String id = call(jnova, "POST", "/servers", "{\"server\": {\"name\": \"shares\", \"imageRef\": \""
                + SeedData.CIRROS_IMAGE_ID + "\", \"flavorRef\": \"1\"}}", "2.1", 202, token).path("server").path("id")
                .asText();
        waitFor(jnova, id, "ACTIVE");
        return id;
    }

    private static void waitFor(JnovaTestServer jnova, String id, String status) throws Exception {
        Instant end = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(end)) {
            if (status.equals(call(jnova, "GET", "/servers/" + id, null, "2.1", 200).path("server").path("status")
                    .asText())) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("server " + id + " never became " + status);
    }

    private static void power(JnovaTestServer jnova, String id, String action, String status) throws Exception {
        call(jnova, "POST", "/servers/" + id + "/action", "{\"" + action + "\": null}", "2.1", 202);
        waitFor(jnova, id, status);
    }

    /** Polls the share until its status is {@code status}, or until it is gone (null). */
    private static JsonNode waitForShare(JnovaTestServer jnova, String path, String status) throws Exception {
        Instant end = Instant.now().plus(Duration.ofSeconds(20));
        JsonNode last = null;
        while (Instant.now().isBefore(end)) {
            JnovaTestServer.Reply r = jnova.call("GET", path, null, "2.97", "admin:admin");
            last = r.status() == 200 ? r.json().path("share") : null;
            if (status == null ? r.status() == 404 : last != null && status.equals(last.path("status").asText())) {
                return last;
            }
            Thread.sleep(20);
        }
        throw new AssertionError(path + " never became " + status + ": " + last);
    }

    private static String create(String shareId, String tag) {
        return "{\"share\": {\"share_id\": \"" + shareId + "\"" + (tag == null ? "" : ", \"tag\": \"" + tag + "\"")
                + "}}";
    }

    @ParameterizedTest
    @MethodSource("engines")
    void attachAndDetachFollowNovasStatuses(String engine) throws Exception {
        JnovaTestServer jnova = SERVERS.get(engine);
        String id = server(jnova, "admin:admin");
        String shares = "/servers/" + id + "/shares";
        assertThat(jnova.call("GET", shares, null, "2.96", "admin:admin").status()).isEqualTo(404);
        assertFault(jnova.call("POST", shares, create(NFS, null), "2.97", "admin:admin"), 409,
                "Cannot 'create share' instance " + id + " while it is in vm_state active");

        power(jnova, id, "os-stop", "SHUTOFF");
        JsonNode created = call(jnova, "POST", shares, create(NFS, "my-share"), "2.97", 201).path("share");
        assertThat(created.path("share_id").asText()).isEqualTo(NFS);
        assertThat(created.path("status").asText()).isEqualTo("attaching");
        assertThat(created.path("tag").asText()).isEqualTo("my-share");
        assertThat(created.path("export_location").asText()).isEqualTo("10.0.0.50:/mnt/foo");
        assertThat(created.path("uuid").asText()).hasSize(36);
        JsonNode shown = waitForShare(jnova, shares + "/" + NFS, "inactive");
        call(jnova, "GET", shares + "/" + NFS, null, "2.97", 200);
        assertThat(shown.path("uuid").asText()).isEqualTo(created.path("uuid").asText());
        assertThat(call(jnova, "GET", shares, null, "2.97", 200).toString()).isEqualTo("{\"shares\":[{\"share_id\":\""
                + NFS + "\",\"status\":\"inactive\",\"tag\":\"my-share\"}]}");

        assertFault(jnova.call("POST", shares, create(NFS, null), "2.97", "admin:admin"), 409,
                "Share '" + NFS + "' or tag '" + NFS + "' already associated to this server.");
        assertFault(jnova.call("POST", shares, create(CEPH, "my-share"), "2.97", "admin:admin"), 409,
                "Share '" + CEPH + "' or tag 'my-share' already associated to this server.");
        assertFault(jnova.call("POST", shares, create(IN_ERROR, null), "2.97", "admin:admin"), 409,
                "Share " + IN_ERROR + " is in 'error' instead of 'available' status.");
        assertFault(jnova.call("POST", shares, create(NO_EXPORT, null), "2.97", "admin:admin"), 409,
                "Share " + NO_EXPORT + " export location is missing.");
        assertFault(jnova.call("POST", shares, create(GLUSTER, null), "2.97", "admin:admin"), 409,
                "Share protocol GLUSTERFS is not supported.");
        String unknown = "77777777-7777-4777-8777-777777777777";
        assertFault(jnova.call("POST", shares, create(unknown, null), "2.97", "admin:admin"), 404,
                "Share " + unknown + " could not be found.");
        assertThat(jnova.call("POST", shares, create(CEPH, "bad tag"), "2.97", "admin:admin").status())
                .isEqualTo(400);
        assertThat(jnova.call("POST", shares, create("not-a-uuid", null), "2.97", "admin:admin").status())
                .isEqualTo(400);
        assertThat(jnova.call("GET", shares + "?limit=1", null, "2.97", "admin:admin").status()).isEqualTo(400);

        power(jnova, id, "os-start", "ACTIVE");
        waitForShare(jnova, shares + "/" + NFS, "active");
        assertFault(jnova.call("DELETE", shares + "/" + NFS, null, "2.97", "admin:admin"), 409,
                "Cannot 'delete share' instance " + id + " while it is in vm_state active");
        power(jnova, id, "os-stop", "SHUTOFF");
        waitForShare(jnova, shares + "/" + NFS, "inactive");

        // nova answers 200 without a body (its functional tests check it); the OpenAPI file says 204
        JnovaTestServer.Reply deleted = jnova.call("DELETE", shares + "/" + NFS, null, "2.97", "admin:admin");
        assertThat(deleted.status()).as(deleted.body()).isEqualTo(200);
        assertThat(deleted.body()).isEmpty();
        waitForShare(jnova, shares + "/" + NFS, null);
        assertFault(jnova.call("GET", shares + "/" + NFS, null, "2.97", "admin:admin"), 404,
                "Share " + NFS + " could not be found.");
        assertFault(jnova.call("DELETE", shares + "/" + NFS, null, "2.97", "admin:admin"), 404,
                "Share " + NFS + " could not be found.");
        assertThat(call(jnova, "GET", shares, null, "2.97", 200).path("shares")).isEmpty();

        List<String> recorded = new ArrayList<>();
        call(jnova, "GET", "/servers/" + id + "/os-instance-actions", null, "2.97", 200).path("instanceActions")
                .forEach(a -> recorded.add(a.path("action").asText()));
        assertThat(recorded).contains("attach_share", "detach_share");
    }

    @ParameterizedTest
    @MethodSource("engines")
    void projectsSeeTheirSharesAndNotOthersServers(String engine) throws Exception {
        JnovaTestServer jnova = SERVERS.get(engine);
        String id = server(jnova, "u1:p1");
        String shares = "/servers/" + id + "/shares";
        call(jnova, "POST", "/servers/" + id + "/action", "{\"os-stop\": null}", "2.1", 202, "u1:p1");
        waitFor(jnova, id, "SHUTOFF");

        // manila shows a project its own shares only
        assertFault(jnova.call("POST", shares, create(NFS, null), "2.97", "u1:p1"), 404,
                "Share " + NFS + " could not be found.");
        JsonNode mine = call(jnova, "POST", shares, create(OF_P1, null), "2.97", 201, "u1:p1").path("share");
        assertThat(mine.toString()).isEqualTo("{\"share_id\":\"" + OF_P1 + "\",\"status\":\"attaching\",\"tag\":\""
                + OF_P1 + "\"}");
        assertThat(call(jnova, "GET", shares + "/" + OF_P1, null, "2.97", 200, "u1:p1").path("share")
                .has("export_location")).isFalse();

        JnovaTestServer.Reply other = jnova.call("GET", shares, null, "2.97", "u2:p2");
        assertThat(other.status()).isEqualTo(403);
        assertThat(other.body()).doesNotContain(OF_P1);
        assertThat(jnova.call("DELETE", shares + "/" + OF_P1, null, "2.97", "u2:p2").status()).isEqualTo(403);
        String missing = "88888888-8888-4888-8888-888888888888";
        assertFault(jnova.call("GET", "/servers/" + missing + "/shares", null, "2.97", "u1:p1"), 404,
                "Instance " + missing + " has no mapping to a cell.");
    }
}
