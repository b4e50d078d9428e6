package org.jnova.api.openstack.compute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jnova.testing.EngineServers.call;
import static org.jnova.testing.EngineServers.message;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jnova.compute.SeedData;
import org.jnova.testing.EachEngine;
import org.jnova.testing.EngineServers;
import org.jnova.testing.JnovaTestServer;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * 2.102: the list and show APIs whose query schemas nova made strict answer 400 for a query
 * parameter they do not know, before looking anything up; at 2.101 the same requests are served
 * (the parameter ignored). The ones nova left permissive still ignore it. (GET /flavors and
 * /flavors/detail refuse them from 2.75: see FlavorsV2102Test.)
 */
class UnknownQueryParametersTest {
    @RegisterExtension
    static final EngineServers SERVERS = new EngineServers();

    private static final String UNEXPECTED = "Additional properties are not allowed ('bogus' was unexpected)";

    @EachEngine
    void strictFrom2102(String engine) throws Exception {
        JnovaTestServer jnova = SERVERS.get(engine);
        String s = "/servers/" + boot(jnova);
        // path -> status at 2.101 (404s: show of something that is not there)
        Map<String, Integer> paths = new LinkedHashMap<>();
        paths.put("/os-aggregates", 200);
        paths.put("/os-aggregates/999", 404);
        paths.put(s + "/os-interface", 200);
        paths.put(s + "/os-interface/no-such-port", 404);
        paths.put("/os-availability-zone", 200);
        paths.put("/os-availability-zone/detail", 200);
        paths.put("/extensions", 200);
        paths.put("/extensions/no-such-alias", 404);
        paths.put("/flavors/1", 200);
        paths.put("/flavors/1/os-flavor-access", 404);
        paths.put("/flavors/1/os-extra_specs", 200);
        paths.put("/flavors/1/os-extra_specs/no-such-key", 404);
        paths.put(s + "/os-instance-actions/req-none", 404);
        paths.put(s + "/ips", 200);
        paths.put(s + "/ips/no-such-network", 404);
        paths.put("/os-quota-class-sets/default", 200);
        paths.put(s + "/os-security-groups", 200);
        paths.put(s + "/diagnostics", 200);
        paths.put("/os-server-groups/no-such-group", 404);
        paths.put(s + "/metadata", 200);
        paths.put(s + "/metadata/no-such-key", 404);
        paths.put(s + "/migrations", 200);
        paths.put(s + "/migrations/12345", 404);
        paths.put(s + "/os-server-password", 200);
        paths.put(s + "/topology", 200);
        checkServerShow(jnova, s);
        for (Map.Entry<String, Integer> p : paths.entrySet()) {
            String path = p.getKey() + "?bogus=1";
            call(jnova, "GET", path, null, "2.101", p.getValue());
            assertThat(message(call(jnova, "GET", path, null, "2.102", 400))).as(path).isEqualTo(UNEXPECTED);
            assertThat(message(call(jnova, "GET", path, null, "2.104", 400))).as(path).isEqualTo(UNEXPECTED);
            call(jnova, "GET", p.getKey(), null, "2.104", p.getValue());
        }
    }

    /**
     * GET /servers/{id}: its 400s conform; its 200 bodies at 2.101+ are only checked for the
     * status, as they lack the 2.98-2.100 fields the OpenAPI description requires.
     */
    private static void checkServerShow(JnovaTestServer jnova, String s) throws Exception {
        assertThat(jnova.call("GET", s + "?bogus=1", null, "2.101").status()).isEqualTo(200);
        call(jnova, "GET", s + "?bogus=1", null, "2.96", 200);
        assertThat(message(call(jnova, "GET", s + "?bogus=1", null, "2.102", 400))).isEqualTo(UNEXPECTED);
        assertThat(jnova.call("GET", s, null, "2.104").status()).isEqualTo(200);
    }

    @EachEngine
    void apisNovaLeftPermissiveStillIgnoreThem(String engine) throws Exception {
        JnovaTestServer jnova = SERVERS.get(engine);
        String s = "/servers/" + boot(jnova);
        call(jnova, "GET", s + "/tags?bogus=1", null, "2.104", 200);
        call(jnova, "GET", "/os-quota-sets/p1/defaults?bogus=1", null, "2.104", 200);
        call(jnova, "GET", s + "/os-volume_attachments/00000000-0000-0000-0000-000000000000?bogus=1", null, "2.104",
                404);
    }

    private static String boot(JnovaTestServer jnova) throws Exception {
        JsonNode created = call(jnova, "POST", "/servers", "{\"server\": {\"name\": \"q\", \"imageRef\": \""
                + SeedData.CIRROS_IMAGE_ID + "\", \"flavorRef\": \"1\"}}", "2.1", 202);
        String id = created.path("server").path("id").asText();
        jnova.awaitActive(id);
        return id;
    }
}
