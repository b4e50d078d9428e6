package org.jnova.api.openstack.compute.flavors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jnova.testing.EngineServers.assertFault;
import static org.jnova.testing.EngineServers.message;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.jnova.testing.EachEngine;
import org.jnova.testing.EngineServers;
import org.jnova.testing.JnovaTestServer.Reply;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Microversion 2.102 on flavors: the name filter (a regular expression searched for), no
 * rxtx_factor or OS-FLV-DISABLED:disabled in flavor bodies, rxtx_factor neither accepted on
 * create nor as a sort key, and show refusing unknown query parameters.
 */
class FlavorsV2102Test {
    @RegisterExtension
    static final EngineServers SERVERS = new EngineServers();

    @EachEngine
    void deadFieldsLeaveTheBodies(String engine) throws Exception {
        JsonNode before = SERVERS.call(engine, "GET", "/flavors/1", null, "2.101").json().get("flavor");
        assertThat(before.path("rxtx_factor").asDouble()).isEqualTo(1.0);
        assertThat(before.has("OS-FLV-DISABLED:disabled")).isTrue();
        JsonNode after = SERVERS.call(engine, "GET", "/flavors/1", null, "2.102").json().get("flavor");
        assertThat(after.has("rxtx_factor")).isFalse();
        assertThat(after.has("OS-FLV-DISABLED:disabled")).isFalse();
        assertThat(after.path("swap").asInt()).isZero();
        assertThat(after.has("extra_specs")).isTrue();
        JsonNode detail = SERVERS.call(engine, "GET", "/flavors/detail", null, "2.104").json().get("flavors");
        detail.forEach(f -> assertThat(f.has("rxtx_factor") || f.has("OS-FLV-DISABLED:disabled")).isFalse());
        assertThat(detail.size()).isGreaterThanOrEqualTo(5);
    }

    @EachEngine
    void nameFiltersFrom2102(String engine) throws Exception {
        // before 2.102 the strict 2.75 schema knows no name
        assertFault(SERVERS.call(engine, "GET", "/flavors?name=tiny", null, "2.101"), 400,
                "Additional properties are not allowed ('name' was unexpected)");
        assertThat(ids(SERVERS.call(engine, "GET", "/flavors?name=tiny", null, "2.74").json()))
                .contains("1", "2", "3", "4", "5");
        assertThat(ids(SERVERS.call(engine, "GET", "/flavors?name=tiny", null, "2.102").json())).containsExactly("1");
        assertThat(ids(SERVERS.call(engine, "GET", "/flavors/detail?name=%5Em1%5C.(small%7Clarge)%24", null, "2.102")
                .json())).containsExactly("2", "4");
        assertThat(ids(SERVERS.call(engine, "GET", "/flavors?name=nothing-like-it", null, "2.102").json())).isEmpty();
        // the limit counts matching flavors only, and the next link carries the filter
        Reply paged = SERVERS.call(engine, "GET", "/flavors?name=large&limit=1", null, "2.102");
        assertThat(ids(paged.json())).containsExactly("4");
        assertThat(paged.json().at("/flavors_links/0/href").asText()).contains("name=large").contains("marker=4");
        Reply rest = SERVERS.call(engine, "GET", "/flavors?name=large&limit=1&marker=4", null, "2.102");
        assertThat(ids(rest.json())).containsExactly("5");
        // not a valid expression: searched for as text, never a 500
        assertThat(SERVERS.call(engine, "GET", "/flavors?name=%28", null, "2.102").status()).isEqualTo(200);
    }

    @EachEngine
    void rxtxFactorIsGoneFromSortKeysAndCreate(String engine) throws Exception {
        assertThat(SERVERS.call(engine, "GET", "/flavors?sort_key=rxtx_factor", null, "2.101").status()).isEqualTo(200);
        Reply sorted = SERVERS.call(engine, "GET", "/flavors?sort_key=rxtx_factor", null, "2.102");
        assertThat(sorted.status()).isEqualTo(400);
        assertThat(message(sorted.json())).startsWith("Invalid input for query parameters sort_key. Value: "
                + "rxtx_factor. 'rxtx_factor' is not one of ['created_at', 'description', 'disabled', ");
        Reply refused = SERVERS.call(engine, "POST", "/flavors", "{\"flavor\": {\"name\": \"rx.new\", \"ram\": 64, "
                + "\"vcpus\": 1, \"disk\": 1, \"rxtx_factor\": 2.0}}", "2.102");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(message(refused.json())).endsWith("Additional properties are not allowed ('rxtx_factor' was "
                + "unexpected)");
        Reply created = SERVERS.call(engine, "POST", "/flavors", "{\"flavor\": {\"name\": \"rx.new\", \"ram\": 64, "
                + "\"vcpus\": 1, \"disk\": 1, \"id\": \"rx1\"}}", "2.102");
        assertThat(created.status()).isEqualTo(200);
        assertThat(created.json().get("flavor").has("rxtx_factor")).isFalse();
        Reply old = SERVERS.call(engine, "GET", "/flavors/rx1", null, "2.101");
        assertThat(old.json().at("/flavor/rxtx_factor").asDouble()).isEqualTo(1.0);
        Reply updated = SERVERS.call(engine, "PUT", "/flavors/rx1", "{\"flavor\": {\"description\": \"d\"}}", "2.102");
        assertThat(updated.json().get("flavor").has("OS-FLV-DISABLED:disabled")).isFalse();
        assertThat(SERVERS.call(engine, "DELETE", "/flavors/rx1", null, "2.102").status()).isEqualTo(202);
    }

    @EachEngine
    void showRefusesUnknownQueryParameters(String engine) throws Exception {
        assertThat(SERVERS.call(engine, "GET", "/flavors/1?foo=1", null, "2.101").status()).isEqualTo(200);
        assertFault(SERVERS.call(engine, "GET", "/flavors/1?foo=1", null, "2.102"), 400,
                "Additional properties are not allowed ('foo' was unexpected)");
        assertFault(SERVERS.call(engine, "GET", "/flavors?foo=1", null, "2.102"), 400,
                "Additional properties are not allowed ('foo' was unexpected)");
    }

    private static List<String> ids(JsonNode body) {
        List<String> out = new ArrayList<>();
        body.get("flavors").forEach(n -> out.add(n.get("id").asText()));
        return out;
    }
}
