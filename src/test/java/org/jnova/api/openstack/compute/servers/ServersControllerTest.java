package org.jnova.api.openstack.compute.servers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.jnova.db.TestDatabases;
import org.jnova.testing.JnovaTestServer;
import org.jnova.testing.JnovaTestServer.Reply;
import org.jnova.testing.OpenApiConformance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** POST/GET/PUT/DELETE /servers on the all-in-one, compared with what nova answers. */
class ServersControllerTest {
    static List<String> engines() {
        return TestDatabases.engines();
    }

    private static List<String> keys(JsonNode n) {
        List<String> out = new ArrayList<>();
        n.fieldNames().forEachRemaining(out::add);
        return out;
    }

    @ParameterizedTest
    @MethodSource("engines")
    void createAnswersWithNovasFiveKeysAndLocation(String engine) throws Exception {
        ServerApiClient api = ServerApiClient.on(engine);
        Reply r = api.call("POST", "/servers", "{\"server\": {\"name\": \"c1\", \"imageRef\": \"" + ServerApiClient.IMAGE
                + "\", \"flavorRef\": \"1\", \"networks\": \"auto\"}}", "2.93", "/v2.1/servers");
        assertThat(r.status()).isEqualTo(202);
        JsonNode s = r.json().path("server");
        assertThat(keys(s)).containsExactly("id", "links", "OS-DCF:diskConfig", "security_groups", "adminPass");
        assertThat(s.path("adminPass").asText()).hasSize(12);
        assertThat(r.header("Location")).isEqualTo(api.server().computeUrl() + "/servers/" + s.path("id").asText());
        assertThat(s.path("security_groups").toString()).isEqualTo("[{\"name\":\"default\"}]");
    }

    @ParameterizedTest
    @MethodSource("engines")
    void showMatchesNovasKeyOrderAt21And247And293(String engine) throws Exception {
        ServerApiClient api = ServerApiClient.on(engine);
        String id = api.boot("shown", "2.93", "admin:admin");
        api.waitFor(id, "ACTIVE", "admin:admin");
        JsonNode at21 = api.call("GET", "/servers/" + id, null, "2.1", "/v2.1/servers/{server_id}").json().path("server");
        assertThat(keys(at21)).containsExactly("id", "name", "status", "tenant_id", "user_id", "metadata", "hostId",
                "image", "flavor", "created", "updated", "addresses", "accessIPv4", "accessIPv6", "links",
                "OS-DCF:diskConfig", "progress", "OS-EXT-AZ:availability_zone", "config_drive", "key_name",
                "OS-SRV-USG:launched_at", "OS-SRV-USG:terminated_at", "security_groups", "OS-EXT-SRV-ATTR:host",
                "OS-EXT-SRV-ATTR:instance_name", "OS-EXT-SRV-ATTR:hypervisor_hostname", "OS-EXT-STS:task_state",
                "OS-EXT-STS:vm_state", "OS-EXT-STS:power_state", "os-extended-volumes:volumes_attached");
        assertThat(at21.path("flavor").path("id").asText()).isEqualTo("1");
        assertThat(at21.path("hostId").asText()).hasSize(56);
        assertThat(at21.path("addresses").path("private").path(0).path("OS-EXT-IPS:type").asText()).isEqualTo("fixed");

        JsonNode at247 = api.call("GET", "/servers/" + id, null, "2.47", "/v2.1/servers/{server_id}").json().path("server");
        assertThat(keys(at247.path("flavor"))).containsExactly("vcpus", "ram", "disk", "ephemeral", "swap",
                "original_name", "extra_specs");
        List<String> k247 = keys(at247);
        assertThat(k247.subList(k247.indexOf("OS-EXT-SRV-ATTR:hypervisor_hostname") + 1, k247.size())).containsExactly("OS-EXT-SRV-ATTR:reservation_id",
                "OS-EXT-SRV-ATTR:launch_index", "OS-EXT-SRV-ATTR:hostname", "OS-EXT-SRV-ATTR:kernel_id",
                "OS-EXT-SRV-ATTR:ramdisk_id", "OS-EXT-SRV-ATTR:root_device_name", "OS-EXT-SRV-ATTR:user_data",
                "OS-EXT-STS:task_state", "OS-EXT-STS:vm_state", "OS-EXT-STS:power_state",
                "os-extended-volumes:volumes_attached", "host_status", "locked", "description", "tags");
        assertThat(at247.path("host_status").asText()).isEqualTo("UP");

        JsonNode at293 = api.call("GET", "/servers/" + id, null, "2.93", "/v2.1/servers/{server_id}").json().path("server");
        List<String> k293 = keys(at293);
        assertThat(k293.subList(k293.indexOf("host_status"), k293.size())).containsExactly("host_status", "locked",
                "locked_reason", "description", "tags", "trusted_image_certificates", "server_groups");
        JsonNode at296 = api.call("GET", "/servers/" + id, null, "2.96", "/v2.1/servers/{server_id}").json().path("server");
        assertThat(at296.has("pinned_availability_zone")).isTrue();
    }

