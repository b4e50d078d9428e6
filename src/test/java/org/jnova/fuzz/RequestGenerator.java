package org.jnova.fuzz;

import static org.jnova.fuzz.ServiceGenerator.METHODS;
import static org.jnova.fuzz.ServiceGenerator.addHuge;
import static org.jnova.fuzz.ServiceGenerator.encode;
import static org.jnova.fuzz.ServiceGenerator.h;
import static org.jnova.fuzz.ServiceGenerator.set;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.jnova.api.metadata.MetadataRequestHandler;
import org.jnova.fuzz.FuzzFixtures.Owner;
import org.jnova.fuzz.FuzzFixtures.Persona;

/**
 * The seeded sequence of hostile requests: it walks every Compute API operation of nova's
 * OpenAPI description and every metadata path in turn (in a shuffled order fixed by the
 * seed), and for each makes one request hostile in one respect - its body, its query
 * string, its headers or its path - at microversion 2.1 or the highest jnova offers, as
 * one of the personas. Given the same seed it makes the same requests; only the ids of
 * the fixtures it aims at differ from run to run.
 */
final class RequestGenerator {
    private static final List<String> GENERAL_QUERY = List.of("limit", "marker", "sort_key", "sort_dir",
            "changes-since", "name", "all_tenants", "detailed", "offset", "start");
    private static final List<String> INT_PARAMS = List.of("limit", "offset", "minRam", "minDisk", "page_size",
            "launch_index", "progress", "power_state", "min_ram", "min_disk");
    private static final List<String> DATE_PARAMS = List.of("changes-since", "changes-before", "start", "end",
            "created_at", "launched_at", "terminated_at");
    private static final List<String> BOOL_PARAMS = List.of("all_tenants", "all_projects", "deleted", "locked",
            "is_public", "hidden", "detailed", "with_servers", "soft_deleted", "config_drive", "auto_disk_config",
            "delete_info");
    /** Filters whose values are names, ids or patterns: they get regexes and odd strings. */
    private static final List<String> STRING_FILTERS = List.of("name", "display_name", "ip", "ip6", "hostname",
            "hypervisor_hostname_pattern", "description", "display_description", "host", "node", "image",
            "flavor", "key_name", "tags", "tags-any", "not-tags", "not-tags-any", "status", "uuid", "user_id",
            "project_id", "tenant_id", "reservation_id", "availability_zone", "binary", "zone", "source_compute",
            "migration_type", "instance_uuid", "server", "type");
    /** Query parameters nova matches as regular expressions (servers, hypervisors). */
    private static final List<String> REGEX_FILTERS = List.of("name", "display_name", "ip", "ip6", "hostname",
            "description", "display_description", "hypervisor_hostname_pattern", "host", "node");
    private static final String SECRET = FuzzRun.METADATA_SECRET;

    private final List<Object> targets = new ArrayList<>();
    private final FixtureIds fixtures;
    private final String maxVersion;
    private final SplittableRandom random;
    private final BodyFuzzer bodies;
    private int index;

    RequestGenerator(ApiOperations api, List<String> metadataTargets, FixtureIds fixtures, String maxVersion,
            long seed) {
        this.fixtures = fixtures;
        this.maxVersion = maxVersion;
        this.random = new SplittableRandom(seed);
        this.bodies = new BodyFuzzer(api::resolve, random, fixtures::hint);
        targets.addAll(api.operations());
        targets.addAll(metadataTargets);
        Draws.shuffle(random, targets);
    }

    /** How many operations and metadata paths one round covers. */
    int targetCount() {
        return targets.size();
    }

    FuzzRequest next() {
        Object target = targets.get(index % targets.size());
        FuzzRequest r = target instanceof ApiOperations.Operation op ? compute(op) : metadata((String) target);
        index++;
        return r;
    }

    // ---- Compute API ----

