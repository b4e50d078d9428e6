package org.jnova.api.openstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jnova.testing.TestRequests.v21;

import java.util.List;
import org.jnova.api.RequestAttributes;
import org.jnova.api.openstack.compute.ApiRouterV21;
import org.jnova.api.openstack.compute.ComputeRoutes.RouteSpec;
import org.jnova.api.openstack.fixtures.WidgetsController;
import org.jnova.api.openstack.wsgi.ResourceSupport;
import org.jnova.exception.InvalidInput;
import org.jnova.wsgi.App;
import org.jnova.wsgi.Request;
import org.jnova.wsgi.Response;
import org.junit.jupiter.api.Test;

class MicroversionsTest {
    private final App router = ApiRouterV21.builder(ResourceSupport.create(
                    new Microversions(ApiVersionRequest.MIN, ApiVersionRequest.of("2.93")), PolicyCheck.ALLOW_ALL))
            .routeList(List.of(new RouteSpec("/widgets/{id}", "GET", "widgets", "show")))
            .controller("widgets", new WidgetsController())
            .build();

    @Test
    void parsesAndComparesLikeNova() {
        assertThat(ApiVersionRequest.parse("2.10")).isGreaterThan(ApiVersionRequest.parse("2.9"));
        assertThat(ApiVersionRequest.parse("2.0").toString()).isEqualTo("2.0");
        assertThat(ApiVersionRequest.parse("3.0").matches(ApiVersionRequest.MIN, ApiVersionRequest.NULL)).isTrue();
        for (String bad : List.of("2.latest", "02.1", "2.01", "2", "2.1.1", " 2.1", "latest")) {
            assertThatThrownBy(() -> ApiVersionRequest.parse(bad)).isInstanceOf(InvalidInput.class)
                    .hasMessage("API Version String " + bad + " is of invalid format. Must be of format MajorNum.MinorNum.");
        }
        assertThat(Microversions.defaults().max()).isEqualTo(ApiVersionRequest.of(Microversions.MAX));
    }

    @Test
    void isSupportedComparesNumericallyAndAnswersTheSameWhenAskedAgain() {
        ApiRequest at210 = requestAt("2.10");
        for (int round = 0; round < 2; round++) {
            assertThat(at210.isSupported("2.9")).isTrue();
            assertThat(at210.isSupported("2.10")).isTrue();
            assertThat(at210.isSupported("2.100")).isFalse();
            assertThat(at210.isSupported("2.11")).isFalse();
            assertThat(at210.isSupported("2.1", "2.10")).isTrue();
            assertThat(at210.isSupported("2.1", "2.9")).isFalse();
            assertThat(at210.isSupported("2.11", "2.20")).isFalse();
        }
        ApiRequest at2100 = requestAt("2.100");
        assertThat(at2100.isSupported("2.100")).isTrue();
        assertThat(at2100.isSupported("2.99")).isTrue();
        assertThat(at2100.isSupported("2.101")).isFalse();
        assertThatThrownBy(() -> at210.isSupported("2.x")).isInstanceOf(InvalidInput.class);
    }

    private static ApiRequest requestAt(String version) {
        return new ApiRequest(v21("GET", "/widgets/a", null), ApiVersionRequest.of(version), false,
                java.util.Map.of(), java.util.Map.of(), com.fasterxml.jackson.databind.node.MissingNode.getInstance(),
                PolicyCheck.ALLOW_ALL);
    }

    @Test
    void noHeaderMeans21WithBothResponseHeadersAndTwoVaryLines() throws Exception {
        Request request = v21("GET", "/widgets/a", null);
        Response response = router.handle(request);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headers().first("OpenStack-API-Version")).contains("compute 2.1");
        assertThat(response.headers().first("X-OpenStack-Nova-API-Version")).contains("2.1");
        assertThat(response.headers().all("Vary")).containsExactly("OpenStack-API-Version", "X-OpenStack-Nova-API-Version");
        assertThat(request.<String>attribute(RequestAttributes.API_VERSION)).contains("2.1");
    }

    @Test
    void latestMeansTheMaximum() throws Exception {
        Response response = router.handle(v21("GET", "/widgets/a", null, "OpenStack-API-Version", "compute latest"));
        assertThat(response.headers().first("OpenStack-API-Version")).contains("compute 2.93");
        assertThat(response.headers().first("X-OpenStack-Nova-API-Version")).contains("2.93");
    }

    @Test
    void legacyHeaderIsReadAndTheNewOneWins() throws Exception {
        Response legacy = router.handle(v21("GET", "/widgets/a", null, "X-OpenStack-Nova-API-Version", "2.10"));
        assertThat(legacy.headers().first("OpenStack-API-Version")).contains("compute 2.10");
        Response both = router.handle(v21("GET", "/widgets/a", null, "X-OpenStack-Nova-API-Version", "2.10",
                "OpenStack-API-Version", "compute 2.20"));
        assertThat(both.headers().first("OpenStack-API-Version")).contains("compute 2.20");
        assertThat(both.headers().first("X-OpenStack-Nova-API-Version")).contains("2.20");
        Response otherService = router.handle(v21("GET", "/widgets/a", null, "OpenStack-API-Version", "volume 3.5",
                "X-OpenStack-Nova-API-Version", "2.7"));
        assertThat(otherService.headers().first("OpenStack-API-Version")).contains("compute 2.7");
    }

    @Test
    void versionAboveTheMaximumIs406EchoingTheRequestedVersion() throws Exception {
        Request request = v21("GET", "/widgets/a", null, "OpenStack-API-Version", "compute 2.94");
        Response response = router.handle(request);
        assertThat(response.status()).isEqualTo(406);
        assertThat(response.bodyText()).isEqualTo("{\"computeFault\": {\"code\": 406, \"message\": \"Version 2.94 is not supported "
                + "by the API. Minimum is 2.1 and maximum is 2.93.\"}}");
        assertThat(response.headers().first("Content-Type")).contains("application/json; charset=UTF-8");
        assertThat(response.headers().first("OpenStack-API-Version")).contains("compute 2.94");
        assertThat(response.headers().first("X-OpenStack-Nova-API-Version")).contains("2.94");
        assertThat(response.headers().all("Vary")).hasSize(2);
        Response below = router.handle(v21("GET", "/widgets/a", null, "OpenStack-API-Version", "compute 2.0"));
        assertThat(below.status()).isEqualTo(406);
        assertThat(below.bodyText()).contains("Version 2.0 is not supported by the API. Minimum is 2.1 and maximum is 2.93.");
    }

    @Test
    void malformedVersionIs400WithoutVersionHeaders() throws Exception {
        Response response = router.handle(v21("GET", "/widgets/a", null, "OpenStack-API-Version", "compute 2.latest"));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.bodyText()).isEqualTo("{\"badRequest\": {\"code\": 400, \"message\": \"API Version String 2.latest is "
                + "of invalid format. Must be of format MajorNum.MinorNum.\"}}");
        assertThat(response.headers().contains("OpenStack-API-Version")).isFalse();
        assertThat(response.headers().contains("Vary")).isFalse();
    }

    @Test
    void faultsCarryTheVersionHeadersToo() throws Exception {
        Response response = router.handle(v21("GET", "/widgets/missing", null, "OpenStack-API-Version", "compute 2.5"));
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.headers().first("OpenStack-API-Version")).contains("compute 2.5");
    }
}
