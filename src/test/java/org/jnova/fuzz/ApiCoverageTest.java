package org.jnova.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.jnova.api.openstack.ApiVersionRequest;
import org.jnova.api.openstack.Microversions;
import org.jnova.testing.JnovaTestServer;
import org.jnova.testing.OpenApiConformance;
import org.junit.jupiter.api.Test;

/**
 * Every operation of nova's OpenAPI description (each server action counted apart) is served:
 * called as the admin with real fixture ids and a plausible body at the lowest and the highest
 * microversion it exists at (capped at jnova's maximum), it must not get the router's 404 (or
 * the 404 of a version nothing serves), a 5xx other than 501, or an answer the description does
 * not allow. Resource 404s, 400s and 409s are fine: the route exists. Operations that exist only
 * above jnova's maximum microversion are not called.
 */
class ApiCoverageTest {
    /**
     * Operations nobody has implemented yet, as "METHOD /v2.1/template" or
     * "POST /v2.1/template action". Remove a line when its operation is served: the test fails
     * on lines whose operation now works, so the list only shrinks.
     */
    private static final Set<String> NOT_YET = Set.of();

    /** Highest versions nova's controllers have where the description leaves the operation open. */
    private static final Map<String, String> MAX_NOT_IN_DESCRIPTION = Map.of(
            "POST /v2.1/os-baremetal-nodes/{id}/action", "2.35",  // a proxy API, like the rest of the resource
            // nova removed the whole of os-volumes_boot at 2.103; the file says so for DELETE only
            "GET /v2.1/os-volumes_boot", "2.102",
            "POST /v2.1/os-volumes_boot", "2.102",
            "GET /v2.1/os-volumes_boot/detail", "2.102",
            "GET /v2.1/os-volumes_boot/{id}", "2.102",
            "PUT /v2.1/os-volumes_boot/{id}", "2.102",
            "POST /v2.1/os-volumes_boot/{id}/action", "2.102");

    @Test
    void everyOperationIsServedAtItsLowestAndHighestVersion() throws Exception {
        ApiOperations api = ApiOperations.load(OpenApiConformance.DEFAULT_FILE);
        Path instances = Files.createTempDirectory("jnova-coverage-instances");
        try (JnovaTestServer jnova = JnovaTestServer.start("sqlite", "[DEFAULT]", "instances_path = " + instances)) {
            FuzzFixtures fixtures = new FuzzFixtures(jnova).create();
            // the metadata key the fixtures name ("k1"), on the image too
            assertThat(jnova.call("POST", "/images/" + fixtures.id("images", FuzzFixtures.Owner.A) + "/metadata",
                    "{\"metadata\": {\"k1\": \"v1\"}}", "2.1", "admin:admin").status()).isEqualTo(200);
            BodyFuzzer bodies = new BodyFuzzer(api::resolve, new Random(20261207L), fixtures::hint);
            List<String> failures = new ArrayList<>();
            Set<String> nowServed = new TreeSet<>();
            Set<String> stillMissing = new TreeSet<>();
            int calls = 0;
            for (ApiOperations.Operation op : inCallOrder(api.operations())) {
                String label = op.method() + " " + op.template() + (op.action() == null ? "" : " " + op.action());
                String[] range = versions(api, op);
                if (range == null) {
                    continue;
                }
                boolean served = false;
                List<String> problems = new ArrayList<>();
                for (String version : range[0].equals(range[1]) ? List.of(range[0]) : List.of(range[0], range[1])) {
                    byte[] body = op.body() == null ? null : bodies.plausible(op.body(), version);
                    String path = fill(op, fixtures);
                    JnovaTestServer.Reply reply = jnova.call(op.method(), path,
                            body == null ? null : new String(body, StandardCharsets.UTF_8), version, "admin:admin");
                    calls++;
                    String at = label + " at " + version + " -> " + reply.status();
                    if (notRouted(reply)) {
                        problems.add(at + ": not routed " + reply.body().strip().replaceAll("\\s+", " "));
                        continue;
                    }
                    served = true;
                    if (reply.status() >= 500 && reply.status() != 501) {
                        problems.add(at + ": " + reply.body());
                        continue;
                    }
                    if (op.action() != null && reply.status() < 300) {
                        // the description has one success response per action URL, not one per action
                        continue;
                    }
                    JsonNode json = reply.body().isBlank() ? null : reply.json();
                    List<String> violations = OpenApiConformance.get().violations(op.method(), op.template(),
                            reply.status(), version, json);
                    if (!violations.isEmpty()) {
                        problems.add(at + ": " + violations + " body " + reply.body());
                    }
                }
                if (NOT_YET.contains(label)) {
                    (served ? nowServed : stillMissing).add(label);
                    if (served) {
                        failures.addAll(problems);
                    }
                } else {
                    failures.addAll(problems);
                }
            }
            System.out.println("api coverage: " + calls + " calls, " + stillMissing.size()
                    + " operations allowed to be missing");
            nowServed.forEach(label -> failures.add(label + ": served now, remove it from NOT_YET"));
            Set<String> unknown = new TreeSet<>(NOT_YET);
            unknown.removeAll(stillMissing);
            unknown.removeAll(nowServed);
            unknown.forEach(label -> failures.add(label + ": in NOT_YET but no operation jnova could serve"));
            assertThat(failures).as("operations not served, or answered wrongly, and NOT_YET out of date").isEmpty();
        }
    }