    @ParameterizedTest
    @MethodSource("engines")
    void projectUsersSeeNoAdminAttributesAndNotOtherProjects(String engine) throws Exception {
        ServerApiClient api = ServerApiClient.on(engine);
        String id = api.boot("mine", "2.93", "alice:p1");
        JsonNode s = api.call("GET", "/servers/" + id, null, "2.93", "/v2.1/servers/{server_id}", "alice:p1")
                .json().path("server");
        assertThat(s.has("OS-EXT-SRV-ATTR:host")).isFalse();
        assertThat(s.has("host_status")).isFalse();
        assertThat(s.path("OS-EXT-SRV-ATTR:hostname").asText()).isEqualTo("mine");
        Reply other = api.call("GET", "/servers/" + id, null, "2.93", "/v2.1/servers/{server_id}", "bob:p2");
        assertThat(other.status()).isEqualTo(404);
        assertThat(other.body()).isEqualTo("{\"itemNotFound\": {\"code\": 404, \"message\": \"Instance " + id
                + " could not be found.\"}}");
        Reply list = api.call("GET", "/servers", null, "2.93", "/v2.1/servers", "bob:p2");
        assertThat(list.json().path("servers").toString()).doesNotContain(id);
        Reply all = api.call("GET", "/servers?all_tenants=1", null, "2.93", "/v2.1/servers", "bob:p2");
        assertThat(all.status()).isEqualTo(403);
    }

    @ParameterizedTest
    @MethodSource("engines")
    void badCreatesGetNovasMessages(String engine) throws Exception {
        ServerApiClient api = ServerApiClient.on(engine);
        String image = ServerApiClient.IMAGE;
        assertBad(api, "{\"server\": {\"name\": \"s\", \"imageRef\": \"" + image + "\", \"flavorRef\": \"99\", "
                + "\"networks\": \"auto\"}}", "Flavor 99 could not be found.");
        assertBad(api, "{\"server\": {\"name\": \"s\", \"imageRef\": \"155d900f-4e14-4e4c-a73d-069cbf4541e7\", "
                + "\"flavorRef\": \"1\", \"networks\": \"auto\"}}", "Can not find requested image");
        assertBad(api, "{\"server\": {\"name\": \"s\", \"imageRef\": \"" + image + "\", \"flavorRef\": \"1\"}}",
                "Invalid input for field/attribute server. Value: {'name': 's', 'imageRef': '" + image
                        + "', 'flavorRef': '1'}. 'networks' is a required property");
        assertBad(api, "{\"server\": {\"name\": \"s\", \"imageRef\": \"" + image + "\", \"flavorRef\": \"1\", "
                + "\"networks\": \"auto\", \"availability_zone\": \"zz\"}}",
                "The requested availability zone is not available");
        assertBad(api, "{\"server\": {\"name\": \"s\", \"imageRef\": \"\", \"flavorRef\": \"1\", "
                + "\"networks\": \"auto\"}}", "Missing imageRef attribute");
        assertBad(api, "{\"server\": {\"name\": \"s\", \"imageRef\": \"" + image + "\", \"flavorRef\": \"1\", "
                + "\"networks\": \"auto\", \"min_count\": 3, \"max_count\": 2}}", "min_count must be <= max_count");
        assertBad(api, "{\"server\": {\"name\": \"s\", \"imageRef\": \"" + image + "\", \"flavorRef\": \"1\", "
                + "\"networks\": \"auto\", \"key_name\": \"nokey\"}}", "Invalid key_name provided.");
        assertBad(api, "{\"server\": {\"name\": \"s\", \"imageRef\": \"" + image + "\", \"flavorRef\": \"1\", "
                + "\"networks\": [{\"uuid\": \"3cb9bc59-5699-4588-a4b1-b87f96708bc7\"}]}}",
                "Network 3cb9bc59-5699-4588-a4b1-b87f96708bc7 could not be found.");
        assertBad(api, "{\"server\": {\"name\": \"s\", \"imageRef\": \"" + image + "\", \"flavorRef\": \"1\", "
                + "\"networks\": \"auto\", \"hostname\": \"-bad\"}}", "Invalid input for field/attribute hostname. "
                + "Value: -bad. '-bad' does not match '^[a-zA-Z0-9]+[a-zA-Z0-9-]*[a-zA-Z0-9]+$'");
    }

