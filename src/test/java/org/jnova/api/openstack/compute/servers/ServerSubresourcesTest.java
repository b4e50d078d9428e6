package org.jnova.api.openstack.compute.servers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.jnova.db.TestDatabases;
import org.jnova.testing.JnovaTestServer.Reply;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** ips, server metadata, server tags and instance actions of a booted server, with nova's answers. */
class ServerSubresourcesTest {
    static List<String> engines() {
        return TestDatabases.engines();
    }

    private static String active(ServerApiClient api, String name) throws Exception {
        String id = api.boot(name, "2.93", "admin:admin");
        api.waitFor(id, "ACTIVE", "admin:admin");
        return id;
    }

    @ParameterizedTest
    @MethodSource("engines")
    void ipsByServerAndNetwork(String engine) throws Exception {
        ServerApiClient api = ServerApiClient.on(engine);
        String id = active(api, "ips");
        for (String v : List.of("2.1", "2.50", "2.96")) {
            Reply all = api.call("GET", "/servers/" + id + "/ips", null, v, "/v2.1/servers/{server_id}/ips");
            JsonNode addr = all.json().path("addresses").path("private").path(0);
            assertThat(addr.path("version").asInt()).isEqualTo(4);
            assertThat(addr.size()).isEqualTo(2);
            Reply one = api.call("GET", "/servers/" + id + "/ips/private", null, v,
                    "/v2.1/servers/{server_id}/ips/{network_label}");
            assertThat(one.json().path("private").path(0).path("addr").asText())
                    .isEqualTo(addr.path("addr").asText());
        }
        Reply none = api.call("GET", "/servers/" + id + "/ips/nonet", null, "2.1",
                "/v2.1/servers/{server_id}/ips/{network_label}");
        assertThat(none.status()).isEqualTo(404);
        assertThat(none.json().path("itemNotFound").path("message").asText())
                .isEqualTo("Instance is not a member of specified network");
    }

