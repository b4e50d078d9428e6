package org.jnova.api.openstack.compute.attachinterfaces;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.jnova.compute.SeedData;
import org.jnova.db.TestDatabases;
import org.jnova.testing.JnovaTestServer;
import org.jnova.testing.JnovaTestServer.Reply;
import org.jnova.testing.OpenApiConformance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jnova.testing.EngineServers;

/** os-interface on the built-in network: ports, fixed IPs, addresses, instance actions, nova's errors. */
class InterfaceAttachmentApiTest {
    @RegisterExtension
    static final EngineServers SERVERS = new EngineServers("[jnova_compute]", "fixed_range = 10.9.0.0/24");
    private static final String LIST = "/v2.1/servers/{server_id}/os-interface";
    private static final String ONE = "/v2.1/servers/{server_id}/os-interface/{port_id}";

    static List<String> engines() {
        return TestDatabases.engines();
    }

    private static JnovaTestServer jnova(String engine) {
        return SERVERS.get(engine);
    }

    private static Reply call(String engine, String method, String path, String body, String version,
            String template) throws IOException {
        Reply r = jnova(engine).call(method, path, body, version, "admin:admin");
        JsonNode json = r.body() == null || r.body().isEmpty() ? null : r.json();
        OpenApiConformance.get().assertConforms(method, template, r.status(), version, json);
        return r;
    }

    private static String boot(String engine, String name) throws Exception {
        Reply boot = call(engine, "POST", "/servers", "{\"server\": {\"name\": \"" + name + "\", \"imageRef\": \""
                + SeedData.CIRROS_IMAGE_ID + "\", \"flavorRef\": \"1\"}}", "2.1", "/v2.1/servers");
        assertThat(boot.status()).as(boot.body()).isEqualTo(202);
        String id = boot.json().path("server").path("id").asText();
        jnova(engine).awaitActive(id);
        return id;
    }

    private static String message(Reply r, String fault) {
        return r.json().path(fault).path("message").asText();
    }

    private static List<String> addresses(String engine, String id) throws IOException {
        Reply ips = call(engine, "GET", "/servers/" + id + "/ips", null, "2.1", "/v2.1/servers/{server_id}/ips");
        List<String> out = new ArrayList<>();
        ips.json().path("addresses").path("private").forEach(a -> out.add(a.path("addr").asText()));
        return out;
    }

    @ParameterizedTest
    @MethodSource("engines")
    void attachShowListDetach(String engine) throws Exception {
        String id = boot(engine, "ports");
        String base = "/servers/" + id + "/os-interface";
        Reply first = call(engine, "GET", base, null, "2.1", LIST);
        assertThat(first.status()).isEqualTo(200);
        JsonNode boot = first.json().path("interfaceAttachments").path(0);
        assertThat(boot.path("port_state").asText()).isEqualTo("ACTIVE");
        assertThat(boot.has("tag")).isFalse();
        String netId = boot.path("net_id").asText();

        Reply attached = call(engine, "POST", base, "{\"interfaceAttachment\": {\"net_id\": \"" + netId
                + "\", \"fixed_ips\": [{\"ip_address\": \"10.9.0.200\"}]}}", "2.50", LIST);
        assertThat(attached.status()).as(attached.body()).isEqualTo(200);
        JsonNode port = attached.json().path("interfaceAttachment");
        assertThat(port.path("fixed_ips").path(0).path("ip_address").asText()).isEqualTo("10.9.0.200");
        assertThat(port.path("mac_addr").asText()).startsWith("fa:16:3e:");
        String portId = port.path("port_id").asText();
        assertThat(addresses(engine, id)).contains("10.9.0.200", boot.path("fixed_ips").path(0).path("ip_address")
                .asText());

        Reply tagged = call(engine, "POST", base, "{\"interfaceAttachment\": {\"tag\": \"nic2\"}}", "2.96", LIST);
        assertThat(tagged.status()).as(tagged.body()).isEqualTo(200);
        assertThat(tagged.json().path("interfaceAttachment").path("tag").asText()).isEqualTo("nic2");
        Reply list = call(engine, "GET", base, null, "2.96", LIST);
        assertThat(list.json().path("interfaceAttachments").size()).isEqualTo(3);

        Reply show = call(engine, "GET", base + "/" + portId, null, "2.96", ONE);
        assertThat(show.json().path("interfaceAttachment").path("port_id").asText()).isEqualTo(portId);
        assertThat(show.json().path("interfaceAttachment").path("tag").isNull()).isTrue();

        Reply inUse = call(engine, "POST", base, "{\"interfaceAttachment\": {\"net_id\": \"" + netId
                + "\", \"fixed_ips\": [{\"ip_address\": \"10.9.0.200\"}]}}", "2.50", LIST);
        assertThat(inUse.status()).isEqualTo(409);
        assertThat(message(inUse, "conflictingRequest"))
                .isEqualTo("Fixed IP 10.9.0.200 is already in use.");
        Reply portInUse = call(engine, "POST", base, "{\"interfaceAttachment\": {\"port_id\": \"" + portId
                + "\"}}", "2.50", LIST);
        assertThat(portInUse.status()).isEqualTo(409);
        assertThat(message(portInUse, "conflictingRequest")).isEqualTo("Port " + portId + " is still in use.");

        Reply detach = call(engine, "DELETE", base + "/" + portId, null, "2.1", ONE);
        assertThat(detach.status()).isEqualTo(202);
        assertThat(addresses(engine, id)).doesNotContain("10.9.0.200");
        Reply gone = call(engine, "GET", base + "/" + portId, null, "2.1", ONE);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(message(gone, "itemNotFound")).isEqualTo("Port id " + portId + " could not be found.");
        // nova answers 202 and lets the compute host fail (the event records the error)
        assertThat(call(engine, "DELETE", base + "/" + portId, null, "2.1", ONE).status()).isEqualTo(202);

        Reply actions = call(engine, "GET", "/servers/" + id + "/os-instance-actions", null, "2.1",
                "/v2.1/servers/{server_id}/os-instance-actions");
        List<String> names = new ArrayList<>();
        actions.json().path("instanceActions").forEach(a -> names.add(a.path("action").asText()));
        assertThat(names).contains("attach_interface", "detach_interface");
    }