    @ParameterizedTest
    @MethodSource("engines")
    void onlyTheDefaultSecurityGroupExists(String engine) throws Exception {
        ServerApiClient api = ServerApiClient.on(engine);
        String base = "{\"server\": {\"name\": \"sg\", \"imageRef\": \"" + ServerApiClient.IMAGE
                + "\", \"flavorRef\": \"1\", \"networks\": \"auto\", \"security_groups\": ";
        assertBad(api, base + "[{\"name\": \"nosuch\"}]}}", "Security group nosuch not found.");
        Reply ok = api.call("POST", "/servers", base + "[{\"name\": \"default\"}]}}", "2.93", "/v2.1/servers");
        assertThat(ok.json().path("server").path("security_groups").toString()).isEqualTo("[{\"name\":\"default\"}]");
    }

    @ParameterizedTest
    @MethodSource("engines")
    void networksNoneGivesNoAddresses(String engine) throws Exception {
        ServerApiClient api = ServerApiClient.on(engine);
        Reply r = api.call("POST", "/servers", "{\"server\": {\"name\": \"nonet\", \"imageRef\": \""
                + ServerApiClient.IMAGE + "\", \"flavorRef\": \"1\", \"networks\": \"none\"}}", "2.37", "/v2.1/servers");
        String id = r.json().path("server").path("id").asText();
        JsonNode server = api.waitFor(id, "ACTIVE", "admin:admin");
        assertThat(server.path("addresses").toString()).isEqualTo("{}");
        assertThat(api.call("GET", "/servers/" + id + "/ips", null, "2.37", "/v2.1/servers/{server_id}/ips").body())
                .isEqualTo("{\"addresses\": {}}");
    }

    @ParameterizedTest
    @MethodSource("engines")
    void personalityFilesMeetNovasQuotasBefore257(String engine) throws Exception {
        ServerApiClient api = ServerApiClient.on(engine);
        String base = "{\"server\": {\"name\": \"pf\", \"imageRef\": \"" + ServerApiClient.IMAGE
                + "\", \"flavorRef\": \"1\", \"networks\": \"auto\", \"personality\": [";
        StringBuilder six = new StringBuilder();
        for (int n = 0; n < 6; n++) {
            six.append(n == 0 ? "" : ", ").append("{\"path\": \"/f").append(n).append("\", \"contents\": \"aGk=\"}");
        }
        Reply tooMany = api.call("POST", "/servers", base + six + "]}}", "2.56", "/v2.1/servers");
        assertThat(tooMany.status()).isEqualTo(403);
        assertThat(tooMany.json().path("forbidden").path("message").asText()).isEqualTo("Personality file limit exceeded");
        Reply longPath = api.call("POST", "/servers", base + "{\"path\": \"/" + "p".repeat(255)
                + "\", \"contents\": \"aGk=\"}]}}", "2.56", "/v2.1/servers");
        assertThat(longPath.json().path("forbidden").path("message").asText())
                .isEqualTo("Personality file path exceeds maximum 255");
        String big = java.util.Base64.getEncoder().encodeToString(new byte[10241]);
        Reply bigFile = api.call("POST", "/servers", base + "{\"path\": \"/big\", \"contents\": \"" + big
                + "\"}]}}", "2.56", "/v2.1/servers");
        assertThat(bigFile.json().path("forbidden").path("message").asText())
                .isEqualTo("Personality file content exceeds maximum 10240");
        assertThat(api.call("POST", "/servers", base + "{\"path\": \"/ok\", \"contents\": \"aGk=\"}]}}", "2.56",
                "/v2.1/servers").status()).isEqualTo(202);
    }

