package org.jnova.api.openstack.compute.servers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jnova.testing.EngineServers.assertFault;

import org.jnova.testing.EachEngine;
import org.jnova.testing.JnovaTestServer.Reply;

/** os-volumes_boot, the servers API under its old name: served up to 2.102, 404 from 2.103 on. */
class VolumesBootTest {
    private static final String NOT_FOUND = "The resource could not be found.";
    private static final String ADMIN = "admin:admin";

    @EachEngine
    void servedUntil2102(String engine) throws Exception {
        ServerApiClient api = ServerApiClient.on(engine);
        String id = api.boot("vb", "2.1", ADMIN);
        api.waitFor(id, "ACTIVE", ADMIN);
        Reply listed = api.call("GET", "/os-volumes_boot", null, "2.102", "/v2.1/os-volumes_boot");
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.json().path("servers").toString()).contains(id);
        Reply shown = api.call("GET", "/os-volumes_boot/" + id, null, "2.96", "/v2.1/os-volumes_boot/{id}");
        assertThat(shown.json().at("/server/id").asText()).isEqualTo(id);
        assertThat(api.server().call("GET", "/os-volumes_boot/" + id, null, "2.102", ADMIN).status()).isEqualTo(200);
        // 2.102's strict show query applies here too
        assertFault(api.call("GET", "/os-volumes_boot/" + id + "?bogus=1", null, "2.102",
                "/v2.1/os-volumes_boot/{id}"), 400, "Additional properties are not allowed ('bogus' was unexpected)");
    }

    @EachEngine
    void goneFrom2103(String engine) throws Exception {
        ServerApiClient api = ServerApiClient.on(engine);
        String id = api.boot("vb-gone", "2.1", ADMIN);
        api.waitFor(id, "ACTIVE", ADMIN);
        String create = "{\"server\": {\"name\": \"x\", \"imageRef\": \"" + ServerApiClient.IMAGE
                + "\", \"flavorRef\": \"1\", \"networks\": \"none\"}}";
        String[][] calls = {
            {"GET", "/os-volumes_boot", null},
            {"GET", "/os-volumes_boot/detail", null},
            {"POST", "/os-volumes_boot", create},
            {"GET", "/os-volumes_boot/" + id, null},
            {"PUT", "/os-volumes_boot/" + id, "{\"server\": {\"name\": \"renamed\"}}"},
            {"DELETE", "/os-volumes_boot/" + id, null},
            {"POST", "/os-volumes_boot/" + id + "/action", "{\"os-stop\": null}"},
        };
        for (String version : new String[] {"2.103", "2.104"}) {
            for (String[] c : calls) {
                Reply r = api.server().call(c[0], c[1], c[2], version, ADMIN);
                assertFault(r, 404, NOT_FOUND);
            }
        }
        // nothing happened to the server, which /servers still serves
        Reply still = api.call("GET", "/servers/" + id, null, "2.96", "/v2.1/servers/{server_id}");
        assertThat(still.json().at("/server/name").asText()).isEqualTo("vb-gone");
        assertThat(still.json().at("/server/status").asText()).isEqualTo("ACTIVE");
        assertThat(api.server().call("GET", "/servers/" + id, null, "2.103", ADMIN).status()).isEqualTo(200);
    }
}
