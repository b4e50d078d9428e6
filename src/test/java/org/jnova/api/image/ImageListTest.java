package org.jnova.api.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.jnova.api.image.ImageApiClient.Reply;
import org.jnova.testing.JnovaTestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** glance's image list filters, operators, sorting syntaxes and their 400s, on a real socket. */
class ImageListTest {
    private static final String P = "lister:lister";
    private static JnovaTestServer jnova;
    private static ImageApiClient api;
    private static String a;
    private static String b;
    private static String c;

    @BeforeAll
    static void start() throws Exception {
        String engine = org.jnova.db.TestDatabases.engines().get(0);
        jnova = JnovaTestServer.start(engine, "[DEFAULT]", "state_path = "
                + Files.createTempDirectory("jnova-image-list"));
        api = new ImageApiClient(jnova.startImage());
        a = api.create(P, "{\"name\": \"l-a\", \"disk_format\": \"raw\", \"container_format\": \"bare\", "
                + "\"tags\": [\"t1\", \"t2\"], \"os_distro\": \"cirros\", \"min_ram\": 512}");
        b = api.create(P, "{\"name\": \"l,b\", \"disk_format\": \"qcow2\", \"container_format\": \"bare\", "
                + "\"tags\": [\"t1\"], \"protected\": true, \"visibility\": \"private\"}");
        c = api.create(P, "{\"name\": \"l-c\", \"os_hidden\": true, \"visibility\": \"community\"}");
        assertEquals(204, api.call("PUT", "/v2/images/" + a + "/file", P, "application/octet-stream",
                new byte[100]).status());
        assertEquals(204, api.call("PUT", "/v2/images/" + b + "/file", P, "application/octet-stream",
                new byte[300]).status());
    }

    @AfterAll
    static void stop() throws Exception {
        api.call("PATCH", "/v2/images/" + b, P, ImageApiV2.PATCH_TYPE,
                "[{\"op\": \"replace\", \"path\": \"/protected\", \"value\": false}]".getBytes());
        jnova.close();
    }

    private static List<String> ids(String query) throws Exception {
        Reply r = api.get("/v2/images?owner=lister&" + query, P);
        assertEquals(200, r.status(), r.text());
        List<String> ids = new ArrayList<>();
        r.json().get("images").forEach(i -> ids.add(i.get("id").asText()));
        return ids;
    }

    /** The same images in any order (images made in the same second have no defined order). */
    private static void assertSame(List<String> expected, List<String> actual, String... message) {
        assertEquals(expected.stream().sorted().toList(), actual.stream().sorted().toList(), String.join("", message));
    }

    private static void assertRefused(String query, String explanation) throws Exception {
        Reply r = api.get("/v2/images?" + query, P);
        assertEquals(400, r.status(), query + ": " + r.text());
        assertTrue(r.text().contains(explanation), r.text());
    }

    @Test
    void filters() throws Exception {
        assertSame(List.of(b, a), ids(""), "hidden and community images are left out by default");
        assertSame(List.of(c), ids("os_hidden=true&visibility=community"));
        assertSame(List.of(a), ids("name=l-a"));
        assertSame(List.of(b, a), ids("name=in:l-a,%22l,b%22"));
        assertSame(List.of(a), ids("id=in:" + a + ",nothing"));
        assertSame(List.of(b), ids("disk_format=qcow2"));
        assertSame(List.of(b, a), ids("container_format=in:bare,ovf"));
        assertSame(List.of(b, a), ids("status=active"));
        assertSame(List.of(b), ids("visibility=private"));
        assertSame(List.of(b, a), ids("tag=t1"));
        assertSame(List.of(a), ids("tag=t1&tag=t2"));
        assertSame(List.of(b), ids("protected=true"));
        assertSame(List.of(a), ids("protected=false"));
        assertSame(List.of(b), ids("size_min=200"));
        assertSame(List.of(a), ids("size_max=200"));
        assertSame(List.of(a), ids("size_min=100&size_max=100"));
        assertSame(List.of(a), ids("os_distro=cirros"));
        assertSame(List.of(a), ids("min_ram=512"));
        assertSame(List.of(), ids("os_distro=ubuntu"));
        assertSame(List.of(b, a), ids("created_at=gte:2000-01-01T00:00:00Z"));
        assertSame(List.of(), ids("created_at=lt:2000-01-01T00:00:00Z"));
        assertSame(List.of(b, a), ids("updated_at=gt:2000-01-01"));
        assertSame(List.of(b, a), ids("created_at=neq:2000-01-01T00:00:00%2B02:00"));

        assertRefused("os_hidden=maybe", "Invalid value 'maybe' for 'os_hidden' filter.");
        assertRefused("protected=yes", "Invalid value 'yes' for 'protected' filter.");
        assertRefused("size_min=big", "Unable to filter on a range with a non-numeric value.");
        assertRefused("created_at=gte:yesterday", "Bad \"created_at\" query filter format. Use ISO 8601");
        assertRefused("created_at=after:2000-01-01T00:00:00Z", "Unable to filter on a unknown operator.");
        assertRefused("name=like:l-", "Unable to filter by unknown operator 'like'.");
        assertRefused("name=in:%22a", "The quote is not closed.");
        assertRefused("visibility=secret", "Invalid visibility value: secret");
        assertRefused("changes-since=2000-01-01", "The \"changes-since\" filter is no longer available on v2.");
    }

