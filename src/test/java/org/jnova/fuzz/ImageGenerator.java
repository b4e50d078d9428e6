package org.jnova.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Hostile Image v2 requests: each of jnova's image routes in turn, as the admin, a member of
 * project A (whose images the fixtures hold), of project B, anonymous or with a junk token,
 * with one hostile change: list filters, sorting, marker and limit; creation bodies; JSON
 * patches; data uploads, stages and ranged downloads; member and import bodies; tags; the
 * headers or the path.
 */
final class ImageGenerator extends ServiceGenerator<String> {
    static final String PATCH_TYPE = "application/openstack-images-v2.1-json-patch";
    static final List<String> ROUTES = List.of("GET /", "GET /versions", "GET /v2/images", "POST /v2/images",
            "GET /v2/images/{id}", "PATCH /v2/images/{id}", "DELETE /v2/images/{id}", "PUT /v2/images/{id}/file",
            "GET /v2/images/{id}/file", "PUT /v2/images/{id}/stage", "POST /v2/images/{id}/import",
            "POST /v2/images/{id}/actions/deactivate", "POST /v2/images/{id}/actions/reactivate",
            "GET /v2/images/{id}/members", "POST /v2/images/{id}/members", "GET /v2/images/{id}/members/{member}",
            "PUT /v2/images/{id}/members/{member}", "DELETE /v2/images/{id}/members/{member}",
            "PUT /v2/images/{id}/tags/{tag}", "DELETE /v2/images/{id}/tags/{tag}", "GET /v2/schemas/image",
            "GET /v2/schemas/images", "GET /v2/schemas/member", "GET /v2/schemas/members", "GET /v2/info/import",
            "GET /v2/info/stores");
    private static final List<String> FILTERS = List.of("name", "id", "status", "visibility", "member_status",
            "owner", "checksum", "os_hash_value", "min_ram", "min_disk", "size", "size_min", "size_max", "tag",
            "protected", "os_hidden", "created_at", "updated_at", "disk_format", "container_format", "min_ram_min",
            "fuzzprop", "changes-since", "limit", "marker", "sort", "sort_key", "sort_dir");
    private static final List<String> PATCH_OPS = List.of("add", "replace", "remove", "test", "move", "copy", "",
            "ADD", "fuzz");
    private static final List<String> PATCH_PATHS = List.of("/name", "/tags", "/visibility", "/protected",
            "/min_ram", "/min_disk", "/fuzzprop", "/locations", "/locations/0", "/locations/-", "/status", "/id",
            "/tags/0", "/tags/-", "/-", "", "/", "name", "/a~1b", "/~2", "/" + "a".repeat(300), "/os_hidden",
            "/owner", "/checksum", "/disk_format", "/container_format", "/self", "/file", "/schema", "/size",
            "/virtual_size", "/properties/x", "/os_glance_import_task", "/name/x", "/created_at", "/direct_url",
            "/os_hash_value", "/%00", "/\u00e9", "/tags/999999999999");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the generator aims at. */
    interface Targets {
        /** An image id: "own" (project A's, shared with B), "other" (B's private), "queued" (A's, no data), "public". */
        String image(String which);

        /** The JSON schema glance publishes for an image ({@code /v2/schemas/image}). */
        JsonNode imageSchema();

        /** What a member of project A must never be shown. */
        List<String> unseen();
    }

    private enum Persona {
        ADMIN("admin:admin"), MEMBER_A("alice:" + FuzzFixtures.PROJECT_A), MEMBER_B("bob:" + FuzzFixtures.PROJECT_B),
        NO_TOKEN(null), BAD_TOKEN(null);

        final String token;

        Persona(String token) {
            this.token = token;
        }
    }

    private final Targets ids;
    private final BodyFuzzer bodies;
    private int names;

    ImageGenerator(Targets ids, long seed) {
        super(seed, ROUTES);
        this.ids = ids;
        this.bodies = new BodyFuzzer(Function.identity(), random, field -> null);
    }