    /** Reads first, deletions last, so that most calls find the fixtures as they were made. */
    private static List<ApiOperations.Operation> inCallOrder(List<ApiOperations.Operation> all) {
        List<String> order = List.of("GET", "POST", "PUT", "DELETE");
        return all.stream().sorted(Comparator.comparing((ApiOperations.Operation op) -> "forceDelete".equals(op.action()))
                .thenComparing(op -> order.indexOf(op.method()))).toList();
    }

    /**
     * The lowest and highest version the operation exists at, capped at jnova's maximum; null
     * when it only exists above it. An action's range is its schema's (or its variants' span).
     */
    private static String[] versions(ApiOperations api, ApiOperations.Operation op) {
        JsonNode x = api.node(op).path("x-openstack");
        ApiVersionRequest min = ApiVersionRequest.parse(x.path("min-ver").asText("2.1"));
        ApiVersionRequest max = ApiVersionRequest.parse(x.path("max-ver").asText(
                MAX_NOT_IN_DESCRIPTION.getOrDefault(op.method() + " " + op.template(), Microversions.MAX)));
        if (op.action() != null) {
            ApiVersionRequest[] action = actionRange(api, op.body());
            min = action[0].compareTo(min) > 0 ? action[0] : min;
            max = action[1].compareTo(max) < 0 ? action[1] : max;
        }
        ApiVersionRequest jnovaMax = ApiVersionRequest.parse(Microversions.MAX);
        if (max.compareTo(jnovaMax) > 0) {
            max = jnovaMax;
        }
        if (min.compareTo(max) > 0) {
            return null;
        }
        return new String[] {min.toString(), max.toString()};
    }

    private static ApiVersionRequest[] actionRange(ApiOperations api, JsonNode schema) {
        JsonNode x = schema.path("x-openstack");
        if (x.has("min-ver") || x.has("max-ver") || !schema.has("oneOf")) {
            return new ApiVersionRequest[] {ApiVersionRequest.parse(x.path("min-ver").asText("2.1")),
                ApiVersionRequest.parse(x.path("max-ver").asText("2.1000"))};
        }
        ApiVersionRequest low = null;
        ApiVersionRequest high = null;
        for (JsonNode variant : schema.get("oneOf")) {
            ApiVersionRequest[] r = actionRange(api, api.resolve(variant));
            low = low == null || r[0].compareTo(low) < 0 ? r[0] : low;
            high = high == null || r[1].compareTo(high) > 0 ? r[1] : high;
        }
        return new ApiVersionRequest[] {low, high};
    }

    /** The path without /v2.1, each placeholder filled with project A's fixture after the collection it follows. */
    private static String fill(ApiOperations.Operation op, FuzzFixtures fixtures) {
        String out = op.template().substring("/v2.1".length());
        for (String name : op.pathParameters()) {
            String marker = "{" + name + "}";
            int at = out.indexOf(marker);
            String before = out.substring(0, at);
            String collection = before.substring(before.lastIndexOf('/', before.length() - 2) + 1, before.length() - 1);
            out = before + fixtures.id(collection, FuzzFixtures.Owner.A) + out.substring(at + marker.length());
        }
        return out;
    }

    /** The router's HTML 404, or the JSON 404 of a route no method serves at the version. */
    private static boolean notRouted(JnovaTestServer.Reply reply) {
        if (reply.status() != 404) {
            return false;
        }
        String body = reply.body();
        return body.startsWith("<html>") || body.isBlank()
                || body.contains("\"message\": \"The resource could not be found.\"")
                || body.contains("\"message\":\"The resource could not be found.\"");
    }
}