    @Test
    void sorting() throws Exception {
        // "l,b" sorts before "l-a"
        assertEquals(List.of(b, a), ids("sort_key=name&sort_dir=asc"));
        assertEquals(List.of(a, b), ids("sort_key=name&sort_dir=desc"));
        assertEquals(List.of(a, b), ids("sort=size:asc"));
        assertEquals(List.of(b, a), ids("sort=size"), "desc by default");
        assertEquals(List.of(b, a), ids("sort=disk_format:asc,name:desc"), "qcow2 before raw");
        assertEquals(List.of(b, a), ids("sort_key=container_format&sort_key=name&sort_dir=asc&sort_dir=asc"));
        assertRefused("sort=name:asc&sort_key=name", "Old and new sorting syntax cannot be combined");
        assertRefused("sort_key=name&sort_dir=asc&sort_dir=desc&sort_dir=asc",
                "Number of sort dirs does not match the number of sort keys");
        assertRefused("sort=name:up", "Invalid sort direction: up");
        assertRefused("sort_key=owner", "Invalid sort key: owner. It must be one of the following: name, status");
    }

    @Test
    void pagesFollowNextLinks() throws Exception {
        Reply first = api.get("/v2/images?owner=lister&limit=1&sort=name:asc", P);
        JsonNode body = first.json();
        assertEquals(List.of(b), List.of(body.get("images").get(0).get("id").asText()));
        String next = body.get("next").asText();
        assertTrue(next.endsWith("&marker=" + b), next);
        JsonNode second = api.get(next, P).json();
        assertEquals(a, second.get("images").get(0).get("id").asText());
        JsonNode third = api.get(second.get("next").asText(), P).json();
        assertEquals(0, third.get("images").size());
        assertFalse(third.has("next"));
    }

    @Test
    void osHiddenIsSetAndShown() throws Exception {
        JsonNode hidden = api.get("/v2/images/" + c, P).json();
        assertTrue(hidden.get("os_hidden").asBoolean());
        Reply unhidden = api.call("PATCH", "/v2/images/" + c, P, ImageApiV2.PATCH_TYPE,
                "[{\"op\": \"replace\", \"path\": \"/os_hidden\", \"value\": false}]".getBytes());
        assertEquals(200, unhidden.status(), unhidden.text());
        assertFalse(unhidden.json().get("os_hidden").asBoolean());
        assertTrue(ids("visibility=community").contains(c));
        assertEquals(400, api.call("PATCH", "/v2/images/" + c, P, ImageApiV2.PATCH_TYPE,
                "[{\"op\": \"replace\", \"path\": \"/os_hidden\", \"value\": \"no\"}]".getBytes()).status());
        api.call("PATCH", "/v2/images/" + c, P, ImageApiV2.PATCH_TYPE,
                "[{\"op\": \"replace\", \"path\": \"/os_hidden\", \"value\": true}]".getBytes());
    }
}