    @Override
    FuzzRequest next() {
        String route = target();
        int space = route.indexOf(' ');
        String method = route.substring(0, space);
        String template = route.substring(space + 1);
        Persona persona = weighted(Persona.MEMBER_A, 40, Persona.ADMIN, 25, Persona.MEMBER_B, 20, Persona.NO_TOKEN,
                7, Persona.BAD_TOKEN, 8);
        String which = template.endsWith("/file") || template.endsWith("/stage") || template.endsWith("/import")
                ? weighted("queued", 60, "own", 20, "other", 10, "public", 10)
                : weighted("own", 55, "other", 20, "queued", 10, "public", 15);
        if (which.equals("other") && (persona == Persona.ADMIN || persona == Persona.MEMBER_B)) {
            // B's private image stays as made: only those who must not see it aim at it
            which = persona == Persona.ADMIN ? "public" : "own";
        }
        String path = fill(template, ids.image(which), FuzzFixtures.PROJECT_B, "tag1");
        List<String[]> headers = new ArrayList<>();
        if (persona.token != null) {
            headers.add(h("X-Auth-Token", persona.token));
        } else if (persona == Persona.BAD_TOKEN) {
            headers.add(h("X-Auth-Token", Hostile.wire(pick(Hostile.TOKENS))));
        }
        byte[] body = plausible(method, template);
        String query = "";
        String kind;
        boolean chunked = false;
        boolean shortBody = false;
        boolean data = template.endsWith("/file") || template.endsWith("/stage");
        String axis = weighted("body", body != null ? 45 : 5, "query", template.equals("/v2/images") && method.equals(
                "GET") ? 60 : 5, "header", 20, "path", template.contains("{") ? 25 : 8, "data", data ? 30 : 0);
        switch (axis) {
            case "body" -> {
                BodyFuzzer.Body b = body(method, template, body);
                body = b.bytes();
                kind = b.mutation();
            }
            case "query" -> {
                String[] q = query();
                query = q[0];
                kind = q[1];
            }
            case "path" -> {
                String choice = template.contains("{") ? weighted("junk-id", 50, "junk-member", template.contains(
                        "{member}") ? 20 : 0, "junk-tag", template.contains("{tag}") ? 20 : 0, "shape", 15)
                        : "shape";
                kind = "path:" + choice;
                path = switch (choice) {
                    case "junk-id" -> fill(template, pick(Hostile.IDS), FuzzFixtures.PROJECT_B, "tag1");
                    case "junk-member" -> fill(template, ids.image(which), pick(Hostile.IDS), "tag1");
                    case "junk-tag" -> fill(template, ids.image(which), FuzzFixtures.PROJECT_B, pick(Hostile.IDS));
                    default -> shape(path);
                };
            }
            case "data" -> {
                kind = "data:" + data(method, headers);
                if (method.equals("PUT")) {
                    byte[] bytes = new byte[random.nextInt(0, 4096)];
                    random.nextBytes(bytes);
                    body = bytes;
                }
            }
            default -> {
                HeaderEffect effect = HeaderEffect.of(header(headers, body != null), method, body,
                        utf8("{}"));
                kind = effect.kind();
                method = effect.method();
                body = effect.body();
                chunked = effect.chunked();
                shortBody = effect.shortBody();
            }
        }
        if (body != null && !has(headers, "Content-Type")) {
            headers.add(h("Content-Type", data ? "application/octet-stream" : method.equals("PATCH") ? PATCH_TYPE
                    : "application/json"));
        }
        String uri = path + (query.isEmpty() ? "" : "?" + query);
        FuzzRequest r = new FuzzRequest(index, FuzzRequest.Api.IMAGE, route + " as " + persona, kind, method, uri,
                headers, body, chunked, shortBody, persona == Persona.MEMBER_A ? ids.unseen() : List.of());
        index++;
        return r;
    }

    private static String fill(String template, String id, String member, String tag) {
        return template.replace("{id}", id).replace("{member}", member).replace("{tag}", tag);
    }

