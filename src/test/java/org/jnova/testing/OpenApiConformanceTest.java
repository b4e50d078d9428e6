package org.jnova.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The checker accepts what nova itself documents (its API samples) and rejects what it does
 * not, so API tests can trust it in both directions.
 */
class OpenApiConformanceTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path SAMPLES = Path.of("..", "shared", "reference", "nova-api-samples");
    private final OpenApiConformance openApi = OpenApiConformance.get();

    private static JsonNode sample(String path) throws Exception {
        return JSON.readTree(SAMPLES.resolve(path).toFile());
    }

    @Test
    void novasOwnSamplesConform() throws Exception {
        assertThat(openApi.violations("GET", "/v2.1/flavors/{flavor_id}", 200, "2.1", sample("flavors/flavor-get-resp.json")))
                .isEmpty();
        assertThat(openApi.violations("GET", "/v2.1/flavors/{flavor_id}", 200, "2.75",
                sample("flavors/v2.75/flavor-get-resp.json"))).isEmpty();
        assertThat(openApi.violations("GET", "/v2.1/flavors/detail", 200, "2.61",
                sample("flavors/v2.61/flavors-detail-resp.json"))).isEmpty();
        assertThat(openApi.violations("GET", "/v2.1/servers/{id}", 200, "2.100",
                sample("servers/v2.100/server-get-resp.json"))).isEmpty();
        assertThat(openApi.violations("GET", "/v2.1/servers/detail", 200, "2.1",
                sample("servers/servers-details-resp.json"))).isEmpty();
        // POST /servers answers 202 in nova; the file documents the body under 201
        assertThat(openApi.violations("POST", "/v2.1/servers", 202, "2.1", sample("servers/server-create-resp.json")))
                .isEmpty();
    }

    @Test
    void aBodyOfAnotherMicroversionIsRejected() throws Exception {
        // 2.75 added fields that 2.1's schema does not allow
        assertThat(openApi.violations("GET", "/v2.1/flavors/{flavor_id}", 200, "2.1",
                sample("flavors/v2.75/flavor-get-resp.json"))).isNotEmpty();
        // the 2.100 server lacks nothing at 2.100 but has fields 2.1 does not know
        assertThat(openApi.violations("GET", "/v2.1/servers/{id}", 200, "2.1",
                sample("servers/v2.100/server-get-resp.json"))).isNotEmpty();
    }

    @Test
    void linksAreComparedAsSets() throws Exception {
        JsonNode flavor = sample("flavors/flavor-get-resp.json");
        JsonNode links = flavor.at("/flavor/links");
        JsonNode first = links.get(0);
        ((com.fasterxml.jackson.databind.node.ArrayNode) links).remove(0);
        ((com.fasterxml.jackson.databind.node.ArrayNode) links).add(first);
        assertThat(openApi.violations("GET", "/v2.1/flavors/{flavor_id}", 200, "2.1", flavor)).isEmpty();
    }

    @Test
    void operationsOutsideTheirVersionsAreReported() throws Exception {
        assertThat(openApi.violations("PUT", "/v2.1/flavors/{flavor_id}", 200, "2.54", JSON.readTree("{}")))
                .singleElement().asString().contains("does not exist at 2.54");
    }
}