    @ParameterizedTest
    @MethodSource("engines")
    void badAttachmentsGetNovasAnswers(String engine) throws Exception {
        String id = boot(engine, "badports");
        String base = "/servers/" + id + "/os-interface";
        String unknownNet = "11111111-2222-3333-4444-555555555555";
        Reply net = call(engine, "POST", base, "{\"interfaceAttachment\": {\"net_id\": \"" + unknownNet + "\"}}",
                "2.1", LIST);
        assertThat(net.status()).isEqualTo(404);
        assertThat(message(net, "itemNotFound")).isEqualTo("Network " + unknownNet + " could not be found.");
        Reply port = call(engine, "POST", base, "{\"interfaceAttachment\": {\"port_id\": \"" + unknownNet + "\"}}",
                "2.1", LIST);
        assertThat(port.status()).isEqualTo(404);
        assertThat(message(port, "itemNotFound")).isEqualTo("Port id " + unknownNet + " could not be found.");
        Reply both = call(engine, "POST", base, "{\"interfaceAttachment\": {\"net_id\": \"" + unknownNet
                + "\", \"port_id\": \"" + unknownNet + "\"}}", "2.96", LIST);
        assertThat(both.status()).isEqualTo(400);
        assertThat(message(both, "badRequest")).isEqualTo("Must not input both network_id and port_id");
        Reply ipOnly = call(engine, "POST", base, "{\"interfaceAttachment\": {\"fixed_ips\": [{\"ip_address\": "
                + "\"10.9.0.50\"}]}}", "2.96", LIST);
        assertThat(ipOnly.status()).isEqualTo(400);
        assertThat(message(ipOnly, "badRequest")).isEqualTo("Must input network_id when request IP address");
        Reply tagTooEarly = call(engine, "POST", base, "{\"interfaceAttachment\": {\"tag\": \"x\"}}", "2.48", LIST);
        assertThat(tagTooEarly.status()).isEqualTo(400);
        assertThat(message(tagTooEarly, "badRequest")).isEqualTo("Invalid input for field/attribute "
                + "interfaceAttachment. Value: {'tag': 'x'}. Additional properties are not allowed ('tag' was unexpected)");
        Reply missing = call(engine, "GET", "/servers/00000000-0000-0000-0000-000000000000/os-interface", null,
                "2.96", LIST);
        assertThat(missing.status()).isEqualTo(404);
    }
}