    /** What the route would accept, or null when it takes no body. */
    private byte[] plausible(String method, String template) {
        return switch (method + " " + template) {
            case "POST /v2/images" -> utf8(createSample().toString());
            case "PATCH /v2/images/{id}" -> utf8("[{\"op\": \"replace\", \"path\": \"/name\", \"value\": \"fuzz-"
                    + names++ + "\"}]");
            case "POST /v2/images/{id}/members" -> utf8("{\"member\": \"" + FuzzFixtures.PROJECT_B + "\"}");
            case "PUT /v2/images/{id}/members/{member}" -> utf8("{\"status\": \"accepted\"}");
            case "POST /v2/images/{id}/import" -> utf8("{\"method\": {\"name\": \"glance-direct\"}}");
            case "PUT /v2/images/{id}/file", "PUT /v2/images/{id}/stage" -> new byte[] {1, 2, 3, 4};
            default -> null;
        };
    }

    private ObjectNode createSample() {
        ObjectNode o = JSON.createObjectNode();
        o.put("name", "fuzz-" + names++);
        o.put("disk_format", pick(List.of("raw", "qcow2", "ami", "iso")));
        o.put("container_format", pick(List.of("bare", "ami", "ovf")));
        o.put("visibility", pick(List.of("private", "shared", "community")));
        o.put("min_ram", random.nextInt(0, 512));
        o.putArray("tags").add("t" + random.nextInt(5));
        o.put("fuzzprop", "v");
        return o;
    }

