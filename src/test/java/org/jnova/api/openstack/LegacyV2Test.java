package org.jnova.api.openstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jnova.testing.TestRequests.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.jnova.api.openstack.compute.ApiRouterV21;
import org.jnova.api.openstack.compute.ComputeRoutes.RouteSpec;
import org.jnova.api.openstack.fixtures.WidgetsController;
import org.jnova.api.openstack.wsgi.ResourceSupport;
import org.jnova.wsgi.App;
import org.jnova.wsgi.Response;
import org.junit.jupiter.api.Test;

/** /v2: the 2.1 router behind the legacy_v2_compatible filter. */
class LegacyV2Test {
    private final WidgetsController widgets = new WidgetsController();
    private final App v2 = new LegacyV2CompatibleWrapper().wrap(ApiRouterV21.builder(
                    ResourceSupport.create(Microversions.defaults(), PolicyCheck.ALLOW_ALL))
            .routeList(List.of(new RouteSpec("/widgets", "POST", "widgets", "create"),
                    new RouteSpec("/widgets/{id}", "GET", "widgets", "show"),
                    new RouteSpec("/extensions", "GET", "extensions", "index")))
            .controller("widgets", widgets)
            .build());

    @Test
    void ignoresMicroversionHeadersAndSendsNone() throws Exception {
        Response response = v2.handle(api("/v2", "GET", "/widgets/a", null, "OpenStack-API-Version", "compute 2.50"));
        assertThat(response.status()).isEqualTo(200);
        assertThat(widgets.lastRequest.version()).isEqualTo(ApiVersionRequest.MIN);
        assertThat(widgets.lastRequest.isLegacyV2()).isTrue();
        assertThat(response.headers().contains("OpenStack-API-Version")).isFalse();
        assertThat(response.headers().contains("X-OpenStack-Nova-API-Version")).isFalse();
        assertThat(response.headers().contains("Vary")).isFalse();
        Response bad = v2.handle(api("/v2", "GET", "/widgets/a", null, "OpenStack-API-Version", "compute 2.latest"));
        assertThat(bad.status()).isEqualTo(200);
    }

    @Test
    void dropsUnknownPropertiesAndUsesThe20Schema() throws Exception {
        Response response = v2.handle(api("/v2", "POST", "/widgets", "{\"widget\": {\"name\": \" spaced \", \"bogus\": 1}}"));
        assertThat(response.status()).isEqualTo(200);
        assertThat(widgets.lastRequest.body().toString()).isEqualTo("{\"widget\":{\"name\":\" spaced \"}}");
        assertThat(response.headers().first("Location")).contains("http://localhost/v2/widgets/1");
        Response missing = v2.handle(api("/v2", "POST", "/widgets", "{\"widget\": {}}"));
        assertThat(missing.status()).isEqualTo(400);
    }

    @Test
    void listsTheOneExtraLegacyExtension() throws Exception {
        Response response = v2.handle(api("/v2", "GET", "/extensions", null));
        assertThat(new ObjectMapper().readTree(response.body()).get("extensions")).hasSize(100);
    }
}
