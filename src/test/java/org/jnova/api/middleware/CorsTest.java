package org.jnova.api.middleware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.jnova.conf.MiddlewareOpts;
import org.jnova.conf.cfg.ConfigOpts;
import org.jnova.exception.ConfigError;
import org.jnova.paste.FactoryRegistry;
import org.jnova.paste.NovaFactoryNames;
import org.jnova.wsgi.App;
import org.jnova.wsgi.Request;
import org.jnova.wsgi.Response;
import org.junit.jupiter.api.Test;

class CorsTest {
    private final ConfigOpts conf = new ConfigOpts(MiddlewareOpts.all());

    private App cors(App next) {
        FactoryRegistry registry = NovaMiddleware.register(FactoryRegistry.withUrlMaps(conf), conf);
        return registry.filter(NovaFactoryNames.CORS).orElseThrow()
                .create(Map.of(), Map.of("oslo_config_project", "nova")).wrap(next);
    }

    private static Request preflight(String origin, String method, String headers) {
        Request request = Request.of("OPTIONS", "/v2.1/servers", null);
        request.headers().add("Origin", origin).add("Access-Control-Request-Method", method);
        if (headers != null) {
            request.headers().add("Access-Control-Request-Headers", headers);
        }
        return request;
    }

    @Test
    void preflightFromAnAllowedOriginIsAnswered() throws Exception {
        conf.set(MiddlewareOpts.CORS_ALLOWED_ORIGIN, "https://horizon.example.com");
        App app = cors(request -> Response.text(404, "text/html", "not here"));
        Response response = app.handle(preflight("https://horizon.example.com", "POST",
                "X-Auth-Token, content-type"));
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).isEmpty();
        assertThat(response.headers().first("Access-Control-Allow-Origin")).contains("https://horizon.example.com");
        assertThat(response.headers().first("Access-Control-Allow-Credentials")).contains("true");
        assertThat(response.headers().first("Access-Control-Max-Age")).contains("3600");
        assertThat(response.headers().first("Access-Control-Allow-Methods")).contains("POST");
        assertThat(response.headers().first("Access-Control-Allow-Headers")).contains("X-Auth-Token,content-type");
        assertThat(response.headers().all("Vary")).containsExactly("Origin");
    }

    @Test
    void preflightWithAForbiddenMethodHeaderOrOriginGetsNoCorsHeaders() throws Exception {
        conf.set(MiddlewareOpts.CORS_ALLOWED_ORIGIN, "https://horizon.example.com");
        App app = cors(request -> Response.empty(204));
        for (Request request : List.of(preflight("https://horizon.example.com", "TRACE", null),
                preflight("https://horizon.example.com", "GET", "X-Secret"),
                preflight("https://evil.example.com", "GET", null))) {
            Response response = app.handle(request);
            assertThat(response.status()).isEqualTo(204);
            assertThat(response.headers().contains("Access-Control-Allow-Origin")).isFalse();
        }
    }

    @Test
    void actualRequestGetsOriginCredentialsAndExposedHeaders() throws Exception {
        conf.set(MiddlewareOpts.CORS_ALLOWED_ORIGIN, "*");
        App app = cors(request -> {
            Response response = Response.empty(200);
            response.headers().add("Vary", "OpenStack-API-Version").add("Vary", "X-OpenStack-Nova-API-Version");
            return response;
        });
        Request request = Request.of("GET", "/v2.1/servers", null);
        request.headers().add("Origin", "https://anywhere.example.com");
        Response response = app.handle(request);
        assertThat(response.headers().first("Access-Control-Allow-Origin")).contains("*");
        assertThat(response.headers().first("Access-Control-Expose-Headers")).contains(
                "X-Auth-Token,X-Openstack-Request-Id,X-Subject-Token,X-Service-Token,X-OpenStack-Nova-API-Version,"
                        + "OpenStack-API-Version");
        assertThat(response.headers().all("Vary")).containsExactly("X-OpenStack-Nova-API-Version,Origin");
    }

    @Test
    void withoutAllowedOriginNothingChanges() throws Exception {
        App app = cors(request -> Response.empty(204));
        Response response = app.handle(preflight("http://example.com", "GET", null));
        assertThat(response.status()).isEqualTo(204);
        assertThat(response.headers().size()).isZero();
    }

    @Test
    void filterNeedsAnOriginOrAConfigProject() {
        FactoryRegistry registry = NovaMiddleware.register(FactoryRegistry.withUrlMaps(conf), conf);
        assertThatThrownBy(() -> registry.filter(NovaFactoryNames.CORS).orElseThrow().create(Map.of(), Map.of()))
                .isInstanceOf(ConfigError.class).hasMessageContaining("allowed_origin");
    }
}
