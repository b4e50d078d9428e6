package org.jnova.api.openstack.compute.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jnova.testing.EngineServers.assertFault;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.jnova.compute.SeedData;
import org.jnova.testing.EachEngine;
import org.jnova.testing.EngineServers;
import org.jnova.testing.JnovaTestServer.Reply;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The images proxy API and image metadata over a real socket, and their removal at 2.36 / 2.39. */
class ImagesApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CIRROS = SeedData.CIRROS_IMAGE_ID;
    @RegisterExtension
    static final EngineServers SERVERS = new EngineServers("[quota]", "metadata_items = 5");

    @EachEngine
    void listShowAndFilters(String engine) throws Exception {
        String host = SERVERS.get(engine).rootUrl();
        Reply index = SERVERS.call(engine, "GET", "/images", null, "2.1");
        assertThat(ids(index.json())).contains(CIRROS);
        JsonNode first = index.json().at("/images/0");
        assertThat(first.get("links").get(0).get("href").asText()).isEqualTo(host + "/v2.1/images/" + first.get("id")
                .asText());
        assertThat(first.get("links").get(2).get("rel").asText()).isEqualTo("alternate");

        Reply shown = SERVERS.call(engine, "GET", "/images/" + CIRROS, null, "2.35");
        JsonNode image = shown.json().get("image");
        assertThat(image.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(image.get("progress").asInt()).isEqualTo(100);
        assertThat(image.get("OS-EXT-IMG-SIZE:size").isIntegralNumber()).isTrue();
        assertThat(image.get("created").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(image.at("/metadata/architecture").asText()).isEqualTo("x86_64");

        Reply byName = SERVERS.call(engine, "GET", "/images/detail?name=cirros&status=ACTIVE",
                null, "2.20");
        assertThat(ids(byName.json())).containsExactly(CIRROS);
        assertThat(ids(SERVERS.call(engine, "GET", "/images/detail?name=none", null, "2.1").json())).isEmpty();
        assertThat(ids(SERVERS.call(engine, "GET", "/images?minDisk=5", null, "2.1").json())).isEmpty();
        assertThat(ids(SERVERS.call(engine, "GET", "/images?property-architecture=x86_64", null, "2.1").json()))
                .containsExactly(CIRROS);
        Reply paged = SERVERS.call(engine, "GET", "/images?limit=1", null, "2.1");
        assertThat(ids(paged.json())).hasSize(1);
        assertThat(paged.json().at("/images_links/0/href").asText())
                .isEqualTo(host + "/v2.1/images?limit=1&marker=" + ids(paged.json()).get(0));

        assertFault(SERVERS.call(engine, "GET", "/images/nope", null, "2.1"), 404, "Image not found.");
        Reply gone = SERVERS.get(engine).call("GET", "/images", null, "2.36");
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.json()).isEqualTo(JSON.readTree(
                "{\"itemNotFound\": {\"code\": 404, \"message\": \"The resource could not be found.\"}}"));
    }

    @EachEngine
    void metadataCrudAndQuota(String engine) throws Exception {
        String path = "/images/" + CIRROS + "/metadata";
        Reply created = SERVERS.call(engine, "POST", path, "{\"metadata\": {\"k1\": \"v1\"}}", "2.1");
        assertThat(created.status()).isEqualTo(200);
        assertThat(created.json().at("/metadata/k1").asText()).isEqualTo("v1");
        assertThat(created.json().at("/metadata/architecture").asText()).isEqualTo("x86_64");

        assertThat(SERVERS.call(engine, "GET", path + "/k1", null, "2.38").json())
                .isEqualTo(JSON.readTree("{\"meta\": {\"k1\": \"v1\"}}"));
        assertFault(SERVERS.call(engine, "GET", path + "/nokey", null, "2.1"), 404, "The resource could not be found.");
        Reply updated = SERVERS.call(engine, "PUT", path + "/k1", "{\"meta\": {\"k1\": \"v2\"}}", "2.1");
        assertThat(updated.json()).isEqualTo(JSON.readTree("{\"meta\": {\"k1\": \"v2\"}}"));
        assertFault(SERVERS.call(engine, "PUT", path + "/k2", "{\"meta\": {\"k1\": \"v2\"}}", "2.1"), 400,
                "Request body and URI mismatch");
        assertFault(SERVERS.call(engine, "POST", path,
                "{\"metadata\": {\"a\": \"1\", \"b\": \"2\", \"c\": \"3\", \"d\": \"4\"}}", "2.1"), 403,
                "Image metadata limit exceeded");

        Reply deleted = SERVERS.call(engine, "DELETE", path + "/k1", null, "2.1");
        assertThat(deleted.status()).isEqualTo(204);
        assertFault(SERVERS.call(engine, "DELETE", path + "/k1", null, "2.1"), 404, "Invalid metadata key");

        Reply all = SERVERS.call(engine, "PUT", path, "{\"metadata\": {\"architecture\": \"x86_64\", "
                + "\"disk_format\": \"qcow2\", \"container_format\": \"bare\"}}", "2.1");
        assertThat(all.json().get("metadata").size()).isEqualTo(3);
        assertThat(SERVERS.call(engine, "GET", path, null, "2.1").json().get("metadata").size()).isEqualTo(3);
        assertThat(SERVERS.get(engine).call("GET", path, null, "2.39").status()).isEqualTo(404);
        assertFault(SERVERS.call(engine, "GET", "/images/nope/metadata", null, "2.1"), 404, "Image not found.");
    }

    private static List<String> ids(JsonNode body) {
        List<String> out = new ArrayList<>();
        body.get("images").forEach(i -> out.add(i.get("id").asText()));
        return out;
    }
}
