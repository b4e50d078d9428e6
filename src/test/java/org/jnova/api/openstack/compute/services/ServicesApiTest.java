package org.jnova.api.openstack.compute.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jnova.testing.EngineServers.call;
import static org.jnova.testing.EngineServers.message;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.jnova.testing.EachEngine;
import org.jnova.testing.EngineServers;
import org.jnova.testing.JnovaTestServer;
import org.junit.jupiter.api.extension.RegisterExtension;

/** os-services over a real socket: list, filters, the 2.1 action and 2.53 uuid updates, delete. */
class ServicesApiTest {
    @RegisterExtension
    static final EngineServers SERVERS = new EngineServers();

    private static JsonNode compute(JnovaTestServer jnova, String version) throws Exception {
        JsonNode list = call(jnova, "GET", "/os-services?binary=nova-compute", null, version, 200);
        assertThat(list.get("services")).hasSize(1);
        return list.get("services").get(0);
    }

    @EachEngine
    void listsServicesWithNovaFieldsPerMicroversion(String engine) throws Exception {
        JnovaTestServer jnova = SERVERS.get(engine);
        JsonNode v21 = call(jnova, "GET", "/os-services", null, "2.1", 200);
        List<String> binaries = new ArrayList<>();
        v21.get("services").forEach(s -> binaries.add(s.get("binary").asText()));
        assertThat(binaries).contains("nova-compute");
        JsonNode c = compute(jnova, "2.1");
        assertThat(c.get("id").isInt()).isTrue();
        assertThat(c.get("zone").asText()).isEqualTo("nova");
        assertThat(c.get("status").asText()).isEqualTo("enabled");
        assertThat(c.get("state").asText()).isEqualTo("up");
        assertThat(c.has("forced_down")).isFalse();
        assertThat(c.get("updated_at").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}");

        assertThat(compute(jnova, "2.11").get("forced_down").asBoolean()).isFalse();
        JsonNode c253 = compute(jnova, "2.53");
        assertThat(c253.get("id").asText()).matches("[0-9a-f-]{36}");
        compute(jnova, "2.96");

        assertThat(call(jnova, "GET", "/os-services?host=nohost", null, "2.1", 200).get("services")).isEmpty();
        // unknown parameters are ignored before 2.75 and refused from it
        call(jnova, "GET", "/os-services?foo=1", null, "2.74", 200);
        JsonNode bad = call(jnova, "GET", "/os-services?foo=1", null, "2.75", 400);
        assertThat(message(bad)).isEqualTo("Additional properties are not allowed ('foo' was unexpected)");
    }

    @EachEngine
    void actionFormUpdatesBefore253(String engine) throws Exception {
        JnovaTestServer jnova = SERVERS.get(engine);
        String host = compute(jnova, "2.1").get("host").asText();
        String target = "{\"host\": \"" + host + "\", \"binary\": \"nova-compute\"";
        JsonNode r = call(jnova, "PUT", "/os-services/disable-log-reason", target + ", \"disabled_reason\": \"maint\"}",
                "2.1", 200);
        assertThat(r.get("service").toString()).isEqualTo(
                "{\"host\":\"" + host + "\",\"binary\":\"nova-compute\",\"status\":\"disabled\",\"disabled_reason\":\"maint\"}");
        JsonNode c = compute(jnova, "2.1");
        assertThat(c.get("status").asText()).isEqualTo("disabled");
        assertThat(c.get("disabled_reason").asText()).isEqualTo("maint");

        r = call(jnova, "PUT", "/os-services/enable", target + "}", "2.1", 200);
        assertThat(r.get("service").get("status").asText()).isEqualTo("enabled");
        assertThat(compute(jnova, "2.1").get("disabled_reason").isNull()).isTrue();

        assertThat(message(call(jnova, "PUT", "/os-services/disable-log-reason", target + "}", "2.1", 400)))
                .isEqualTo("Missing disabled reason field");
        assertThat(message(call(jnova, "PUT", "/os-services/foo", target + "}", "2.1", 404)))
                .isEqualTo("Unknown action");
        assertThat(message(call(jnova, "PUT", "/os-services/force-down", target + ", \"forced_down\": true}",
                "2.1", 400))).isEqualTo("Additional properties are not allowed ('forced_down' was unexpected)");
        assertThat(message(call(jnova, "PUT", "/os-services/disable",
                "{\"host\": \"nohost\", \"binary\": \"nova-compute\"}", "2.1", 404)))
                .isEqualTo("Host 'nohost' is not mapped to any cell");
        assertThat(message(call(jnova, "PUT", "/os-services/disable",
                "{\"host\": \"" + host + "\", \"binary\": \"nova-conductor\"}", "2.1", 400)))
                .isEqualTo("Updating a nova-conductor service is not supported. Only nova-compute services can be "
                        + "updated.");
        assertThat(message(call(jnova, "PUT", "/os-services/enable", "{\"host\": \"" + host + "\"}", "2.1", 400)))
                .isEqualTo("'binary' is a required property");

        r = call(jnova, "PUT", "/os-services/force-down", target + ", \"forced_down\": \"yes\"}", "2.11", 200);
        assertThat(r.get("service").get("forced_down").asBoolean()).isTrue();
        assertThat(compute(jnova, "2.11").get("state").asText()).isEqualTo("down");
        call(jnova, "PUT", "/os-services/force-down", target + ", \"forced_down\": false}", "2.11", 200);
        assertThat(compute(jnova, "2.11").get("forced_down").asBoolean()).isFalse();
    }