    private FuzzRequest compute(ApiOperations.Operation op) {
        Persona persona = weighted(Persona.MEMBER_A, 40, Persona.ADMIN, 30, Persona.MEMBER_B, 25, Persona.ANONYMOUS,
                5);
        String version = random.nextBoolean() ? "2.1" : maxVersion;
        String method = op.method();
        boolean hasParams = !op.pathParameters().isEmpty();
        boolean takesBody = op.body() != null || method.equals("POST") || method.equals("PUT");
        String axis = weighted("body", op.body() != null ? 50 : takesBody ? 10 : 4, "query",
                method.equals("GET") ? 30 : 8, "header", 20, "path", hasParams ? 22 : 8);

        String prefix = "/v2.1";
        Owner owner = persona == Persona.MEMBER_B && random.nextBoolean() ? Owner.B : Owner.A;
        String kind = axis;
        String path = fill(op, owner, null);
        String query = "";
        byte[] body = op.body() != null ? bodies.plausible(op.body(), version) : takesBody ? "{}".getBytes(
                StandardCharsets.UTF_8) : null;
        List<String[]> headers = new ArrayList<>();
        if (persona.token != null) {
            headers.add(h("X-Auth-Token", persona.token));
        }
        headers.add(h("OpenStack-API-Version", "compute " + version));
        boolean chunked = false;
        boolean shortBody = false;
        switch (axis) {
            case "body" -> {
                BodyFuzzer.Body b = bodies.next(op.body(), version);
                body = b.bytes();
                kind = b.mutation();
            }
            case "query" -> {
                String[] q = query(op);
                query = q[0];
                kind = q[1];
            }
            case "path" -> {
                String choice = hasParams ? weighted("junk-id", 45, "other-project", 25, "project-prefix", 10,
                        "shape", 20) : weighted("project-prefix", 30, "shape", 70);
                kind = "path:" + choice;
                switch (choice) {
                    case "junk-id" -> path = fill(op, owner, pick(Hostile.IDS));
                    case "other-project" -> path = fill(op, owner == Owner.A ? Owner.B : Owner.A, null);
                    case "project-prefix" -> prefix = "/v2.1/" + pick(List.of(FuzzFixtures.PROJECT_B,
                            FuzzFixtures.PROJECT_A, "admin", "%00", "..", "a".repeat(300)));
                    default -> path = shape(path);
                }
            }
            default -> {
                String[] changed = header(headers, body != null);
                kind = "header:" + changed[0];
                if (changed[0].equals("chunked")) {
                    chunked = true;
                    if (body == null) {
                        body = "{}".getBytes(StandardCharsets.UTF_8);
                    }
                } else if (changed[0].equals("short-body")) {
                    shortBody = true;
                    if (body == null) {
                        body = "{}".getBytes(StandardCharsets.UTF_8);
                    }
                } else if (changed[0].equals("method")) {
                    method = changed[1];
                }
            }
        }
        if (random.nextInt(10) == 0 && !axis.equals("path")) {
            prefix = "/v2";
        }
        if (body != null && headers.stream().noneMatch(x -> x[0].equalsIgnoreCase("Content-Type"))) {
            headers.add(h("Content-Type", "application/json"));
        }
        if (random.nextBoolean() && headers.stream().noneMatch(x -> x[0].equalsIgnoreCase("Accept"))) {
            headers.add(h("Accept", "application/json"));
        }
        String uri = prefix + path + (query.isEmpty() ? "" : "?" + query);
        return new FuzzRequest(index, FuzzRequest.Api.COMPUTE, op.label() + " as " + persona + " at " + version, kind,
                method, uri, headers, body, chunked, shortBody);
    }

    /** The path of the operation (without /v2.1), its parameters filled with owner's ids, or junk for one of them. */
    private String fill(ApiOperations.Operation op, Owner owner, String junk) {
        String template = op.template().substring("/v2.1".length());
        List<String> params = op.pathParameters();
        int junkAt = junk == null || params.isEmpty() ? -1 : random.nextInt(params.size());
        String out = template;
        for (int i = 0; i < params.size(); i++) {
            String name = params.get(i);
            String marker = "{" + name + "}";
            int at = out.indexOf(marker);
            String before = out.substring(0, at);
            String collection = before.substring(before.lastIndexOf('/', before.length() - 2) + 1,
                    before.length() - 1);
            String value = i == junkAt ? junk : fixtures.id(collection, owner);
            out = before + value + out.substring(at + marker.length());
        }
        return out;
    }

    private String shape(String path) {
        return Draws.oddPath(random, path);
    }

