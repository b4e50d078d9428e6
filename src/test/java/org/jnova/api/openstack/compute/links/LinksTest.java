package org.jnova.api.openstack.compute.links;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jnova.api.RequestAttributes;
import org.jnova.api.openstack.ApiRequest;
import org.jnova.api.openstack.ApiVersionRequest;
import org.jnova.api.openstack.PolicyCheck;
import org.jnova.context.RequestContext;
import org.jnova.wsgi.Headers;
import org.jnova.wsgi.Request;
import org.junit.jupiter.api.Test;

/** Item and "next" links as nova's ViewBuilder makes them. */
class LinksTest {
    private static ApiRequest request(String pathInfo, String query) {
        Request raw = new Request("GET", "http", "api.example:8774", "/v2.1", pathInfo, query, new Headers(),
                new byte[0], "127.0.0.1");
        raw.setAttribute(RequestAttributes.CONTEXT, RequestContext.project("u", "abc123", List.of(), false, "req-1"));
        return new ApiRequest(raw, ApiVersionRequest.of("2.1"), false, Map.of(), Map.of("limit", List.of("2")),
                MissingNode.getInstance(), PolicyCheck.ALLOW_ALL);
    }

    @Test
    void itemLinksAndNextLinkKeepTheQueryAndProjectInUrl() {
        Links links = new Links(Optional.empty(), 1000);
        ApiRequest req = request("/abc123/flavors", "sort_dir=desc&limit=2");
        assertThat(links.itemLinks(req, "flavors", "7")).containsExactly(
                Map.of("rel", "self", "href", "http://api.example:8774/v2.1/abc123/flavors/7"),
                Map.of("rel", "bookmark", "href", "http://api.example:8774/abc123/flavors/7"));
        assertThat(links.collectionLinks(req, 2, "7", "flavors")).containsExactly(Map.of("rel", "next", "href",
                "http://api.example:8774/v2.1/abc123/flavors?limit=2&sort_dir=desc&marker=7"));
        assertThat(links.collectionLinks(req, 1, "7", "flavors")).isEmpty();
    }

    @Test
    void computeLinkPrefixReplacesSchemeHostAndPrependsItsPath() {
        Links links = new Links(Optional.of("https://cloud.example/compute"), 1000);
        ApiRequest req = request("/flavors", "");
        assertThat(links.href(req, "flavors", "1")).isEqualTo("https://cloud.example/compute/v2.1/flavors/1");
        assertThat(links.bookmark(req, "flavors", "1")).isEqualTo("https://cloud.example/compute/flavors/1");
        // nova joins the prefix path and the URL path as they are: a trailing slash doubles
        Links slashed = new Links(Optional.of("https://cloud.example/compute/"), 1000);
        assertThat(slashed.href(req, "flavors", "1")).isEqualTo("https://cloud.example/compute//v2.1/flavors/1");
    }

    @Test
    void bookmarkDropsOnlyTheVersionOfTheApplicationUrl() {
        assertThat(Links.withoutVersion("http://h/compute/v2.1")).isEqualTo("http://h/compute");
        assertThat(Links.withoutVersion("http://h/v2")).isEqualTo("http://h");
        assertThat(Links.withoutVersion("http://h")).isEqualTo("http://h");
    }

    @Test
    void limitIsCappedAtMaxLimit() {
        Links links = new Links(Optional.empty(), 1);
        ApiRequest req = request("/flavors", "limit=2");
        assertThat(links.limit(req)).isEqualTo(1);
        assertThat(links.collectionLinks(req, 1, "x", "flavors")).hasSize(1);
    }

    @Test
    void nextLinkKeepsAnAskedMarkerInItsSortedPlaceAndAddsANewOneLast() {
        Links links = new Links(Optional.empty(), 1000);
        assertThat(links.collectionLinks(request("/flavors", "sort_dir=asc&marker=a&limit=1"), 1, "b", "flavors"))
                .containsExactly(Map.of("rel", "next", "href",
                        "http://api.example:8774/v2.1/flavors?limit=1&marker=b&sort_dir=asc"));
        assertThat(links.collectionLinks(request("/flavors", "sort_dir=asc&limit=%201%20"), 1, "b", "flavors"))
                .containsExactly(Map.of("rel", "next", "href",
                        "http://api.example:8774/v2.1/flavors?limit=+1+&sort_dir=asc&marker=b"));
    }
}
