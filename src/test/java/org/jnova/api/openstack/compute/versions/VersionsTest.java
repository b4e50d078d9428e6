package org.jnova.api.openstack.compute.versions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jnova.testing.TestRequests.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.jnova.api.openstack.ApiVersionRequest;
import org.jnova.api.openstack.LegacyV2CompatibleWrapper;
import org.jnova.api.openstack.Microversions;
import org.jnova.api.openstack.NovaJson;
import org.jnova.api.openstack.PolicyCheck;
import org.jnova.api.openstack.compute.ApiRouterV21;
import org.jnova.api.openstack.wsgi.ResourceSupport;
import org.jnova.testing.OpenApiConformance;
import org.jnova.wsgi.Request;
import org.jnova.wsgi.Response;
import org.junit.jupiter.api.Test;

/**
 * The version documents against nova's samples (which are from nova master: there v2.0 is
 * DEPRECATED since 2025; jnova answers as nova Zed, SUPPORTED / 2011-01-21, as the real
 * nova in behaviour-transcript.txt) and against the OpenAPI description.
 */
class VersionsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path SAMPLES = Path.of("..", "shared", "reference", "nova-api-samples", "versions");

    private final ResourceSupport support = ResourceSupport.create(
            new Microversions(ApiVersionRequest.MIN, ApiVersionRequest.of("2.104")), PolicyCheck.ALLOW_ALL);
    private final VersionsView view = new VersionsView(ApiVersionRequest.MIN, ApiVersionRequest.of("2.104"), Optional.empty());
    private final ApiRouterV21 router = ApiRouterV21.builder(support).build();

    private static Request at(String host, String mount, String path) {
        Request request = new Request("GET", "http", host, "", mount + path, "", new org.jnova.wsgi.Headers(),
                new byte[0], "127.0.0.1");
        if (!mount.isEmpty()) {
            request.mount(mount);
        }
        return request;
    }

    private static JsonNode sample(String name) throws Exception {
        return JSON.readTree(Files.readAllBytes(SAMPLES.resolve(name)));
    }

    /** The sample with nova master's v2.0 facts replaced by Zed's. */
    private static JsonNode asZed(JsonNode sample) {
        sample.findParents("id").forEach(node -> {
            if (node.path("id").asText().equals("v2.0")) {
                ((ObjectNode) node).put("status", "SUPPORTED").put("updated", "2011-01-21T11:33:21Z");
            }
        });
        return sample;
    }

    @Test
    void rootListsBothVersionsWith200LikeTheSample() throws Exception {
        Response response = new Versions(view, new NovaJson()).handle(at("openstack.example.com", "", "/"));
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headers().first("Content-Type")).contains("application/json");
        assertThat(response.headers().contains("OpenStack-API-Version")).isFalse();
        assertThat(JSON.readTree(response.body())).isEqualTo(asZed(sample("versions-get-resp.json")));
    }

    @Test
    void rootBodyIsByteForByteWhatTheRealNovaSends() throws Exception {
        Response response = new Versions(new VersionsView(ApiVersionRequest.MIN, ApiVersionRequest.of("2.93"),
                Optional.empty()), new NovaJson()).handle(at("127.0.0.1:28774", "", "/"));
        assertThat(response.bodyText()).isEqualTo("{\"versions\": [{\"id\": \"v2.0\", \"status\": \"SUPPORTED\", \"version\": "
                + "\"\", \"min_version\": \"\", \"updated\": \"2011-01-21T11:33:21Z\", \"links\": [{\"rel\": \"self\", \"href\": "
                + "\"http://127.0.0.1:28774/v2/\"}]}, {\"id\": \"v2.1\", \"status\": \"CURRENT\", \"version\": \"2.93\", "
                + "\"min_version\": \"2.1\", \"updated\": \"2013-07-23T11:33:21Z\", \"links\": [{\"rel\": \"self\", \"href\": "
                + "\"http://127.0.0.1:28774/v2.1/\"}]}]}");
        assertThat(response.body()).hasSize(369);
    }

    @Test
    void otherPathsUnderTheRootAre300Choices() throws Exception {
        Response response = new Versions(view, new NovaJson()).handle(at("h", "", "/servers"));
        assertThat(response.status()).isEqualTo(300);
        JsonNode choices = JSON.readTree(response.body()).get("choices");
        assertThat(choices.get(0).at("/links/0/href").asText()).isEqualTo("http://h/v2/servers");
        assertThat(choices.get(1).at("/links/0/href").asText()).isEqualTo("http://h/v2.1/servers");
    }

    @Test
    void v21DocumentWithAndWithoutSlashLikeTheSample() throws Exception {
        JsonNode expected = sample("v21-version-get-resp.json");
        Response slash = router.handle(at("openstack.example.com", "/v2.1", "/"));
        assertThat(slash.status()).isEqualTo(200);
        assertThat(JSON.readTree(slash.body())).isEqualTo(expected);
        assertThat(slash.headers().first("OpenStack-API-Version")).contains("compute 2.1");
        Response exact = new VersionsV2(view, support).handle(at("openstack.example.com", "/v2.1", ""));
        assertThat(JSON.readTree(exact.body())).isEqualTo(expected);
        assertThat(exact.headers().all("Vary")).hasSize(2);
        assertThat(slash.bodyText()).isEqualTo(exact.bodyText());
        Response byId = router.handle(at("openstack.example.com", "/v2.1", "/versions/v2.1"));
        assertThat(JSON.readTree(byId.body())).isEqualTo(expected);
        Response unknown = router.handle(at("openstack.example.com", "/v2.1", "/versions/v3"));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.bodyText()).isEqualTo("{\"itemNotFound\": {\"code\": 404, \"message\": \"The resource could not be found.\"}}");
    }

    @Test
    void v2DocumentThroughTheLegacyFilter() throws Exception {
        Response response = new LegacyV2CompatibleWrapper().wrap(new VersionsV2(view, support))
                .handle(at("openstack.example.com", "/v2", ""));
        assertThat(JSON.readTree(response.body())).isEqualTo(asZed(sample("v2-version-get-resp.json")));
        assertThat(response.headers().contains("OpenStack-API-Version")).isFalse();
        Response viaRouter = new LegacyV2CompatibleWrapper().wrap(router).handle(at("openstack.example.com", "/v2", "/"));
        assertThat(viaRouter.bodyText()).isEqualTo(response.bodyText());
    }

    @Test
    void jnovaServesUpTo2104() throws Exception {
        ApiRouterV21 served = ApiRouterV21.builder(ResourceSupport.create(Microversions.defaults(),
                PolicyCheck.ALLOW_ALL)).build();
        Response latest = served.handle(api("/v2.1", "GET", "/", null, "OpenStack-API-Version", "compute latest"));
        assertThat(latest.headers().first("OpenStack-API-Version")).contains("compute 2.104");
        assertThat(JSON.readTree(latest.body()).at("/version/version").asText()).isEqualTo("2.104");
        Response beyond = served.handle(api("/v2.1", "GET", "/", null, "OpenStack-API-Version", "compute 2.105"));
        assertThat(beyond.status()).isEqualTo(406);
    }

    @Test
    void linkPrefixReplacesSchemeAndHost() throws Exception {
        VersionsView prefixed = new VersionsView(ApiVersionRequest.MIN, ApiVersionRequest.of("2.93"),
                Optional.of("https://proxy.example.com/compute"));
        assertThat(prefixed.version("v2.1", "http://127.0.0.1:8774/v2.1").at("/version/links/0/href").asText())
                .isEqualTo("https://proxy.example.com/compute/v2.1/");
    }

    @Test
    void documentsConformToTheOpenApiDescription() throws Exception {
        OpenApiConformance openApi = OpenApiConformance.get();
        for (String version : new String[] {"2.1", "2.50", "2.104"}) {
            Response slash = router.handle(api("/v2.1", "GET", "/", null, "OpenStack-API-Version", "compute " + version));
            openApi.assertConforms("GET", "/v2.1/", version, slash);
            Response byId = router.handle(api("/v2.1", "GET", "/versions/v2.1", null));
            openApi.assertConforms("GET", "/v2.1/versions/{id}", version, byId);
        }
        Response extensions = router.handle(api("/v2.1", "GET", "/extensions", null));
        openApi.assertConforms("GET", "/v2.1/extensions", "2.1", extensions);
        openApi.assertConforms("GET", "/v2.1/extensions/{id}", "2.1", router.handle(api("/v2.1", "GET", "/extensions/NMN", null)));
        openApi.assertConforms("GET", "/v2.1/extensions/{id}", "2.1",
                router.handle(api("/v2.1", "GET", "/extensions/nope", null)));
    }

    @Test
    void conformanceCheckerRejectsAWrongBody() throws Exception {
        OpenApiConformance openApi = OpenApiConformance.get();
        JsonNode wrong = JSON.readTree("{\"version\": {\"id\": 21, \"status\": \"GREAT\", \"links\": [], "
                + "\"media-types\": [], \"min_version\": \"2.1\", \"updated\": \"x\", \"version\": \"2.1\", \"extra\": 1}}");
        assertThat(openApi.violations("GET", "/v2.1/", 200, "2.1", wrong))
                .contains("/version/id: 21 is not of type 'string'")
                .contains("/version/status: 'GREAT' is not one of ['CURRENT', 'DEPRECATED', 'SUPPORTED']")
                .anyMatch(v -> v.contains("'extra' was unexpected"));
        assertThatThrownBy(() -> openApi.assertConforms("GET", "/v2.1/", 200, "2.1", wrong))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("does not conform to the OpenAPI description")
                .hasMessageContaining("21 is not of type 'string'");
        assertThat(openApi.violations("GET", "/v2.1/no-such-path", 200, "2.1", wrong))
                .containsExactly("the OpenAPI file has no operation GET /v2.1/no-such-path");
        assertThat(openApi.violations("GET", "/v2.1/", 500, "2.1", JSON.readTree("{\"message\": \"x\"}"))).isNotEmpty();
    }
}