    /** A hostile query string for the operation and what it is. */
    private String[] query(ApiOperations.Operation op) {
        List<String> declared = new ArrayList<>(op.query().keySet());
        List<String> names = declared.isEmpty() ? GENERAL_QUERY : declared;
        List<String> filters = names.stream().filter(REGEX_FILTERS::contains).toList();
        String choice = weighted("param", 45, "repeat", 15, "unknown", 15, "regex", filters.isEmpty() ? 10 : 35,
                "many", 5, "raw", 5);
        String name = pick(names);
        return switch (choice) {
            case "param" -> new String[] {name + "=" + queryValue(name), "query:" + valueClass(name)};
            case "repeat" -> new String[] {name + "=" + queryValue(name) + "&" + name + "=" + queryValue(name)
                    + (random.nextBoolean() ? "&" + name + "=" : ""), "query:repeat"};
            case "unknown" -> new String[] {pick(List.of("fuzz=1", "%ZZ=%ZZ", "=", "&&&", "a[]=1&a[b]=2", "a=%00",
                    "x".repeat(3000) + "=1", "limit", "limit=", "=limit", "%=%", "a=%C0%80", "a=%FF",
                    "__proto__=1", "a=1;b=2", "%3D=%26", "a==1", "a=b=c")), "query:unknown"};
            case "regex" -> new String[] {pick(filters.isEmpty() ? REGEX_FILTERS : filters) + "="
                    + pick(Hostile.QUERY_REGEXES), "query:regex"};
            case "many" -> {
                StringBuilder q = new StringBuilder();
                int n = random.nextInt(50, 400);
                for (int i = 0; i < n; i++) {
                    q.append(i == 0 ? "" : "&").append(pick(names)).append('=').append(i);
                }
                yield new String[] {q.toString(), "query:many"};
            }
            default -> new String[] {name + "=" + pick(List.of("a b", "a\"b", "<x>", "{}", "|", "^", "`", "\\",
                    "a#b", "%", "%%41")), "query:raw"};
        };
    }

    private String queryValue(String name) {
        return switch (valueClass(name)) {
            case "int" -> pick(Hostile.QUERY_INTS);
            case "date" -> pick(Hostile.QUERY_DATES);
            case "bool" -> pick(Hostile.QUERY_BOOLS);
            case "sort-key" -> pick(Hostile.QUERY_SORT_KEYS);
            case "sort-dir" -> pick(Hostile.QUERY_SORT_DIRS);
            case "marker" -> pick(List.of("junk", "00000000-0000-0000-0000-000000000000",
                    fixtures.id("servers", Owner.B), fixtures.id("os-keypairs", Owner.B), "", "x".repeat(2000),
                    "%00", "-1", "99999999999", fixtures.id("flavors", Owner.B), "..%2F..", "%FF"));
            case "regex" -> random.nextBoolean() ? pick(Hostile.QUERY_REGEXES) : encode(pick(Hostile.STRINGS));
            default -> random.nextBoolean() ? encode(pick(Hostile.STRINGS)) : pick(Hostile.IDS);
        };
    }

    private static String valueClass(String name) {
        if (INT_PARAMS.contains(name)) {
            return "int";
        }
        if (DATE_PARAMS.contains(name)) {
            return "date";
        }
        if (BOOL_PARAMS.contains(name)) {
            return "bool";
        }
        if (name.equals("sort_key")) {
            return "sort-key";
        }
        if (name.equals("sort_dir")) {
            return "sort-dir";
        }
        if (name.equals("marker")) {
            return "marker";
        }
        return STRING_FILTERS.contains(name) ? "regex" : "other";
    }

