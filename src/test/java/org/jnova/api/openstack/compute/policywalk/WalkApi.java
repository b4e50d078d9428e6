package org.jnova.api.openstack.compute.policywalk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jnova.api.RequestAttributes;
import org.jnova.compute.SeedData;
import org.jnova.wsgi.App;
import org.jnova.wsgi.Request;
import org.jnova.wsgi.Response;

/**
 * Calls the production v2.1 router directly as a persona (the RequestContext a Keystone token
 * would give), and creates the data the walk needs through it.
 */
final class WalkApi {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final App router;
    private final AtomicInteger counter = new AtomicInteger();
    private final Map<String, String> shared = new ConcurrentHashMap<>();
    private final java.util.List<String> servers = new java.util.ArrayList<>();

    WalkApi(App router) {
        this.router = router;
    }

    /** One answer of the router. */
    record Reply(int status, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }
    }

    Reply call(Persona who, String method, String path, String body, String version) {
        return call(who.context(), who.toString(), method, path, body, version);
    }

    /** A call as any caller, e.g. one with a system-scoped token; {@code who} names it in failures. */
    Reply call(org.jnova.context.RequestContext context, String who, String method, String path, String body,
            String version) {
        Request request = Request.of(method, "/v2.1" + path, body == null ? null : body.getBytes(StandardCharsets.UTF_8));
        request.mount("/v2.1");
        if (body != null) {
            request.headers().set("Content-Type", "application/json");
        }
        if (version != null) {
            request.headers().set("OpenStack-API-Version", "compute " + version);
        }
        request.setAttribute(RequestAttributes.CONTEXT, context);
        Response response;
        try {
            response = router.handle(request);
        } catch (Exception e) {
            throw new AssertionError(method + " " + path + " as " + who + " escaped the router", e);
        }
        return new Reply(response.status(), response.body() == null ? "" : new String(response.body(), StandardCharsets.UTF_8));
    }

    Reply expect(int status, Persona who, String method, String path, String body, String version) {
        Reply r = call(who, method, path, body, version);
        if (r.status() != status) {
            throw new AssertionError("setup " + method + " " + path + " as " + who + ": " + r.status() + " " + r.body());
        }
        return r;
    }

    String unique(String prefix) {
        return prefix + "-" + counter.incrementAndGet();
    }

    /** A new ACTIVE server of project A (member A's), with metadata k=v and tag t. */
    String serverOfA() {
        return activeServer(Persona.MEMBER_A,
                "\"name\": \"" + unique("walk") + "\", \"metadata\": {\"k\": \"v\"}, \"tags\": [\"t\"]");
    }

    /**
     * A new ACTIVE server of {@code who} booted from the seed image with flavor 1; {@code fields}
     * are more members of the request's "server" object (booted at 2.52, so tags are allowed).
     */
    String activeServer(Persona who, String fields) {
        String body = "{\"server\": {" + fields + ", \"imageRef\": \"" + SeedData.CIRROS_IMAGE_ID
                + "\", \"flavorRef\": \"1\", \"networks\": \"auto\"}}";
        String id = expect(202, who, "POST", "/servers", body, "2.52").json().path("server").path("id").asText();
        created(id);
        Instant end = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(end)) {
            JsonNode server = expect(200, Persona.ADMIN_A, "GET", "/servers/" + id, null, "2.1").json().path("server");
            String status = server.path("status").asText();
            if (status.equals("ACTIVE")) {
                return id;
            }
            if (status.equals("ERROR")) {
                throw new AssertionError("server " + id + " went to ERROR: " + server.path("fault"));
            }
            sleep();
        }
        throw new AssertionError("server " + id + " never became ACTIVE");
    }

    /** A new server of project A, stopped, with share {@code shareId} attached (inactive). */
    String sharedServerOfA(String shareId) {
        String id = serverOfA();
        expect(202, Persona.MEMBER_A, "POST", "/servers/" + id + "/action", "{\"os-stop\": null}", "2.1");
        await("/servers/" + id, "2.1", s -> s.path("server").path("status").asText().equals("SHUTOFF"));
        expect(201, Persona.MEMBER_A, "POST", "/servers/" + id + "/shares",
                "{\"share\": {\"share_id\": \"" + shareId + "\"}}", "2.97");
        await("/servers/" + id + "/shares/" + shareId, "2.97",
                s -> s.path("share").path("status").asText().equals("inactive"));
        return id;
    }

    /** Polls {@code path} as admin A until {@code done} holds for its answer (30 s at most). */
    JsonNode await(String path, String version, java.util.function.Predicate<JsonNode> done) {
        Instant end = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(end)) {
            JsonNode answer = expect(200, Persona.ADMIN_A, "GET", path, null, version).json();
            if (done.test(answer)) {
                return answer;
            }
            sleep();
        }
        throw new AssertionError("GET " + path + " never reached the awaited state");
    }

    /** Remembers a server to delete at {@link #deleteServers()}. */
    void created(String server) {
        servers.add(server);
    }

    /** Deletes the servers made so far, so the fake host keeps room for the next ones. */
    void deleteServers() {
        for (String id : servers) {
            call(Persona.ADMIN_A, "POST", "/servers/" + id + "/action", "{\"forceDelete\": null}", "2.1");
            call(Persona.ADMIN_A, "DELETE", "/servers/" + id, null, "2.1");
        }
        servers.clear();
    }

    String keypairOf(Persona who) {
        String name = unique("kp");
        expect(200, who, "POST", "/os-keypairs", "{\"keypair\": {\"name\": \"" + name + "\"}}", "2.1");
        return name;
    }

    String securityGroupOfA() {
        return expect(200, Persona.MEMBER_A, "POST", "/os-security-groups", "{\"security_group\": {\"name\": \""
                + unique("secgroup") + "\", \"description\": \"\"}}", "2.1").json().path("security_group").path("id")
                .asText();
    }

    /** A TCP rule in a new group of A's. */
    String securityGroupRuleOfA() {
        return expect(200, Persona.MEMBER_A, "POST", "/os-security-group-rules", "{\"security_group_rule\": "
                + "{\"parent_group_id\": \"" + securityGroupOfA() + "\", \"ip_protocol\": \"tcp\", \"from_port\": 22, "
                + "\"to_port\": 22}}", "2.1").json().path("security_group_rule").path("id").asText();
    }

    String floatingIpOfA() {
        return expect(200, Persona.MEMBER_A, "POST", "/os-floating-ips", "{}", "2.1").json().path("floating_ip")
                .path("id").asText();
    }

    /** The id of the built-in network. */
    String builtInNetwork() {
        return expect(200, Persona.ADMIN_A, "GET", "/os-networks", null, "2.1").json().path("networks").path(0)
                .path("id").asText();
    }

    String serverGroupOfA() {
        return expect(200, Persona.MEMBER_A, "POST", "/os-server-groups",
                "{\"server_group\": {\"name\": \"" + unique("sg") + "\", \"policies\": [\"anti-affinity\"]}}", "2.1")
                .json().path("server_group").path("id").asText();
    }

    /** A 1 GiB volume of project A, made by its member through os-volumes. */
    String volumeOfA() {
        return expect(200, Persona.MEMBER_A, "POST", "/os-volumes", "{\"volume\": {\"size\": 1}}", "2.1").json()
                .path("volume").path("id").asText();
    }

    /** A snapshot of a new volume of project A, made by its member through os-snapshots. */
    String snapshotOfA() {
        return expect(200, Persona.MEMBER_A, "POST", "/os-snapshots", "{\"snapshot\": {\"volume_id\": \""
                + volumeOfA() + "\"}}", "2.1").json().path("snapshot").path("id").asText();
    }

    /** An aggregate holding the compute host. */
    String aggregate() {
        String id = expect(200, Persona.ADMIN_A, "POST", "/os-aggregates",
                "{\"aggregate\": {\"name\": \"" + unique("agg") + "\"}}", "2.1").json().path("aggregate").path("id")
                .asText();
        expect(200, Persona.ADMIN_A, "POST", "/os-aggregates/" + id + "/action",
                "{\"add_host\": {\"host\": \"" + computeHost() + "\"}}", "2.1");
        return id;
    }

    /** A private flavor with extra spec k1=v1. */
    String flavor() {
        String id = expect(200, Persona.ADMIN_A, "POST", "/flavors", "{\"flavor\": {\"name\": \"" + unique("fl")
                + "\", \"ram\": 64, \"vcpus\": 1, \"disk\": 1, \"os-flavor-access:is_public\": false}}", "2.1")
                .json().path("flavor").path("id").asText();
        expect(200, Persona.ADMIN_A, "POST", "/flavors/" + id + "/os-extra_specs",
                "{\"extra_specs\": {\"k1\": \"v1\"}}", "2.1");
        expect(200, Persona.ADMIN_A, "POST", "/flavors/" + id + "/action",
                "{\"addTenantAccess\": {\"tenant\": \"" + Persona.Projects.A + "\"}}", "2.1");
        return id;
    }

    String computeHost() {
        return shared.computeIfAbsent("host", k -> {
            for (JsonNode s : expect(200, Persona.ADMIN_A, "GET", "/os-services", null, "2.1").json().path("services")) {
                if (s.path("binary").asText().equals("nova-compute")) {
                    return s.path("host").asText();
                }
            }
            throw new AssertionError("no nova-compute service");
        });
    }

    JsonNode hypervisor() {
        return expect(200, Persona.ADMIN_A, "GET", "/os-hypervisors", null, "2.1").json().path("hypervisors").path(0);
    }

    String firstActionRequestId(String server) {
        return expect(200, Persona.ADMIN_A, "GET", "/servers/" + server + "/os-instance-actions", null, "2.1").json()
                .path("instanceActions").path(0).path("request_id").asText();
    }

    /** The id of the server's first port (its interface on the built-in network). */
    String firstPortId(String server) {
        return expect(200, Persona.ADMIN_A, "GET", "/servers/" + server + "/os-interface", null, "2.1").json()
                .path("interfaceAttachments").path(0).path("port_id").asText();
    }

    private static void sleep() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