    private static void assertBad(ServerApiClient api, String body, String message) throws Exception {
        Reply r = api.call("POST", "/servers", body, "2.93", "/v2.1/servers");
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.json().path("badRequest").path("message").asText()).isEqualTo(message);
    }

    @ParameterizedTest
    @MethodSource("engines")
    void reservationIdAndMultipleCreate(String engine) throws Exception {
        ServerApiClient api = ServerApiClient.on(engine);
        Reply r = api.call("POST", "/servers", "{\"server\": {\"name\": \"multi\", \"imageRef\": \""
                + ServerApiClient.IMAGE + "\", \"flavorRef\": \"1\", \"networks\": \"auto\", \"min_count\": 2, "
                + "\"return_reservation_id\": true}}", "2.52", "/v2.1/servers");
        assertThat(r.status()).isEqualTo(202);
        assertThat(keys(r.json())).containsExactly("reservation_id");
        Reply list = api.call("GET", "/servers/detail?reservation_id=" + r.json().path("reservation_id").asText(), null,
                "2.52", "/v2.1/servers/detail");
        assertThat(list.json().path("servers")).hasSize(2);
        List<String> names = new ArrayList<>();
        list.json().path("servers").forEach(s -> names.add(s.path("name").asText()));
        assertThat(names).containsExactlyInAnyOrder("multi-1", "multi-2");
    }

    @ParameterizedTest
    @MethodSource("engines")
    void updateRenamesAndDescribes(String engine) throws Exception {
        ServerApiClient api = ServerApiClient.on(engine);
        String id = api.boot("old", "2.93", "admin:admin");
        Reply r = api.call("PUT", "/servers/" + id, "{\"server\": {\"name\": \"new\", \"description\": \"d\", "
                + "\"hostname\": \"newhost\"}}", "2.93", "/v2.1/servers/{server_id}");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().path("server").path("name").asText()).isEqualTo("new");
        assertThat(r.json().path("server").path("description").asText()).isEqualTo("d");
        assertThat(r.json().path("server").path("OS-EXT-SRV-ATTR:hostname").asText()).isEqualTo("newhost");
        Reply old = api.call("PUT", "/servers/" + id, "{\"server\": {\"name\": \"newer\"}}", "2.1",
                "/v2.1/servers/{server_id}");
        assertThat(old.json().path("server").has("OS-EXT-STS:vm_state")).isFalse();
        Reply bad = api.call("PUT", "/servers/" + id, "{\"server\": {\"description\": \"d\"}}", "2.1",
                "/v2.1/servers/{server_id}");
        assertThat(bad.status()).isEqualTo(400);
    }

    @ParameterizedTest
    @MethodSource("engines")
    void deleteAnswers204ThenTheServerIsGone(String engine) throws Exception {
        ServerApiClient api = ServerApiClient.on(engine);
        String id = api.boot("doomed", "2.93", "admin:admin");
        api.waitFor(id, "ACTIVE", "admin:admin");
        Reply r = api.call("DELETE", "/servers/" + id, null, "2.93", "/v2.1/servers/{server_id}");
        assertThat(r.status()).isEqualTo(204);
        long end = System.currentTimeMillis() + 10_000;
        int status = 200;
        while (status != 404 && System.currentTimeMillis() < end) {
            status = api.server().call("GET", "/servers/" + id, null, "2.93").status();
            Thread.sleep(20);
        }
        assertThat(status).isEqualTo(404);
        assertThat(api.call("DELETE", "/servers/" + id, null, "2.93", "/v2.1/servers/{server_id}").status())
                .isEqualTo(404);
    }

    @ParameterizedTest
    @MethodSource("engines")
    void anErroredServerShowsItsFault(String engine) throws Exception {
        try (JnovaTestServer small = JnovaTestServer.start(engine, "[jnova_compute]", "fake_memory_mb = 256")) {
            Reply boot = small.call("POST", "/servers", "{\"server\": {\"name\": \"big\", \"imageRef\": \""
                    + ServerApiClient.IMAGE + "\", \"flavorRef\": \"1\", \"networks\": \"auto\"}}", "2.93", "u:p");
            String id = boot.json().path("server").path("id").asText();
            JsonNode server = null;
            for (int n = 0; n < 500; n++) {
                server = small.call("GET", "/servers/" + id, null, "2.93", "u:p").json().path("server");
                if (server.path("status").asText().equals("ERROR")) {
                    break;
                }
                Thread.sleep(20);
            }
            assertThat(server.path("status").asText()).isEqualTo("ERROR");
            OpenApiConformance.get().assertConforms("GET", "/v2.1/servers/{server_id}", 200, "2.93",
                    small.call("GET", "/servers/" + id, null, "2.93", "u:p").json());
            JsonNode fault = server.path("fault");
            assertThat(keys(fault)).containsExactly("code", "created", "message");
            assertThat(fault.path("code").asInt()).isEqualTo(500);
            assertThat(fault.path("message").asText()).startsWith("No valid host was found.");
            assertThat(keys(server).indexOf("fault")).isEqualTo(keys(server).indexOf("OS-DCF:diskConfig") + 1);
            assertThat(server.has("progress")).isFalse();
        }
    }

    @ParameterizedTest
    @MethodSource("engines")
    void trustedCertificatesAndPinnedZoneAreKept(String engine) throws Exception {
        ServerApiClient api = ServerApiClient.on(engine);
        Reply pinned = api.call("POST", "/servers", "{\"server\": {\"name\": \"pin\", \"imageRef\": \""
                + ServerApiClient.IMAGE + "\", \"flavorRef\": \"1\", \"networks\": \"auto\", "
                + "\"availability_zone\": \"nova\", \"trusted_image_certificates\": [\"c1\", \"c2\"]}}", "2.96",
                "/v2.1/servers");
        assertThat(pinned.status()).as(pinned.body()).isEqualTo(202);
        JsonNode shown = api.call("GET", "/servers/" + pinned.json().path("server").path("id").asText(), null, "2.96",
                "/v2.1/servers/{server_id}").json().path("server");
        assertThat(shown.path("pinned_availability_zone").asText()).isEqualTo("nova");
        assertThat(shown.path("trusted_image_certificates").toString()).isEqualTo("[\"c1\",\"c2\"]");
        String free = api.boot("free", "2.96", "admin:admin");
        JsonNode unpinned = api.call("GET", "/servers/" + free, null, "2.96", "/v2.1/servers/{server_id}").json()
                .path("server");
        assertThat(unpinned.path("pinned_availability_zone").isNull()).isTrue();
        assertThat(unpinned.path("trusted_image_certificates").isNull()).isTrue();
        Reply early = api.call("POST", "/servers", "{\"server\": {\"name\": \"x\", \"imageRef\": \""
                + ServerApiClient.IMAGE + "\", \"flavorRef\": \"1\", \"networks\": \"auto\", "
                + "\"trusted_image_certificates\": [\"c1\"]}}", "2.62", "/v2.1/servers");
        assertThat(early.status()).isEqualTo(400);
    }

    @ParameterizedTest
    @MethodSource("engines")
    void nullPortAndLegacyV2Bodies(String engine) throws Exception {
        ServerApiClient api = ServerApiClient.on(engine);
        String network = ServerCreateParser.networkId("private");
        Reply nullPort = api.call("POST", "/servers", "{\"server\": {\"name\": \"np\", \"imageRef\": \""
                + ServerApiClient.IMAGE + "\", \"flavorRef\": \"1\", \"networks\": [{\"uuid\": \"" + network
                + "\", \"port\": null}]}}", "2.93", "/v2.1/servers");
        assertThat(nullPort.status()).as(nullPort.body()).isEqualTo(202);
        // /v2 takes names with spaces around (stored stripped) and a null user_data
        java.net.http.HttpResponse<String> legacy = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(api.server().rootUrl() + "/v2/servers"))
                        .header("X-Auth-Token", "admin:admin").header("Content-Type", "application/json")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"server\": {\"name\": \" spaced \", "
                                + "\"imageRef\": \"" + ServerApiClient.IMAGE + "\", \"flavorRef\": \"1\", "
                                + "\"user_data\": null}}")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(legacy.statusCode()).as(legacy.body()).isEqualTo(202);
        String id = new com.fasterxml.jackson.databind.ObjectMapper().readTree(legacy.body()).path("server").path("id")
                .asText();
        assertThat(api.call("GET", "/servers/" + id, null, "2.1", "/v2.1/servers/{server_id}").json()
                .path("server").path("name").asText()).isEqualTo("spaced");
    }

    @ParameterizedTest
    @MethodSource("engines")
    void requestedHostsAreForAdminsAndMustExist(String engine) throws Exception {
        ServerApiClient api = ServerApiClient.on(engine);
        String base = "{\"server\": {\"name\": \"h\", \"imageRef\": \"" + ServerApiClient.IMAGE
                + "\", \"flavorRef\": \"1\", \"networks\": \"auto\", ";
        Reply noHost = api.call("POST", "/servers", base + "\"host\": \"nohost\"}}", "2.74", "/v2.1/servers");
        assertThat(noHost.json().path("badRequest").path("message").asText())
                .isEqualTo("Compute host nohost could not be found.");
        Reply noNode = api.call("POST", "/servers", base + "\"hypervisor_hostname\": \"nonode\"}}", "2.74",
                "/v2.1/servers");
        assertThat(noNode.json().path("badRequest").path("message").asText())
                .isEqualTo("Compute host nonode could not be found.");
        Reply user = api.call("POST", "/servers", base + "\"host\": \"nohost\"}}", "2.74", "/v2.1/servers", "u:p");
        assertThat(user.json().path("forbidden").path("message").asText()).isEqualTo(
                "Policy doesn't allow compute:servers:create:requested_destination to be performed.");
        Reply forced = api.call("POST", "/servers", base + "\"availability_zone\": \"nova:somehost\"}}", "2.93",
                "/v2.1/servers", "u:p");
        assertThat(forced.json().path("forbidden").path("message").asText())
                .isEqualTo("Policy doesn't allow os_compute_api:servers:create:forced_host to be performed.");
        Reply admin = api.call("POST", "/servers", base + "\"availability_zone\": \"nova:somehost\"}}", "2.93",
                "/v2.1/servers");
        assertThat(admin.status()).isEqualTo(202);
    }

    @ParameterizedTest
    @MethodSource("engines")
    void schedulerHintGroupShowsInServerGroupsFrom271(String engine) throws Exception {
        ServerApiClient api = ServerApiClient.on(engine);
        Reply group = api.server().call("POST", "/os-server-groups", "{\"server_group\": {\"name\": \"g\", "
                + "\"policies\": [\"anti-affinity\"]}}", "2.1");
        assertThat(group.status()).as(group.body()).isEqualTo(200);
        String gid = group.json().path("server_group").path("id").asText();
        Reply r = api.call("POST", "/servers", "{\"server\": {\"name\": \"grouped\", \"imageRef\": \""
                + ServerApiClient.IMAGE + "\", \"flavorRef\": \"1\", \"networks\": \"auto\"}, "
                + "\"os:scheduler_hints\": {\"group\": \"" + gid + "\"}}", "2.71", "/v2.1/servers");
        assertThat(r.status()).as(r.body()).isEqualTo(202);
        String id = r.json().path("server").path("id").asText();
        assertThat(api.call("GET", "/servers/" + id, null, "2.71", "/v2.1/servers/{server_id}").json().path("server")
                .path("server_groups").toString()).isEqualTo("[\"" + gid + "\"]");
        assertThat(api.call("GET", "/servers/" + id, null, "2.70", "/v2.1/servers/{server_id}").json().path("server")
                .has("server_groups")).isFalse();
        assertThat(api.call("GET", "/servers/detail?name=grouped", null, "2.71", "/v2.1/servers/detail").json()
                .path("servers").path(0).has("server_groups")).isFalse();
    }
}
