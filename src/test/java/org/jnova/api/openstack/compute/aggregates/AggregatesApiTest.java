package org.jnova.api.openstack.compute.aggregates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jnova.testing.EngineServers.call;
import static org.jnova.testing.EngineServers.message;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import org.jnova.api.openstack.compute.services.StoredInstances;
import org.jnova.testing.EachEngine;
import org.jnova.testing.EngineServers;
import org.jnova.testing.JnovaTestServer;
import org.junit.jupiter.api.extension.RegisterExtension;

/** os-aggregates: CRUD, host and metadata actions, zones seen by os-services and os-availability-zone. */
class AggregatesApiTest {
    @RegisterExtension
    static final EngineServers SERVERS = new EngineServers();

    private static String computeHost(JnovaTestServer jnova) throws Exception {
        return call(jnova, "GET", "/os-services?binary=nova-compute", null, "2.1", 200).get("services").get(0)
                .get("host").asText();
    }

    @EachEngine
    void crudAndActions(String engine) throws Exception {
        JnovaTestServer jnova = SERVERS.get(engine);
        String host = computeHost(jnova);
        JsonNode created = call(jnova, "POST", "/os-aggregates",
                "{\"aggregate\": {\"name\": \"agg1\", \"availability_zone\": \"az1\"}}", "2.41", 200).get("aggregate");
        int id = created.get("id").asInt();
        assertThat(created.has("hosts")).isFalse();
        assertThat(created.get("uuid").asText()).matches("[0-9a-f-]{36}");
        assertThat(created.get("availability_zone").asText()).isEqualTo("az1");
        assertThat(created.get("updated_at").isNull()).isTrue();
        assertThat(message(call(jnova, "POST", "/os-aggregates", "{\"aggregate\": {\"name\": \"agg1\"}}", "2.1", 409)))
                .isEqualTo("Aggregate agg1 already exists.");

        JsonNode shown = call(jnova, "GET", "/os-aggregates/" + id, null, "2.1", 200).get("aggregate");
        assertThat(shown.has("uuid")).isFalse();
        assertThat(shown.get("metadata").toString()).isEqualTo("{\"availability_zone\":\"az1\"}");
        assertThat(shown.get("hosts")).isEmpty();

        JsonNode meta = call(jnova, "POST", "/os-aggregates/" + id + "/action",
                "{\"set_metadata\": {\"metadata\": {\"k\": \"v\", \"x\": null}}}", "2.96", 200).get("aggregate");
        assertThat(meta.get("metadata").toString()).isEqualTo("{\"availability_zone\":\"az1\",\"k\":\"v\"}");
        assertThat(meta.get("updated_at").isTextual()).isTrue();
        call(jnova, "POST", "/os-aggregates/" + id + "/action", "{\"set_metadata\": {\"metadata\": {\"k\": null}}}",
                "2.1", 200);

        JsonNode added = call(jnova, "POST", "/os-aggregates/" + id + "/action",
                "{\"add_host\": {\"host\": \"" + host + "\"}}", "2.1", 200).get("aggregate");
        assertThat(added.get("hosts").toString()).isEqualTo("[\"" + host + "\"]");
        assertThat(message(call(jnova, "POST", "/os-aggregates/" + id + "/action",
                "{\"add_host\": {\"host\": \"" + host + "\"}}", "2.1", 409)))
                .isEqualTo("Aggregate " + id + " already has host " + host + ".");
        // the compute host is now in az1 for os-services and os-availability-zone
        assertThat(call(jnova, "GET", "/os-services?binary=nova-compute", null, "2.1", 200).get("services").get(0)
                .get("zone").asText()).isEqualTo("az1");
        assertThat(call(jnova, "GET", "/os-availability-zone", null, "2.1", 200).get("availabilityZoneInfo").get(0)
                .get("zoneName").asText()).isEqualTo("az1");

        // a second aggregate with another zone cannot take the host
        int other = call(jnova, "POST", "/os-aggregates",
                "{\"aggregate\": {\"name\": \"agg2\", \"availability_zone\": \"az2\"}}", "2.1", 200).get("aggregate")
                .get("id").asInt();
        assertThat(message(call(jnova, "POST", "/os-aggregates/" + other + "/action",
                "{\"add_host\": {\"host\": \"" + host + "\"}}", "2.1", 409))).isEqualTo("Cannot add host to aggregate "
                        + other + ". Reason: One or more hosts already in availability zone(s) ['az1'].");
        assertThat(message(call(jnova, "DELETE", "/os-aggregates/" + id, null, "2.1", 400)))
                .isEqualTo("Cannot remove host from aggregate " + id + ". Reason: Host aggregate is not empty.");

        JsonNode renamed = call(jnova, "PUT", "/os-aggregates/" + id, "{\"aggregate\": {\"name\": \"agg1-r\"}}", "2.41",
                200).get("aggregate");
        assertThat(renamed.get("name").asText()).isEqualTo("agg1-r");
        assertThat(message(call(jnova, "PUT", "/os-aggregates/" + id, "{\"aggregate\": {\"name\": \"agg2\"}}", "2.1",
                409))).isEqualTo("Aggregate agg2 already exists.");

        call(jnova, "POST", "/os-aggregates/" + id + "/action", "{\"remove_host\": {\"host\": \"" + host + "\"}}",
                "2.1", 200);
        assertThat(message(call(jnova, "POST", "/os-aggregates/" + id + "/action",
                "{\"remove_host\": {\"host\": \"" + host + "\"}}", "2.1", 404)))
                .isEqualTo("Cannot remove host " + host + " in aggregate " + id);
        assertThat(call(jnova, "GET", "/os-services?binary=nova-compute", null, "2.1", 200).get("services").get(0)
                .get("zone").asText()).isEqualTo("nova");

        JsonNode list = call(jnova, "GET", "/os-aggregates", null, "2.41", 200);
        assertThat(list.get("aggregates")).hasSize(2);
        assertThat(jnova.call("DELETE", "/os-aggregates/" + id, null, "2.1").status()).isEqualTo(200);
        call(jnova, "DELETE", "/os-aggregates/" + other, null, "2.1", 200);
        assertThat(call(jnova, "GET", "/os-aggregates", null, "2.1", 200).get("aggregates")).isEmpty();
    }

