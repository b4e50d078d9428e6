package org.jnova.api.openstack.compute.servers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jnova.testing.EngineServers.assertFault;
import static org.jnova.testing.EngineServers.message;

import com.fasterxml.jackson.databind.JsonNode;
import org.jnova.testing.EachEngine;
import org.jnova.testing.JnovaTestServer.Reply;

/**
 * 2.104: PUT /servers/{id} sets pinned_availability_zone: null unpins, the server's current
 * zone pins it again, anything else is a 409; unknown before 2.104. (The 200 bodies at 2.104
 * are checked for the status only: they lack the 2.98-2.100 fields the OpenAPI file requires;
 * the zone is read back at 2.96.)
 */
class PinnedZoneUpdateTest {
    private static final String ADMIN = "admin:admin";
    private static final String SERVER = "/v2.1/servers/{server_id}";

    @EachEngine
    void unpinAndRepinToTheCurrentZone(String engine) throws Exception {
        ServerApiClient api = ServerApiClient.on(engine);
        String id = api.boot("pin", "2.1", ADMIN);
        api.waitFor(id, "ACTIVE", ADMIN);
        String path = "/servers/" + id;
        assertThat(pinned(api, id).isNull()).isTrue();
        assertThat(api.call("GET", path, null, "2.96", SERVER).json().at("/server/OS-EXT-AZ:availability_zone")
                .asText()).isEqualTo("nova");

        assertFault(api.call("PUT", path, pin("\"other\"", "\"renamed\""), "2.104", SERVER), 409,
                "Server can only be pinned to its current availability zone 'nova', but 'other' was requested.");
        assertThat(api.call("GET", path, null, "2.96", SERVER).json().at("/server/name").asText()).isEqualTo("pin");

        assertThat(put(api, path, pin("\"nova\"", null))).isEqualTo(200);
        assertThat(pinned(api, id).asText()).isEqualTo("nova");
        assertThat(put(api, path, pin("\"nova\"", "\"again\""))).isEqualTo(200);
        assertThat(pinned(api, id).asText()).isEqualTo("nova");
        assertThat(api.call("GET", path, null, "2.96", SERVER).json().at("/server/name").asText()).isEqualTo("again");

        assertFault(api.call("PUT", path, pin("\"other\"", null), "2.104", SERVER), 409,
                "Cannot change pinned availability zone directly. Unpin first by setting pinned_availability_zone "
                        + "to null.");
        assertThat(pinned(api, id).asText()).isEqualTo("nova");

        assertThat(put(api, path, pin("null", null))).isEqualTo(200);
        assertThat(pinned(api, id).isNull()).isTrue();
        assertThat(put(api, path, pin("null", null))).isEqualTo(200);
        assertThat(pinned(api, id).isNull()).isTrue();
        // a name update alone leaves the pin as it is
        assertThat(put(api, path, "{\"server\": {\"name\": \"n\"}}")).isEqualTo(200);
        assertThat(pinned(api, id).isNull()).isTrue();
    }

    @EachEngine
    void refusedBefore2104AndWhenMalformed(String engine) throws Exception {
        ServerApiClient api = ServerApiClient.on(engine);
        String id = api.boot("pin-bad", "2.1", ADMIN);
        api.waitFor(id, "ACTIVE", ADMIN);
        String path = "/servers/" + id;
        Reply old = api.call("PUT", path, pin("null", null), "2.103", SERVER);
        assertThat(old.status()).isEqualTo(400);
        assertThat(message(old.json())).endsWith("Additional properties are not allowed "
                + "('pinned_availability_zone' was unexpected)");
        assertThat(api.call("PUT", path, pin("\"\"", null), "2.104", SERVER).status()).isEqualTo(400);
        assertThat(api.call("PUT", path, pin("\"" + "z".repeat(256) + "\"", null), "2.104", SERVER).status())
                .isEqualTo(400);
        assertThat(api.call("PUT", path, pin("5", null), "2.104", SERVER).status()).isEqualTo(400);
        assertThat(api.call("PUT", "/servers/00000000-0000-0000-0000-000000000000", pin("null", null), "2.104",
                SERVER).status()).isEqualTo(404);
    }

    @EachEngine
    void aServerBootedIntoAZoneIsPinnedAndCanBeUnpinned(String engine) throws Exception {
        ServerApiClient api = ServerApiClient.on(engine);
        Reply created = api.call("POST", "/servers", "{\"server\": {\"name\": \"pin-az\", \"imageRef\": \""
                + ServerApiClient.IMAGE + "\", \"flavorRef\": \"1\", \"availability_zone\": \"nova\"}}", "2.1",
                "/v2.1/servers");
        String id = created.json().at("/server/id").asText();
        api.waitFor(id, "ACTIVE", ADMIN);
        assertThat(pinned(api, id).asText()).isEqualTo("nova");
        assertThat(put(api, "/servers/" + id, pin("\"nova\"", null))).isEqualTo(200);
        assertThat(put(api, "/servers/" + id, pin("null", null))).isEqualTo(200);
        assertThat(pinned(api, id).isNull()).isTrue();
    }

    private static String pin(String zone, String name) {
        return "{\"server\": {\"pinned_availability_zone\": " + zone + (name == null ? "" : ", \"name\": " + name)
                + "}}";
    }

    private static int put(ServerApiClient api, String path, String body) throws Exception {
        Reply r = api.server().call("PUT", path, body, "2.104", ADMIN);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().at("/server/id").asText()).isEqualTo(path.substring("/servers/".length()));
        return r.status();
    }

    private static JsonNode pinned(ServerApiClient api, String id) throws Exception {
        return api.call("GET", "/servers/" + id, null, "2.96", SERVER).json().at("/server/pinned_availability_zone");
    }
}