    @ParameterizedTest
    @MethodSource("engines")
    void metadataMergesReplacesAndChecks(String engine) throws Exception {
        ServerApiClient api = ServerApiClient.on(engine);
        String id = active(api, "meta");
        String base = "/servers/" + id + "/metadata";
        String tpl = "/v2.1/servers/{server_id}/metadata";
        String item = tpl + "/{key}";
        assertThat(api.call("POST", base, "{\"metadata\": {\"a\": \"1\"}}", "2.1", tpl).body())
                .isEqualTo("{\"metadata\": {\"a\": \"1\"}}");
        assertThat(api.call("POST", base, "{\"metadata\": {\"b\": \"2\"}}", "2.50", tpl).body())
                .isEqualTo("{\"metadata\": {\"a\": \"1\", \"b\": \"2\"}}");
        assertThat(api.call("PUT", base + "/b", "{\"meta\": {\"b\": \"3\"}}", "2.96", item).body())
                .isEqualTo("{\"meta\": {\"b\": \"3\"}}");
        assertThat(api.call("GET", base + "/b", null, "2.96", item).body()).isEqualTo("{\"meta\": {\"b\": \"3\"}}");
        Reply mismatch = api.call("PUT", base + "/b", "{\"meta\": {\"c\": \"2\"}}", "2.96", item);
        assertThat(mismatch.json().path("badRequest").path("message").asText())
                .isEqualTo("Request body and URI mismatch");
        Reply two = api.call("PUT", base + "/b", "{\"meta\": {\"b\": \"3\", \"c\": \"2\"}}", "2.96", item);
        assertThat(two.json().path("badRequest").path("message").asText()).isEqualTo("Invalid input for "
                + "field/attribute meta. Value: {'b': '3', 'c': '2'}. {'b': '3', 'c': '2'} has too many properties");
        assertThat(api.call("PUT", base, "{\"metadata\": {\"z\": \"9\"}}", "2.1", tpl).body())
                .isEqualTo("{\"metadata\": {\"z\": \"9\"}}");
        assertThat(api.call("GET", base, null, "2.1", tpl).body()).isEqualTo("{\"metadata\": {\"z\": \"9\"}}");
        Reply missing = api.call("GET", base + "/nope", null, "2.1", item);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().path("itemNotFound").path("message").asText()).isEqualTo("Metadata item was not found");
        assertThat(api.call("DELETE", base + "/nope", null, "2.1", item).status()).isEqualTo(404);
        assertThat(api.call("DELETE", base + "/z", null, "2.1", item).status()).isEqualTo(204);
        assertThat(api.call("GET", base, null, "2.1", tpl).body()).isEqualTo("{\"metadata\": {}}");
        String longKey = "k".repeat(256);
        Reply tooLong = api.call("POST", base, "{\"metadata\": {\"" + longKey + "\": \"v\"}}", "2.1", tpl);
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.json().path("badRequest").path("message").asText())
                .endsWith("'" + longKey + "' does not match any of the regexes: '^[a-zA-Z0-9-_:. ]{1,255}$'");
        StringBuilder many = new StringBuilder("{\"metadata\": {");
        for (int n = 0; n < 129; n++) {
            many.append(n == 0 ? "" : ", ").append("\"k").append(n).append("\": \"v\"");
        }
        Reply quota = api.call("PUT", base, many + "}}", "2.1", tpl);
        assertThat(quota.status()).isEqualTo(403);
        assertThat(quota.json().path("forbidden").path("message").asText())
                .isEqualTo("Maximum number of metadata items exceeds 128");
    }

    @ParameterizedTest
    @MethodSource("engines")
    void tagsFrom226(String engine) throws Exception {
        ServerApiClient api = ServerApiClient.on(engine);
        String id = active(api, "tags");
        String base = "/servers/" + id + "/tags";
        String tpl = "/v2.1/servers/{server_id}/tags";
        String item = tpl + "/{tag}";
        assertThat(api.server().call("GET", base, null, "2.25").status()).isEqualTo(404);
        Reply created = api.call("PUT", base + "/foo", null, "2.26", item);
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Location")).isEqualTo(api.server().computeUrl() + base + "/foo");
        assertThat(api.call("PUT", base + "/foo", null, "2.26", item).status()).isEqualTo(204);
        assertThat(api.call("GET", base + "/foo", null, "2.26", item).status()).isEqualTo(204);
        Reply absent = api.call("GET", base + "/bar", null, "2.26", item);
        assertThat(absent.json().path("itemNotFound").path("message").asText())
                .isEqualTo("Server " + id + " has no tag 'bar'");
        Reply notThere = api.call("DELETE", base + "/bar", null, "2.96", item);
        assertThat(notThere.json().path("itemNotFound").path("message").asText())
                .isEqualTo("Instance " + id + " has no tag 'bar'");
        assertThat(api.call("PUT", base, "{\"tags\": [\"a\", \"b\", \"a\"]}", "2.60", tpl).body())
                .isEqualTo("{\"tags\": [\"a\", \"b\"]}");
        Reply bad = api.call("PUT", base + "/a,b", null, "2.96", item);
        assertThat(bad.json().path("badRequest").path("message").asText()).isEqualTo("Tag 'a,b' is invalid. It must be "
                + "a non empty string without characters '/' and ','. Validation error message: 'a,b' does not "
                + "match '^[^,/]*$'");
        assertThat(api.call("GET", "/servers/" + id, null, "2.26", "/v2.1/servers/{server_id}").json()
                .path("server").path("tags").toString()).isEqualTo("[\"a\",\"b\"]");
        assertThat(api.call("DELETE", base + "/a", null, "2.96", item).status()).isEqualTo(204);
        assertThat(api.call("DELETE", base, null, "2.96", tpl).status()).isEqualTo(204);
        assertThat(api.call("GET", base, null, "2.96", tpl).body()).isEqualTo("{\"tags\": []}");
        StringBuilder fifty = new StringBuilder("{\"tags\": [");
        for (int n = 0; n < 50; n++) {
            fifty.append(n == 0 ? "" : ", ").append("\"t").append(n).append('"');
        }
        assertThat(api.call("PUT", base, fifty + "]}", "2.96", tpl).status()).isEqualTo(200);
        Reply full = api.call("PUT", base + "/one-more", null, "2.96", item);
        assertThat(full.json().path("badRequest").path("message").asText())
                .isEqualTo("The number of tags exceeded the per-server limit 50");
    }

    @ParameterizedTest
    @MethodSource("engines")
    void instanceActionsWithEventsByVersionAndRole(String engine) throws Exception {
        ServerApiClient api = ServerApiClient.on(engine);
        String id = api.boot("acts", "2.93", "carol:p3");
        api.waitFor(id, "ACTIVE", "carol:p3");
        String tpl = "/v2.1/servers/{server_id}/os-instance-actions";
        Reply list = api.call("GET", "/servers/" + id + "/os-instance-actions", null, "2.1", tpl, "carol:p3");
        JsonNode create = list.json().path("instanceActions").path(0);
        assertThat(create.path("action").asText()).isEqualTo("create");
        assertThat(create.has("updated_at")).isFalse();
        String rid = create.path("request_id").asText();
        String one = "/servers/" + id + "/os-instance-actions/" + rid;
        assertThat(api.call("GET", one, null, "2.50", tpl + "/{request_id}", "carol:p3").json()
                .path("instanceAction").has("events")).isFalse();
        JsonNode userEvent = api.call("GET", one, null, "2.84", tpl + "/{request_id}", "carol:p3").json()
                .path("instanceAction").path("events").path(0);
        assertThat(userEvent.has("traceback")).isFalse();
        assertThat(userEvent.has("host")).isFalse();
        assertThat(userEvent.has("details")).isFalse();
        assertThat(userEvent.path("hostId").asText()).hasSize(56);
        JsonNode adminAction = api.call("GET", one, null, "2.84", tpl + "/{request_id}").json().path("instanceAction");
        assertThat(adminAction.has("updated_at")).isTrue();
        JsonNode adminEvent = adminAction.path("events").path(0);
        List<String> keys = new java.util.ArrayList<>();
        adminEvent.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly("event", "start_time", "finish_time", "result", "traceback", "host",
                "hostId", "details");
        Reply missing = api.call("GET", "/servers/" + id + "/os-instance-actions/req-foo", null, "2.84",
                tpl + "/{request_id}");
        assertThat(missing.json().path("itemNotFound").path("message").asText()).isEqualTo("Action req-foo not found");
        Reply paged = api.call("GET", "/servers/" + id + "/os-instance-actions?limit=1", null, "2.58", tpl);
        assertThat(paged.json().path("instanceActions")).hasSize(1);
        String last = paged.json().path("instanceActions").path(0).path("request_id").asText();
        assertThat(paged.json().path("links").toString()).isEqualTo("[{\"rel\":\"next\",\"href\":\""
                + api.server().computeUrl() + "/servers/" + id + "/os-instance-actions?limit=1&marker=" + last + "\"}]");
        Reply badLimit = api.call("GET", "/servers/" + id + "/os-instance-actions?limit=x", null, "2.84", tpl);
        assertThat(badLimit.json().path("badRequest").path("message").asText())
                .isEqualTo("Invalid input for query parameters limit. Value: x. 'x' does not match '^[0-9]*$'");
    }
}
