package org.jnova.paste;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jnova.wsgi.App;
import org.jnova.wsgi.Headers;
import org.jnova.wsgi.Request;
import org.jnova.wsgi.Response;
import org.junit.jupiter.api.Test;

class UrlMapTest {
    private static App named(String name) {
        return request -> Response.text(200, "text/plain",
                name + " " + request.scriptName() + " " + request.pathInfo());
    }

    /** The keys of nova's [composite:osapi_compute]. */
    private static UrlMap novaMap() {
        Map<String, App> prefixes = new LinkedHashMap<>();
        prefixes.put("/", named("versions"));
        prefixes.put("/v2", named("v2-doc"));
        prefixes.put("/v2.1", named("v21-doc"));
        prefixes.put("/v2/+", named("v2-api"));
        prefixes.put("/v2.1/+", named("v21-api"));
        return UrlMap.of(prefixes, true);
    }

    private static String route(App app, String path) throws Exception {
        return app.handle(Request.of("GET", path, null)).bodyText();
    }

    @Test
    void longestPrefixWinsAndMovesIntoScriptName() throws Exception {
        UrlMap map = novaMap();
        assertThat(route(map, "/")).isEqualTo("versions  /");
        assertThat(route(map, "/v2.1")).isEqualTo("v21-doc /v2.1 ");
        assertThat(route(map, "/v2.1/")).isEqualTo("v21-doc /v2.1 /");
        assertThat(route(map, "/v2.1/servers/detail")).isEqualTo("v21-api /v2.1 /servers/detail");
        assertThat(route(map, "/v2/servers")).isEqualTo("v2-api /v2 /servers");
        assertThat(route(map, "/v2")).isEqualTo("v2-doc /v2 ");
        assertThat(route(map, "/v2.10/servers")).isEqualTo("versions  /v2.10/servers");
    }

    @Test
    void repeatedSlashesAreCollapsedBeforeMatching() throws Exception {
        assertThat(route(novaMap(), "//v2.1//servers")).isEqualTo("v21-api /v2.1 /servers");
    }

    @Test
    void versionInAcceptOrContentTypeChoosesTheAppWithoutMovingThePath() throws Exception {
        Request accept = Request.of("GET", "/", null);
        accept.headers().add("Accept", "application/vnd.openstack.compute+json;version=2.1");
        assertThat(novaMap().handle(accept).bodyText()).isEqualTo("v21-doc /v2.1 /");
        assertThat(accept.<String>attribute(UrlMap.BEST_CONTENT_TYPE)).contains("application/vnd.openstack.compute+json");

        Request contentType = Request.of("GET", "/", null);
        contentType.headers().add("Content-Type", "application/json; version=2");
        assertThat(novaMap().handle(contentType).bodyText()).isEqualTo("v2-doc /v2 /");
    }

    @Test
    void pasteMapTreatsPlusLiterallyAndAnswersUnknownPathsWithWebob404() throws Exception {
        Map<String, App> prefixes = new LinkedHashMap<>();
        prefixes.put("/a", named("a"));
        prefixes.put("/a/+", named("plus"));
        UrlMap map = UrlMap.of(prefixes, false);
        assertThat(route(map, "/a/b")).isEqualTo("a /a /b");
        Response missing = map.handle(Request.of("GET", "/b", null));
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.headers().first("Content-Type")).contains("text/html; charset=UTF-8");
        assertThat(missing.body()).hasSize(154);
        assertThat(missing.bodyText()).contains("<title>404 Not Found</title>", "The resource could not be found.");
    }

    @Test
    void domainEntriesOnlyServeTheirHost() throws Exception {
        Map<String, App> prefixes = new LinkedHashMap<>();
        prefixes.put("domain api.example.com /", named("api"));
        prefixes.put("/", named("other"));
        UrlMap map = UrlMap.of(prefixes, false);
        Request forApi = new Request("GET", "http", "API.example.com:8774", "", "/x", "", new Headers(), null, "");
        assertThat(map.handle(forApi).bodyText()).startsWith("api");
        assertThat(route(map, "/x")).startsWith("other");
    }
}