    @EachEngine
    void uuidFormUpdatesFrom253(String engine) throws Exception {
        JnovaTestServer jnova = SERVERS.get(engine);
        String id = compute(jnova, "2.53").get("id").asText();
        JsonNode r = call(jnova, "PUT", "/os-services/" + id, "{\"status\": \"disabled\", \"disabled_reason\": \"x\"}",
                "2.53", 200);
        assertThat(r.get("service").get("status").asText()).isEqualTo("disabled");
        assertThat(r.get("service").get("disabled_reason").asText()).isEqualTo("x");
        assertThat(r.get("service").get("id").asText()).isEqualTo(id);
        r = call(jnova, "PUT", "/os-services/" + id, "{\"status\": \"enabled\"}", "2.96", 200);
        assertThat(r.get("service").get("disabled_reason").isNull()).isTrue();

        assertThat(message(call(jnova, "PUT", "/os-services/" + id, "{}", "2.53", 400)))
                .isEqualTo("No updates were requested. Fields 'status' or 'forced_down' should be specified.");
        assertThat(message(call(jnova, "PUT", "/os-services/" + id, "{\"disabled_reason\": \"x\"}", "2.53", 400)))
                .isEqualTo("No updates were requested. Fields 'status' or 'forced_down' should be specified.");
        assertThat(message(call(jnova, "PUT", "/os-services/" + id,
                "{\"status\": \"enabled\", \"disabled_reason\": \"x\"}", "2.53", 400)))
                .isEqualTo("Specifying 'disabled_reason' with status 'enabled' is invalid.");
        assertThat(message(call(jnova, "PUT", "/os-services/enable", "{\"status\": \"enabled\"}", "2.53", 400)))
                .isEqualTo("Invalid uuid enable");
        assertThat(message(call(jnova, "PUT", "/os-services/00000000-1fc2-4dc5-bc47-78ec8c706953",
                "{\"status\": \"enabled\"}", "2.53", 404)))
                .isEqualTo("Service 00000000-1fc2-4dc5-bc47-78ec8c706953 could not be found.");
        assertThat(message(call(jnova, "PUT", "/os-services/" + id, "{\"status\": \"bogus\"}", "2.53", 400)))
                .isEqualTo("Invalid input for field/attribute status. Value: bogus. 'bogus' is not one of "
                        + "['enabled', 'disabled']");
        JsonNode conductor = call(jnova, "GET", "/os-services?binary=nova-conductor", null, "2.53", 200)
                .get("services").get(0);
        assertThat(message(call(jnova, "PUT", "/os-services/" + conductor.get("id").asText(),
                "{\"status\": \"disabled\"}", "2.53", 400))).startsWith("Updating a nova-conductor service");
    }

    @EachEngine
    void deleteChecksIdsAsNovaDoes(String engine) throws Exception {
        JnovaTestServer jnova = SERVERS.get(engine);
        assertThat(message(call(jnova, "DELETE", "/os-services/abc", null, "2.1", 400)))
                .isEqualTo("Invalid input received: id must be an integer");
        assertThat(message(call(jnova, "DELETE", "/os-services/999", null, "2.1", 404)))
                .isEqualTo("Service 999 not found.");
        assertThat(message(call(jnova, "DELETE", "/os-services/999", null, "2.53", 400)))
                .isEqualTo("Invalid uuid 999");
        assertThat(message(call(jnova, "DELETE", "/os-services/00000000-1fc2-4dc5-bc47-78ec8c706953", null, "2.53",
                404))).isEqualTo("Service 00000000-1fc2-4dc5-bc47-78ec8c706953 not found.");
    }
}