    /** Changes the headers; returns what was changed and, for a method change, the method. */
    private String[] header(List<String[]> headers, boolean hasBody) {
        String choice = weighted("microversion", 22, "content-type", hasBody ? 12 : 3, "accept", 10, "token", 14,
                "proxy", 6, "forwarded", 6, "huge", 6, "chunked", hasBody ? 6 : 2, "short-body", hasBody ? 4 : 1,
                "request-id", 4, "cors", 4, "method", 8);
        switch (choice) {
            case "microversion" -> {
                String value = Hostile.wire(pick(Hostile.MICROVERSIONS));
                switch (random.nextInt(4)) {
                    case 0 -> set(headers, "OpenStack-API-Version", value);
                    case 1 -> {
                        headers.removeIf(x -> x[0].equals("OpenStack-API-Version"));
                        headers.add(h("X-OpenStack-Nova-API-Version", value.replace("compute ", "")));
                    }
                    case 2 -> headers.add(h("OpenStack-API-Version", value));
                    default -> headers.add(h("X-OpenStack-Nova-API-Version", pick(List.of("2.1", "3.0", "junk",
                            "2.9999", "", maxVersion))));
                }
            }
            case "content-type" -> set(headers, "Content-Type", pick(Hostile.CONTENT_TYPES));
            case "accept" -> set(headers, "Accept", pick(Hostile.ACCEPTS));
            case "token" -> {
                if (random.nextInt(4) == 0) {
                    headers.removeIf(x -> x[0].equals("X-Auth-Token"));
                    headers.add(h("X-Auth-User", Hostile.wire(pick(Hostile.STRINGS)).replace("\r", "")
                            .replace("\n", "")));
                    headers.add(h("X-Auth-Project-Id", Hostile.wire(pick(Hostile.TOKENS))));
                } else {
                    set(headers, "X-Auth-Token", Hostile.wire(pick(Hostile.TOKENS)));
                }
            }
            case "proxy" -> {
                String server = fixtures.id("servers", Owner.A);
                headers.add(h("X-Instance-ID", server));
                headers.add(h("X-Instance-ID-Signature", MetadataRequestHandler.sign("guess", server)));
                headers.add(h("X-Tenant-ID", FuzzFixtures.PROJECT_A));
                headers.add(h("X-Forwarded-For", pick(List.of("127.0.0.1", "10.0.0.1, 127.0.0.1", "junk", ""))));
                headers.add(h("X-Metadata-Provider", "lb-1"));
            }
            case "forwarded" -> {
                switch (random.nextInt(5)) {
                    case 0 -> headers.add(h("X-Forwarded-Proto", pick(List.of("gopher", "", "https, http",
                            "javascript", "x".repeat(5000)))));
                    case 1 -> headers.add(h("Forwarded", pick(List.of("for=1.2.3.4;proto=javascript",
                            "proto=https;host=evil.example", "for=\"[::1", ";;;", "host=" + "a".repeat(5000)))));
                    case 2 -> headers.add(h("X-Forwarded-Host", pick(List.of("evil.example", "a".repeat(5000),
                            "x:99999", ":"))));
                    case 3 -> headers.add(h("X-Forwarded-Prefix", pick(List.of("/evil", "../..", "%00", ""))));
                    default -> headers.add(h("X-Forwarded-For", pick(List.of("junk", "1.2.3.4, " + "9".repeat(3000),
                            "::1", "999.999.999.999"))));
                }
            }
            case "huge" -> addHuge(random, headers);
            case "request-id" -> headers.add(h(pick(List.of("X-Openstack-Request-Id", "X-Compute-Request-Id",
                    "X-Openstack-Request-Id")), pick(List.of("req-junk", "x".repeat(5000), "", "req-%00",
                    "req-" + "0".repeat(36)))));
            case "cors" -> {
                headers.add(h("Origin", pick(List.of("http://evil.example", "null", "*", "x".repeat(3000)))));
                headers.add(h("Access-Control-Request-Method", pick(List.of("DELETE", "FUZZ", ""))));
                headers.add(h("Access-Control-Request-Headers", pick(List.of("X-Auth-Token", "*", "a,".repeat(500)))));
                if (random.nextBoolean()) {
                    return new String[] {"method", "OPTIONS"};
                }
            }
            case "method" -> {
                return new String[] {"method", pick(METHODS)};
            }
            default -> {
            }
        }
        return new String[] {choice, null};
    }

    // ---- metadata service ----

    private FuzzRequest metadata(String target) {
        int space = target.indexOf(' ');
        String method = target.substring(0, space);
        String path = target.substring(space + 1).replace("{os}", pick(MetadataTargets.OPENSTACK_VERSIONS))
                .replace("{ec2}", pick(MetadataTargets.EC2_VERSIONS));
        Owner owner = random.nextInt(4) == 0 ? Owner.B : Owner.A;
        List<String[]> headers = new ArrayList<>(proxyHeaders(owner));
        byte[] body = method.equals("POST") ? "fuzz-password".getBytes(StandardCharsets.UTF_8) : null;
        String axis = weighted("path", 30, "proxy", 35, "header", 15, "method", 10, "password", 10);
        String kind = "md:" + axis;
        switch (axis) {
            case "path" -> path = mdPath(path);
            case "proxy" -> kind = "md:proxy:" + forge(headers, owner);
            case "header" -> {
                String[] changed = header(headers, body != null);
                kind = "md:header:" + changed[0];
                if (changed[0].equals("method")) {
                    method = changed[1];
                }
            }
            case "method" -> {
                method = pick(METHODS);
                if (random.nextBoolean()) {
                    body = Hostile.BODIES.get(random.nextInt(Hostile.BODIES.size())).getBytes(StandardCharsets.UTF_8);
                }
            }
            default -> {
                method = "POST";
                path = "/openstack/" + pick(MetadataTargets.OPENSTACK_VERSIONS) + "/password";
                body = switch (random.nextInt(6)) {
                    case 0 -> "p".repeat(pick(List.of(1020, 1021, 5000, 100000))).getBytes(StandardCharsets.UTF_8);
                    case 1 -> Hostile.INVALID_UTF8.get(random.nextInt(Hostile.INVALID_UTF8.size()));
                    case 2 -> new byte[0];
                    case 3 -> Hostile.BODIES.get(random.nextInt(Hostile.BODIES.size())).getBytes(StandardCharsets.UTF_8);
                    case 4 -> {
                        byte[] b = new byte[random.nextInt(1, 1200)];
                        random.nextBytes(b);
                        yield b;
                    }
                    default -> Hostile.wire(pick(Hostile.STRINGS)).getBytes(StandardCharsets.ISO_8859_1);
                };
            }
        }
        return new FuzzRequest(index, FuzzRequest.Api.METADATA, target + " of " + owner, kind, method, path, headers,
                body, false, false);
    }