    @EachEngine
    void errorsMatchNova(String engine) throws Exception {
        JnovaTestServer jnova = SERVERS.get(engine);
        assertThat(message(call(jnova, "GET", "/os-aggregates/abc", null, "2.1", 400)))
                .isEqualTo("Invalid input received: id must be an integer");
        assertThat(message(call(jnova, "GET", "/os-aggregates/99", null, "2.1", 404)))
                .isEqualTo("Aggregate 99 could not be found.");
        assertThat(message(call(jnova, "DELETE", "/os-aggregates/99", null, "2.1", 404)))
                .isEqualTo("Aggregate 99 could not be found.");
        assertThat(message(call(jnova, "POST", "/os-aggregates/99/action",
                "{\"add_host\": {\"host\": \"" + computeHost(jnova) + "\"}}", "2.1", 404)))
                .isEqualTo("Aggregate 99 could not be found.");
        assertThat(message(call(jnova, "POST", "/os-aggregates/99/action", "{\"add_host\": {\"host\": \"nohost\"}}",
                "2.1", 404))).isEqualTo("Compute host nohost could not be found.");
        assertThat(message(call(jnova, "POST", "/os-aggregates/99/action", "{\"bogus\": {}}", "2.1", 400)))
                .isEqualTo("There is no such action: bogus");
        assertThat(message(call(jnova, "PUT", "/os-aggregates/99", "{\"aggregate\": {}}", "2.1", 400)))
                .isEqualTo("Invalid input for field/attribute aggregate. Value: {}. {} is not valid under any of the "
                        + "given schemas");
        assertThat(message(call(jnova, "POST", "/os-aggregates", "{\"aggregate\": {\"name\": \" x\"}}", "2.1", 400)))
                .startsWith("An invalid 'name' value was provided.");
        int id = call(jnova, "POST", "/os-aggregates", "{\"aggregate\": {\"name\": \"e1\"}}", "2.1", 200)
                .get("aggregate").get("id").asInt();
        assertThat(message(call(jnova, "POST", "/os-aggregates/" + id + "/action",
                "{\"set_metadata\": {\"metadata\": {\"availability_zone\": null}}}", "2.1", 400)))
                .isEqualTo("Cannot update metadata of aggregate " + id + ". Reason: Aggregate e1 does not support "
                        + "empty named availability zone.");
        assertThat(jnova.call("POST", "/os-aggregates/" + id + "/images", "{\"cache\": [{\"id\": "
                + "\"70a599e0-31e7-49b7-b260-868f441e862b\"}]}", "2.80").status()).isEqualTo(404);
        call(jnova, "POST", "/os-aggregates/" + id + "/images",
                "{\"cache\": [{\"id\": \"70a599e0-31e7-49b7-b260-868f441e862b\"}]}", "2.81", 202);
        assertThat(message(call(jnova, "POST", "/os-aggregates/" + id + "/images",
                "{\"cache\": [{\"id\": \"70a599e0-31e7-49b7-b260-868f441e862b\"}, "
                        + "{\"id\": \"70a599e0-31e7-49b7-b260-868f441e862b\"}]}", "2.81", 400)))
                .isEqualTo("Duplicate images in request");
        call(jnova, "DELETE", "/os-aggregates/" + id, null, "2.1", 200);
    }

    @EachEngine
    void hostWithInstancesKeepsItsZone(String engine) throws Exception {
        JnovaTestServer jnova = SERVERS.get(engine);
        String host = computeHost(jnova);
        int id = call(jnova, "POST", "/os-aggregates",
                "{\"aggregate\": {\"name\": \"busy\", \"availability_zone\": \"az9\"}}", "2.1", 200).get("aggregate")
                .get("id").asInt();
        try (StoredInstances stored = new StoredInstances(jnova)) {
            stored.create("busy-" + engine, "vm", host, "node", Instant.now(), null);
            try {
                assertThat(message(call(jnova, "POST", "/os-aggregates/" + id + "/action",
                        "{\"add_host\": {\"host\": \"" + host + "\"}}", "2.1", 409)))
                        .startsWith("Cannot add host to aggregate " + id + ". Reason: The host cannot be added to the "
                                + "aggregate as the availability zone of the host would change from 'None' to 'az9' but "
                                + "the host already has 1 instance(s).");
                // and its compute service cannot be deleted while it hosts the instance
                JsonNode svc = call(jnova, "GET", "/os-services?binary=nova-compute", null, "2.53", 200)
                        .get("services").get(0);
                assertThat(message(call(jnova, "DELETE", "/os-services/" + svc.get("id").asText(), null, "2.53", 409)))
                        .isEqualTo("Unable to delete compute service that is hosting instances. Migrate or delete the "
                                + "instances first.");
            } finally {
                stored.deleteProject("busy-" + engine);
            }
        }
        call(jnova, "DELETE", "/os-aggregates/" + id, null, "2.1", 200);
    }
}