    private BodyFuzzer.Body body(String method, String template, byte[] plausible) {
        if (method.equals("POST") && template.equals("/v2/images") && random.nextInt(3) == 0) {
            return bodies.next(ids.imageSchema(), "2.0");
        }
        if (method.equals("PATCH") && random.nextBoolean()) {
            return new BodyFuzzer.Body(utf8(patch()), "body:patch");
        }
        if (plausible == null || method.equals("PUT") && (template.endsWith("/file") || template.endsWith("/stage"))) {
            return new BodyFuzzer.Body(utf8(pick(Hostile.BODIES)), "body:non-data");
        }
        try {
            return bodies.change(JSON.readTree(plausible));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A JSON patch with hostile operations, paths and values (written as text: some values are not JSON). */
    private String patch() {
        List<String> ops = new ArrayList<>();
        int n = weighted(1, 70, 2, 15, 0, 5, 500, 5, 3, 5);
        for (int i = 0; i < n; i++) {
            List<String> fields = new ArrayList<>();
            if (random.nextInt(8) != 0) {
                fields.add("\"op\": " + (random.nextInt(6) == 0 ? pick(Hostile.JSON_OTHER_TYPES)
                        : JSON.valueToTree(pick(PATCH_OPS)).toString()));
            }
            if (random.nextInt(8) != 0) {
                fields.add("\"path\": " + (random.nextInt(6) == 0 ? pick(Hostile.JSON_OTHER_TYPES)
                        : JSON.valueToTree(pick(PATCH_PATHS)).toString()));
            }
            if (random.nextInt(5) != 0) {
                fields.add("\"value\": " + switch (random.nextInt(5)) {
                    case 0 -> pick(Hostile.JSON_NUMBERS);
                    case 1 -> pick(Hostile.JSON_OTHER_TYPES);
                    case 2 -> JSON.valueToTree(pick(Hostile.STRINGS)).toString();
                    case 3 -> "[" + "\"t\",".repeat(random.nextInt(0, 200)) + "\"t\"]";
                    default -> "{\"url\": \"file:///etc/passwd\", \"metadata\": {}}";
                });
            }
            if (random.nextInt(10) == 0) {
                fields.add("\"from\": " + JSON.valueToTree(pick(PATCH_PATHS)));
            }
            ops.add("{" + String.join(", ", fields) + "}");
        }
        return "[" + String.join(", ", ops) + "]";
    }

    /** Hostile list parameters and what they are. */
    private String[] query() {
        String choice = weighted("filter", 45, "sort", 20, "paging", 20, "repeat", 5, "unknown", 5, "many", 5);
        return switch (choice) {
            case "filter" -> {
                String name = pick(FILTERS);
                String value = switch (random.nextInt(4)) {
                    case 0 -> pick(List.of("in:", "in:a,b", "in:\"a,b\",c", "in:\"", "gt:", "gte:yesterday",
                            "lt:2020-13-45T99:99:99Z", "eq:", "neq:2020-01-01T00:00:00Z", "lte:" + "9".repeat(30),
                            "nin:a", "in:" + "a,".repeat(2000), "in:%22%22", "gt:2020-01-01T00:00:00%2B99:00"));
                    case 1 -> pick(Hostile.QUERY_INTS);
                    case 2 -> pick(Hostile.QUERY_BOOLS);
                    default -> queryValue(name);
                };
                yield new String[] {name + "=" + value, "query:filter"};
            }
            case "sort" -> new String[] {pick(List.of("sort=" + pick(List.of("name", "size:asc", "name:up",
                    ":", ",", "name:asc,", "junk", "a".repeat(300), "name:asc,size:desc,id:asc", "name:asc:desc",
                    "%00", "created_at:")), "sort_key=" + pick(Hostile.QUERY_SORT_KEYS) + "&sort_dir="
                    + pick(Hostile.QUERY_SORT_DIRS), "sort=name&sort_key=name", "sort_key=name&sort_key=size"
                    + "&sort_dir=asc&sort_dir=desc&sort_dir=asc", "sort_dir=asc")), "query:sort"};
            case "paging" -> new String[] {pick(List.of("limit=" + pick(Hostile.QUERY_INTS), "marker="
                    + pick(List.of("junk", "", ids.image("other"), ids.image("own"), "00000000-0000-0000-0000-"
                    + "000000000000", "x".repeat(2000), "%00", "%FF")), "limit=1&marker=" + ids.image("public"),
                    "limit=0", "limit=1&limit=abc", "marker=" + ids.image("other") + "&visibility=all")),
                "query:paging"};
            case "repeat" -> {
                String name = pick(FILTERS);
                yield new String[] {name + "=" + queryValue(name) + "&" + name + "=" + queryValue(name),
                    "query:repeat"};
            }
            case "many" -> {
                StringBuilder q = new StringBuilder();
                for (int i = 0; i < random.nextInt(50, 400); i++) {
                    q.append(i == 0 ? "" : "&").append(pick(FILTERS)).append('=').append(i);
                }
                yield new String[] {q.toString(), "query:many"};
            }
            default -> new String[] {oddQuery(), "query:unknown"};
        };
    }

    /** Hostile headers of an upload or download; returns what was done. */
    private String data(String method, List<String[]> headers) {
        if (method.equals("GET")) {
            String range = pick(List.of("bytes=0-0", "bytes=5-2", "bytes=-0", "bytes=99999999999999999999-",
                    "bytes=a-b", "items=0-1", "bytes=0-1,2-3", "bytes=--1", "bytes=", "bytes=-", "bytes=0-",
                    "bytes=-99999999999999999999", "bytes=9223372036854775807-", "bytes= 1 - 2 ", "bytes=1-2-3"));
            headers.add(h(random.nextInt(4) == 0 ? "Content-Range" : "Range", random.nextInt(4) == 0
                    ? pick(List.of("bytes 0-1/2", "bytes */*", "bytes 5-1/3", "bytes a-b/c", "junk")) : range));
            return "range";
        }
        switch (random.nextInt(3)) {
            case 0 -> headers.add(h("x-openstack-image-size", pick(List.of("-1", "abc", "99999999999999999999",
                    "0", "1e3", "9223372036854775807", " 4 ", "", "1.5"))));
            case 1 -> headers.add(h("Content-Type", pick(List.of("application/json", "", "application/octet-stream;"
                    + "a=b", "text/plain", "APPLICATION/OCTET-STREAM"))));
            default -> {
                return "bytes";
            }
        }
        return "size";
    }
}