    private List<String[]> proxyHeaders(Owner owner) {
        String server = fixtures.id("servers", owner);
        return List.of(h("X-Instance-ID", server), h("X-Tenant-ID", owner == Owner.A ? FuzzFixtures.PROJECT_A
                : FuzzFixtures.PROJECT_B), h("X-Instance-ID-Signature", MetadataRequestHandler.sign(SECRET, server)));
    }

    private String mdPath(String path) {
        return switch (random.nextInt(9)) {
            case 0 -> path + "/" + pick(Hostile.IDS);
            case 1 -> path.replace("/", "//");
            case 2 -> path + "/" + "../".repeat(random.nextInt(1, 20)) + "etc/passwd";
            case 3 -> "/" + pick(Hostile.IDS) + path;
            case 4 -> path + "?" + pick(List.of("x=1", "%ZZ", "a=" + "b".repeat(5000), "&&", "=%00"));
            case 5 -> path + "/" + "x/".repeat(random.nextInt(1, 500));
            case 6 -> path.replace("/", "%2F");
            case 7 -> path + "%00.json";
            default -> path.substring(0, path.lastIndexOf('/') + 1) + pick(Hostile.IDS);
        };
    }

    /** Forges the proxy headers; returns how. */
    private String forge(List<String[]> headers, Owner owner) {
        String other = fixtures.id("servers", owner == Owner.A ? Owner.B : Owner.A);
        String how = weighted("bad-signature", 15, "missing", 15, "upper-case", 5, "repeated", 10, "junk-id", 15,
                "other-tenant", 10, "other-instance", 10, "provider", 15, "forwarded-for", 5);
        switch (how) {
            case "bad-signature" -> set(headers, "X-Instance-ID-Signature", pick(List.of("", "0", "x".repeat(64),
                    "z".repeat(5000), MetadataRequestHandler.sign("wrong-secret", fixtures.id("servers", owner)),
                    "%00", "\u00e9")));
            case "missing" -> headers.remove(random.nextInt(headers.size()));
            case "upper-case" -> set(headers, "X-Instance-ID-Signature", headers.get(2)[1].toUpperCase(
                    java.util.Locale.ROOT));
            case "repeated" -> headers.add(headers.get(random.nextInt(headers.size())).clone());
            case "junk-id" -> {
                String id = pick(Hostile.IDS);
                set(headers, "X-Instance-ID", id);
                set(headers, "X-Instance-ID-Signature", MetadataRequestHandler.sign(SECRET, id));
            }
            case "other-tenant" -> set(headers, "X-Tenant-ID", pick(List.of(owner == Owner.A ? FuzzFixtures.PROJECT_B
                    : FuzzFixtures.PROJECT_A, "", "admin", "x".repeat(5000), "%00")));
            case "other-instance" -> {
                set(headers, "X-Instance-ID", other);
                if (random.nextBoolean()) {
                    set(headers, "X-Instance-ID-Signature", MetadataRequestHandler.sign(SECRET, other));
                }
            }
            case "provider" -> {
                String provider = pick(List.of("lb-1", "", "x".repeat(3000), "%00", "\u00e9"));
                headers.add(h("X-Metadata-Provider", Hostile.wire(provider)));
                headers.add(h("X-Metadata-Provider-Signature", random.nextBoolean()
                        ? MetadataRequestHandler.sign(SECRET, provider) : "junk"));
                headers.add(h("X-Forwarded-For", pick(List.of("10.0.0.3", "junk", "", "1.2.3.4, 5.6.7.8",
                        "::1", "999.1.1.1", "1".repeat(3000)))));
            }
            default -> headers.add(h("X-Forwarded-For", pick(List.of("10.0.0.3", "junk", "", "::ffff:10.0.0.3"))));
        }
        return how;
    }

    // ---- helpers ----

    private <T> T pick(List<T> from) {
        return Draws.pick(random, from);
    }

    private <T> T weighted(Object... pairs) {
        return Draws.weighted(random, pairs);
    }
}
