package org.jnova.api.openstack.compute.flavors;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.jnova.testing.EachEngine;
import org.jnova.testing.EngineServers;
import org.jnova.testing.JnovaTestServer.Reply;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Flavors list/show, flavor-manage, flavor access and extra specs over a real socket. */
class FlavorsApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @RegisterExtension
    static final EngineServers SERVERS = new EngineServers();

    private static JsonNode nova(String engine, String text) throws Exception {
        String host = SERVERS.get(engine).rootUrl();
        return JSON.readTree(text.replace("http://127.0.0.1:28774", host));
    }

    @EachEngine
    void pagedIndexIsNovasBody(String engine) throws Exception {
        Reply r = SERVERS.call(engine, "GET", "/flavors?limit=2", null, "2.1");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json()).isEqualTo(nova(engine, "{\"flavors\": [{\"id\": \"1\", \"name\": \"m1.tiny\", \"links\": "
                + "[{\"rel\": \"self\", \"href\": \"http://127.0.0.1:28774/v2.1/flavors/1\"}, {\"rel\": \"bookmark\", "
                + "\"href\": \"http://127.0.0.1:28774/flavors/1\"}]}, {\"id\": \"2\", \"name\": \"m1.small\", \"links\": "
                + "[{\"rel\": \"self\", \"href\": \"http://127.0.0.1:28774/v2.1/flavors/2\"}, {\"rel\": \"bookmark\", "
                + "\"href\": \"http://127.0.0.1:28774/flavors/2\"}]}], \"flavors_links\": [{\"rel\": \"next\", "
                + "\"href\": \"http://127.0.0.1:28774/v2.1/flavors?limit=2&marker=2\"}]}"));
        Reply next = SERVERS.call(engine, "GET", "/flavors/detail?limit=2&marker=2", null, "2.55");
        assertThat(ids(next.json().get("flavors"))).containsExactly("3", "4");
        assertThat(next.json().at("/flavors/0/description").isNull()).isTrue();
        assertThat(next.json().at("/flavors_links/0/href").asText()).endsWith("/v2.1/flavors/detail?limit=2&marker=4");
    }

    @EachEngine
    void aPathIdIsDecodedOnce(String engine) throws Exception {
        // nova 26 (probed): the id is the path as the server decoded it, not decoded again
        Reply once = SERVERS.call(engine, "GET", "/flavors/%2531", null, "2.1");
        assertThat(once.status()).isEqualTo(404);
        assertThat(EngineServers.message(once.json())).isEqualTo("Flavor %31 could not be found.");
        Reply percent = SERVERS.call(engine, "GET", "/flavors/%25", null, "2.1");
        assertThat(percent.status()).isEqualTo(404);
        assertThat(EngineServers.message(percent.json())).isEqualTo("Flavor % could not be found.");
    }

    @EachEngine
    void showFollowsMicroversions(String engine) throws Exception {
        Reply v21 = SERVERS.call(engine, "GET", "/flavors/1", null, "2.1");
        assertThat(v21.json()).isEqualTo(nova(engine, "{\"flavor\": {\"id\": \"1\", \"name\": \"m1.tiny\", \"ram\": 512, "
                + "\"disk\": 1, \"swap\": \"\", \"OS-FLV-EXT-DATA:ephemeral\": 0, \"OS-FLV-DISABLED:disabled\": false, "
                + "\"vcpus\": 1, \"os-flavor-access:is_public\": true, \"rxtx_factor\": 1.0, \"links\": [{\"rel\": "
                + "\"self\", \"href\": \"http://127.0.0.1:28774/v2.1/flavors/1\"}, {\"rel\": \"bookmark\", \"href\": "
                + "\"http://127.0.0.1:28774/flavors/1\"}]}}"));
        Reply latest = SERVERS.call(engine, "GET", "/flavors/1", null, "2.93");
        assertThat(latest.json()).isEqualTo(nova(engine, "{\"flavor\": {\"id\": \"1\", \"name\": \"m1.tiny\", \"ram\": 512, "
                + "\"disk\": 1, \"swap\": 0, \"OS-FLV-EXT-DATA:ephemeral\": 0, \"OS-FLV-DISABLED:disabled\": false, "
                + "\"vcpus\": 1, \"os-flavor-access:is_public\": true, \"rxtx_factor\": 1.0, \"links\": [{\"rel\": "
                + "\"self\", \"href\": \"http://127.0.0.1:28774/v2.1/flavors/1\"}, {\"rel\": \"bookmark\", \"href\": "
                + "\"http://127.0.0.1:28774/flavors/1\"}], \"description\": null, \"extra_specs\": {}}}"));
        SERVERS.call(engine, "GET", "/flavors/1", null, "2.96");
        Reply missing = SERVERS.call(engine, "GET", "/flavors/nope", null, "2.1");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().at("/itemNotFound/message").asText()).isEqualTo("Flavor nope could not be found.");
    }

    @EachEngine
    void filtersSortAndBadQueries(String engine) throws Exception {
        Reply big = SERVERS.call(engine, "GET", "/flavors/detail?minRam=8192&sort_key=memory_mb&sort_dir=desc", null,
                "2.61");
        assertThat(ids(big.json().get("flavors"))).containsExactly("5", "4");
        Reply disk = SERVERS.call(engine, "GET", "/flavors?minDisk=40&sort_key=name", null, "2.96");
        assertThat(ids(disk.json().get("flavors"))).containsExactly("4", "3", "5");
        assertThat(SERVERS.call(engine, "GET", "/flavors?sort_key=vcpu_weight", null, "2.1").status()).isEqualTo(200);
        assertFault(SERVERS.call(engine, "GET", "/flavors?limit=-1", null, "2.1"), 400,
                "Invalid input for query parameters limit. Value: -1. '-1' does not match '^[0-9]*$'");
        assertFault(SERVERS.call(engine, "GET", "/flavors?is_public=maybe", null, "2.1"), 400,
                "Invalid is_public filter [maybe]");
        assertFault(SERVERS.call(engine, "GET", "/flavors?minRam=x", null, "2.1"), 400, "Invalid minRam filter [x]");
        assertFault(SERVERS.call(engine, "GET", "/flavors?marker=404", null, "2.1"), 400, "marker [404] not found");
        assertThat(SERVERS.call(engine, "GET", "/flavors?bogus=1", null, "2.74").status()).isEqualTo(200);
        assertThat(SERVERS.call(engine, "GET", "/flavors?bogus=1", null, "2.75").status()).isEqualTo(400);
    }

    @EachEngine
    void manageCreateUpdateDelete(String engine) throws Exception {
        Reply created = SERVERS.call(engine, "POST", "/flavors", "{\"flavor\": {\"name\": \"mg.one\", \"ram\": \"256\", "
                + "\"vcpus\": 1, \"disk\": 0, \"id\": \"mg1\", \"swap\": 5, \"rxtx_factor\": \"2.5\"}}", "2.1");
        assertThat(created.status()).isEqualTo(200);
        assertThat(created.json().at("/flavor/ram").asInt()).isEqualTo(256);
        assertThat(created.json().at("/flavor/swap").asInt()).isEqualTo(5);
        assertThat(created.json().at("/flavor/rxtx_factor").asDouble()).isEqualTo(2.5);
        assertFault(SERVERS.call(engine, "POST", "/flavors", "{\"flavor\": {\"name\": \"mg.one\", \"ram\": 1, "
                + "\"vcpus\": 1, \"disk\": 0}}", "2.1"), 409, "Flavor with name mg.one already exists.");
        assertFault(SERVERS.call(engine, "POST", "/flavors", "{\"flavor\": {\"name\": \"mg.other\", \"ram\": 1, "
                + "\"vcpus\": 1, \"disk\": 0, \"id\": \"mg1\"}}", "2.1"), 409, "Flavor with ID mg1 already exists.");
        assertFault(SERVERS.call(engine, "POST", "/flavors", "{\"flavor\": {\"name\": \"mg.zero\", \"ram\": 0, "
                + "\"vcpus\": 1, \"disk\": 0}}", "2.1"), 400,
                "Invalid input for field/attribute ram. Value: 0. 0 is less than the minimum of 1");

        Reply auto = SERVERS.call(engine, "POST", "/flavors", "{\"flavor\": {\"name\": \"mg.auto\", \"ram\": 64, "
                + "\"vcpus\": 1, \"disk\": 1, \"description\": \"small one\"}}", "2.93");
        assertThat(auto.status()).isEqualTo(200);
        String autoId = auto.json().at("/flavor/id").asText();
        assertThat(autoId).matches("[0-9a-f-]{36}");
        assertThat(auto.json().at("/flavor/description").asText()).isEqualTo("small one");
        assertThat(auto.json().at("/flavor/extra_specs").size()).isZero();

        Reply updated = SERVERS.call(engine, "PUT", "/flavors/" + autoId, "{\"flavor\": {\"description\": \"new\"}}",
                "2.55");
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.json().at("/flavor/description").asText()).isEqualTo("new");
        assertThat(SERVERS.get(engine).call("PUT", "/flavors/" + autoId, "{\"flavor\": {\"description\": \"x\"}}",
                "2.54").status()).isEqualTo(404);

        // (an auto id may sort among the seeded ones: remove it so listing tests see 1..5 in order)
        assertThat(SERVERS.call(engine, "DELETE", "/flavors/" + autoId, null, "2.96").status()).isEqualTo(202);
        Reply deleted = SERVERS.call(engine, "DELETE", "/flavors/mg1", null, "2.1");
        assertThat(deleted.status()).isEqualTo(202);
        assertThat(deleted.body()).isEmpty();
        assertFault(SERVERS.call(engine, "DELETE", "/flavors/mg1", null, "2.1"), 404, "Flavor mg1 could not be found.");
    }

    @EachEngine
    void privateFlavorsAndAccess(String engine) throws Exception {
        SERVERS.call(engine, "POST", "/flavors", "{\"flavor\": {\"name\": \"acc.private\", \"ram\": 64, \"vcpus\": 1, "
                + "\"disk\": 0, \"id\": \"acc1\", \"os-flavor-access:is_public\": false}}", "2.1");
        assertThat(SERVERS.call(engine, "GET", "/flavors/acc1/os-flavor-access", null, "2.1").json())
                .isEqualTo(JSON.readTree("{\"flavor_access\": []}"));
        Reply added = SERVERS.call(engine, "POST", "/flavors/acc1/action",
                "{\"addTenantAccess\": {\"tenant\": \"proj1\"}}", "2.7");
        assertThat(added.json()).isEqualTo(JSON.readTree(
                "{\"flavor_access\": [{\"flavor_id\": \"acc1\", \"tenant_id\": \"proj1\"}]}"));
        assertFault(SERVERS.call(engine, "POST", "/flavors/acc1/action",
                "{\"addTenantAccess\": {\"tenant\": \"proj1\"}}", "2.7"), 409,
                "Flavor access already exists for flavor acc1 and project proj1 combination.");
        assertFault(SERVERS.call(engine, "POST", "/flavors/1/action",
                "{\"addTenantAccess\": {\"tenant\": \"proj1\"}}", "2.7"), 409, "Can not add access to a public flavor.");
        assertFault(SERVERS.call(engine, "GET", "/flavors/1/os-flavor-access", null, "2.96"), 404,
                "Access list not available for public flavors.");

        // the project given access sees the private flavor; another one does not
        assertThat(ids(SERVERS.callAs(engine, "u1:proj1", "GET", "/flavors", null, "2.1").json().get("flavors")))
                .contains("acc1");
        assertThat(ids(SERVERS.callAs(engine, "u2:proj2", "GET", "/flavors", null, "2.1").json().get("flavors")))
                .doesNotContain("acc1");
        assertThat(SERVERS.callAs(engine, "u1:proj1", "GET", "/flavors/acc1", null, "2.1").status()).isEqualTo(200);
        assertFault(SERVERS.callAs(engine, "u2:proj2", "GET", "/flavors/acc1", null, "2.1"), 404,
                "Flavor acc1 could not be found.");
        assertFault(SERVERS.callAs(engine, "u2:proj2", "GET", "/flavors/acc1/os-extra_specs", null, "2.1"), 404,
                "Flavor acc1 could not be found.");
        assertFault(SERVERS.callAs(engine, "u2:proj2", "GET", "/flavors?marker=acc1", null, "2.1"), 400,
                "marker [acc1] not found");
        assertThat(ids(SERVERS.call(engine, "GET", "/flavors?is_public=false", null, "2.1").json().get("flavors")))
                .contains("acc1").doesNotContain("1");
        assertThat(ids(SERVERS.call(engine, "GET", "/flavors?is_public=none", null, "2.1").json().get("flavors")))
                .contains("acc1", "1");

        Reply removed = SERVERS.call(engine, "POST", "/flavors/acc1/action",
                "{\"removeTenantAccess\": {\"tenant\": \"proj1\"}}", "2.1");
        assertThat(removed.json()).isEqualTo(JSON.readTree("{\"flavor_access\": []}"));
        assertFault(SERVERS.call(engine, "POST", "/flavors/acc1/action",
                "{\"removeTenantAccess\": {\"tenant\": \"proj1\"}}", "2.1"), 404,
                "Flavor access not found for acc1 / proj1 combination.");
    }

    @EachEngine
    void extraSpecs(String engine) throws Exception {
        SERVERS.call(engine, "POST", "/flavors", "{\"flavor\": {\"name\": \"es.one\", \"ram\": 64, \"vcpus\": 1, "
                + "\"disk\": 0, \"id\": \"es1\"}}", "2.1");
        Reply created = SERVERS.call(engine, "POST", "/flavors/es1/os-extra_specs",
                "{\"extra_specs\": {\"hw:cpu_policy\": \"dedicated\", \"custom\": 3}}", "2.86");
        assertThat(created.status()).isEqualTo(200);
        assertThat(created.json()).isEqualTo(JSON.readTree(
                "{\"extra_specs\": {\"hw:cpu_policy\": \"dedicated\", \"custom\": 3}}"));
        assertThat(SERVERS.call(engine, "GET", "/flavors/es1/os-extra_specs", null, "2.1").json()).isEqualTo(
                JSON.readTree("{\"extra_specs\": {\"custom\": \"3\", \"hw:cpu_policy\": \"dedicated\"}}"));
        assertThat(SERVERS.call(engine, "GET", "/flavors/es1/os-extra_specs/custom", null, "2.1").json())
                .isEqualTo(JSON.readTree("{\"custom\": \"3\"}"));
        assertThat(SERVERS.call(engine, "GET", "/flavors/es1", null, "2.61").json().at("/flavor/extra_specs/custom")
                .asText()).isEqualTo("3");
        Reply updated = SERVERS.call(engine, "PUT", "/flavors/es1/os-extra_specs/custom", "{\"custom\": \"4\"}", "2.1");
        assertThat(updated.json()).isEqualTo(JSON.readTree("{\"custom\": \"4\"}"));
        assertFault(SERVERS.call(engine, "PUT", "/flavors/es1/os-extra_specs/other", "{\"custom\": \"4\"}", "2.1"),
                400, "Request body and URI mismatch");
        assertFault(SERVERS.call(engine, "POST", "/flavors/es1/os-extra_specs",
                "{\"extra_specs\": {\"hw:cpu_policy\": \"sometimes\"}}", "2.86"), 400,
                "Validation failed; 'sometimes' is not one of: dedicated, shared, mixed.");
        assertFault(SERVERS.call(engine, "POST", "/flavors/es1/os-extra_specs",
                "{\"extra_specs\": {\"hw:no_such_thing\": \"1\"}}", "2.86"), 400,
                "Validation failed; extra spec 'hw:no_such_thing' does not appear to be a valid extra spec.");
        assertThat(SERVERS.call(engine, "POST", "/flavors/es1/os-extra_specs",
                "{\"extra_specs\": {\"hw:no_such_thing\": \"1\"}}", "2.85").status()).isEqualTo(200);
        assertThat(SERVERS.call(engine, "POST", "/flavors/es1/os-extra_specs",
                "{\"extra_specs\": {\"mine:anything\": \"1\"}}", "2.96").status()).isEqualTo(200);
        Reply deleted = SERVERS.call(engine, "DELETE", "/flavors/es1/os-extra_specs/custom", null, "2.1");
        assertThat(deleted.status()).isEqualTo(200);
        assertFault(SERVERS.call(engine, "DELETE", "/flavors/es1/os-extra_specs/custom", null, "2.1"), 404,
                "Flavor es1 has no extra specs with key custom.");
        assertFault(SERVERS.call(engine, "GET", "/flavors/es1/os-extra_specs/custom", null, "2.1"), 404,
                "Flavor es1 has no extra specs with key custom.");
    }

    @EachEngine
    void nonAdminsMeetNovasPolicies(String engine) throws Exception {
        assertFault(SERVERS.callAs(engine, "u1:p1", "POST", "/flavors", "{\"flavor\": {\"name\": \"zz\", \"ram\": 1, "
                + "\"vcpus\": 1, \"disk\": 0}}", "2.1"), 403,
                "Policy doesn't allow os_compute_api:os-flavor-manage:create to be performed.");
        assertFault(SERVERS.callAs(engine, "u1:p1", "GET", "/os-keypairs?user_id=admin", null, "2.10"), 403,
                "Policy doesn't allow os_compute_api:os-keypairs:index to be performed.");
        assertFault(SERVERS.callAs(engine, "u1:p1", "GET", "/os-quota-sets/other", null, "2.1"), 403,
                "Policy doesn't allow os_compute_api:os-quota-sets:show to be performed.");
        assertFault(SERVERS.callAs(engine, "u1:p1", "GET", "/limits?tenant_id=other", null, "2.1"), 403,
                "Policy doesn't allow os_compute_api:limits:other_project to be performed.");
        // readers of a project see extra specs in flavor bodies from 2.61
        assertThat(SERVERS.callAs(engine, "u1:p1", "GET", "/flavors/1", null, "2.61").json().at("/flavor")
                .has("extra_specs")).isTrue();
        assertThat(SERVERS.callAs(engine, "u1:p1", "GET", "/os-quota-sets/p1", null, "2.1").status()).isEqualTo(200);
    }

    static void assertFault(Reply reply, int status, String message) {
        EngineServers.assertFault(reply, status, message);
        assertThat(reply.json().elements().next().get("code").asInt()).isEqualTo(status);
    }

    private static List<String> ids(JsonNode list) {
        List<String> out = new ArrayList<>();
        list.forEach(n -> out.add(n.get("id").asText()));
        return out;
    }
}
