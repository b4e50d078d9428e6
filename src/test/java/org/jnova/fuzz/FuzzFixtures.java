package org.jnova.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jnova.compute.SeedData;
import org.jnova.testing.JnovaTestServer;

/**
 * Real resources for the generator to aim at: for each of the projects A and B a server (with
 * metadata, a tag and an attached volume for A), a key pair, a server group and a volume; an
 * aggregate and a private flavor only B may use. Whatever the fuzzing deletes is made again by
 * {@link #refresh()}.
 */
final class FuzzFixtures implements FixtureIds {
    static final String PROJECT_A = "a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1";
    static final String PROJECT_B = "b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2";
    /** A well-formed RSA public key, so that key pair bodies get past the key to their other fields. */
    static final String PUBLIC_KEY = "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQCuZW3mCgai/kYSCClB9+S0"
            + "C9RuWUMP2InZFDCbqU/rn3MzOG8IdBQgDe1rv4LJxcOucptKt83vtCZIhPc5"
            + "ih6zYbf6FZ2fOagJhG8zwDqY9WLKBFSyzg5LpffENrqqw+k901We7uY5adHq"
            + "JFWoEfDuKTRCY2e60udYNXRwm9CrFvIyu8gTRCDD2kLoO5G91x0IClEmReql"
            + "EITzdhlXxl1f1xJ/ixGw5H25irxvVgHuo8epZ+pBcC0CdIeYO2Ua2VGAGR7+"
            + "USge+Qh6qInx9GnlNxAcrR/jPhN1ONYOhh91f3ciM9rc13tder9a3jJbdSV/"
            + "SV/n2KVGMCS7+Py0sZkX fuzz@jnova";

    /** Who sends a request (noauth2 tokens). */
    enum Persona {
        ADMIN("admin:admin"), MEMBER_A("alice:" + PROJECT_A), MEMBER_B("bob:" + PROJECT_B), ANONYMOUS(null);

        final String token;

        Persona(String token) {
            this.token = token;
        }
    }

    /** Whose resource a path names. */
    enum Owner { A, B }

    private final JnovaTestServer jnova;
    private final Map<String, String> ids = new HashMap<>();
    private int made;
    private int names;

    FuzzFixtures(JnovaTestServer jnova) {
        this.jnova = jnova;
    }

    /** Creates everything; the caller's time for this is not part of the fuzzing figures. */
    FuzzFixtures create() {
        for (Owner o : Owner.values()) {
            server(o);
            keypair(o);
            Persona who = member(o);
            ids.put("os-server-groups:" + o, call(who, "POST", "/os-server-groups",
                    "{\"server_group\": {\"name\": \"fuzz-sg\", \"policies\": [\"anti-affinity\"]}}", "2.1", 200)
                    .path("server_group").path("id").asText());
            ids.put("os-volumes:" + o, volume(who));
            ids.put("os-snapshots:" + o, call(who, "POST", "/os-snapshots", "{\"snapshot\": {\"volume_id\": \""
                    + ids.get("os-volumes:" + o) + "\"}}", "2.1", 200).path("snapshot").path("id").asText());
            securityGroup(o);
            floatingIp(o);
        }
        ids.put("os-networks:A", call(Persona.ADMIN, "GET", "/os-networks", null, "2.1", 200).path("networks").path(0)
                .path("id").asText());
        ids.put("os-networks:B", ids.get("os-networks:A"));
        String attached = volume(Persona.MEMBER_A);
        call(Persona.MEMBER_A, "POST", "/servers/" + id("servers", Owner.A) + "/os-volume_attachments",
                "{\"volumeAttachment\": {\"volumeId\": \"" + attached + "\"}}", "2.1", 200);
        ids.put("os-volume_attachments:A", attached);
        ids.put("os-volume_attachments:B", id("os-volumes", Owner.B));
        ids.put("os-aggregates:A", call(Persona.ADMIN, "POST", "/os-aggregates",
                "{\"aggregate\": {\"name\": \"fuzz-agg\"}}", "2.1", 200)
                .path("aggregate").path("id").asText());
        String host = computeHost();
        call(Persona.ADMIN, "POST", "/os-aggregates/" + ids.get("os-aggregates:A") + "/action",
                "{\"add_host\": {\"host\": \"" + host + "\"}}", "2.1", 200);
        ids.put("os-aggregates:B", "999999");
        String flavor = call(Persona.ADMIN, "POST", "/flavors", "{\"flavor\": {\"name\": \"fuzz-private\", \"ram\": 64,"
                + " \"vcpus\": 1, \"disk\": 1, \"os-flavor-access:is_public\": false}}", "2.1", 200)
                .path("flavor").path("id").asText();
        call(Persona.ADMIN, "POST", "/flavors/" + flavor + "/os-extra_specs", "{\"extra_specs\": {\"k1\": \"v1\"}}",
                "2.1", 200);
        call(Persona.ADMIN, "POST", "/flavors/" + flavor + "/action",
                "{\"addTenantAccess\": {\"tenant\": \"" + PROJECT_B + "\"}}", "2.1", 200);
        ids.put("flavors:A", call(Persona.ADMIN, "POST", "/flavors", "{\"flavor\": {\"name\": \"fuzz-public\","
                + " \"ram\": 64, \"vcpus\": 1, \"disk\": 1}}", "2.1", 200).path("flavor").path("id").asText());
        ids.put("flavors:B", flavor);
        for (Owner o : Owner.values()) {
            snapshot(o, true);
        }
        JsonNode hypervisor = call(Persona.ADMIN, "GET", "/os-hypervisors", null, "2.53", 200).path("hypervisors")
                .path(0);
        ids.put("os-hypervisors:A", hypervisor.path("id").asText());
        ids.put("os-hypervisors:B", hypervisor.path("hypervisor_hostname").asText());
        ids.put("os-hosts:A", host);
        ids.put("os-hosts:B", host);
        // the compute service is never a target: deleting it (an admin may) leaves no host to boot fixtures on
        ids.put("os-services:A", "999999");
        for (JsonNode service : call(Persona.ADMIN, "GET", "/os-services", null, "2.53", 200).path("services")) {
            if (!service.path("binary").asText().equals("nova-compute")) {
                ids.put("os-services:A", service.path("id").asText());
            }
        }
        ids.put("os-services:B", "00000000-0000-0000-0000-000000000000");
        return this;
    }

    /**
     * Undoes what the fuzzing may have done to the fixtures: restores default quotas, enables the
     * services, makes the servers, key pairs and snapshots again if they are gone or broken.
     */
    void refresh() {
        for (String project : List.of(PROJECT_A, PROJECT_B, "admin")) {
            reply(Persona.ADMIN, "DELETE", "/os-quota-sets/" + project, null, "2.1");
        }
        call(Persona.ADMIN, "PUT", "/os-quota-class-sets/default", "{\"quota_class_set\": {\"instances\": 10, "
                + "\"cores\": 20, \"ram\": 51200, \"key_pairs\": 100, \"server_groups\": 10, "
                + "\"server_group_members\": 10, \"metadata_items\": 128}}", "2.1", 200);
        for (JsonNode service : call(Persona.ADMIN, "GET", "/os-services", null, "2.53", 200).path("services")) {
            if (!service.path("status").asText().equals("enabled") || service.path("forced_down").asBoolean()) {
                call(Persona.ADMIN, "PUT", "/os-services/" + service.path("id").asText(),
                        "{\"status\": \"enabled\", \"forced_down\": false}", "2.53", 200);
            }
        }
        for (Owner o : Owner.values()) {
            JnovaTestServer.Reply r = reply(Persona.ADMIN, "GET", "/servers/" + id("servers", o), null, "2.1");
            String status = r.status() == 200 ? r.json().path("server").path("status").asText() : "";
            if (!status.equals("ACTIVE") && !status.equals("SHUTOFF") && !status.equals("PAUSED")
                    && !status.equals("SUSPENDED") && !status.equals("BUILD")) {
                if (r.status() == 200) {
                    remove(id("servers", o));
                }
                server(o);
            }
            if (reply(member(o), "GET", "/os-keypairs/" + id("os-keypairs", o), null, "2.1").status() != 200) {
                keypair(o);
            }
            if (reply(member(o), "GET", "/os-security-groups/" + id("os-security-groups", o), null, "2.1")
                    .status() != 200) {
                securityGroup(o);
            }
            if (reply(member(o), "GET", "/os-floating-ips/" + id("os-floating-ips", o), null, "2.1").status() != 200) {
                floatingIp(o);
            }
            if (reply(member(o), "GET", "/images/" + id("images", o), null, "2.1").status() != 200) {
                snapshot(o, false);
            }
        }
    }

    @Override
    public String id(String collection, Owner o) {
        String known = ids.get(collection + ":" + o);
        if (known != null) {
            return known;
        }
        return switch (collection) {
            case "os-volumes_boot" -> id("servers", o);
            case "os-quota-sets", "os-quota-class-sets", "os-simple-tenant-usage", "os-tenant-networks" ->
                    o == Owner.A ? PROJECT_A : PROJECT_B;
            case "metadata" -> "k1";
            case "tags" -> "tag1";
            case "os-extra_specs" -> "k1";
            case "os-instance-actions", "os-interface", "migrations", "ips" -> "1";
            case "extensions" -> "os-keypairs";
            case "versions" -> "v2.1";
            default -> "1";
        };
    }

    @Override
    public String hint(String field) {
        return switch (field) {
            case "imageRef", "image_ref", "image_id" -> SeedData.CIRROS_IMAGE_ID;
            case "flavorRef" -> "1";
            case "public_key" -> PUBLIC_KEY;
            case "key_name" -> id("os-keypairs", Owner.A);
            case "volumeId", "volume_id" -> id("os-volumes", Owner.A);
            case "host" -> ids.get("os-hosts:A");
            case "parent_group_id", "group_id" -> id("os-security-groups", Owner.A);
            case "address" -> ids.get("floating-address:A");
            case "pool" -> "public";
            case "tenant", "tenant_id", "project_id" -> PROJECT_B;
            case "name" -> "fuzz-" + (names++ % 97);
            default -> null;
        };
    }

    /** The project of a persona. */
    static String project(Persona p) {
        return switch (p) {
            case ADMIN -> "admin";
            case MEMBER_A -> PROJECT_A;
            case MEMBER_B -> PROJECT_B;
            case ANONYMOUS -> "";
        };
    }

    static Persona member(Owner o) {
        return o == Owner.A ? Persona.MEMBER_A : Persona.MEMBER_B;
    }

    private void server(Owner o) {
        String body = "{\"server\": {\"name\": \"" + serverName(o) + "\", \"imageRef\": \"" + SeedData.CIRROS_IMAGE_ID
                + "\", \"flavorRef\": \"1\", \"networks\": \"auto\", \"metadata\": {\"k1\": \"v1\"}, \"tags\": [\"tag1\"]}}";
        JnovaTestServer.Reply created = reply(member(o), "POST", "/servers", body, "2.52");
        if (created.status() == 403) {
            purge(o);
            created = reply(member(o), "POST", "/servers", body, "2.52");
        }
        if (created.status() != 202) {
            throw new AssertionError("fixture server of " + o + ": " + created.status() + " " + created.body());
        }
        String id = created.json().path("server").path("id").asText();
        for (int i = 0; i < 1500; i++) {
            String status = call(Persona.ADMIN, "GET", "/servers/" + id, null, "2.1", 200).path("server")
                    .path("status").asText();
            if (status.equals("ACTIVE")) {
                ids.put("servers:" + o, id);
                return;
            }
            if (status.equals("ERROR")) {
                throw new AssertionError("fixture server " + id + " went to ERROR: " + call(Persona.ADMIN, "GET",
                        "/servers/" + id, null, "2.1", 200).path("server").path("fault"));
            }
            sleep();
        }
        throw new AssertionError("fixture server " + id + " did not become ACTIVE");
    }

    /** A name the catastrophic regex filters backtrack on: many a's, then no match at the end. */
    static String serverName(Owner o) {
        return "fuzz-" + o + "-" + "a".repeat(60) + "!";
    }

    /** A snapshot of the owner's server: image ids the fuzzing may delete (the seed image must stay). */
    private void snapshot(Owner o, boolean required) {
        JnovaTestServer.Reply r = reply(member(o), "POST", "/servers/" + id("servers", o) + "/action",
                "{\"createImage\": {\"name\": \"fuzz-snap-" + o + "\"}}", "2.45");
        if (r.status() == 202) {
            ids.put("images:" + o, r.json().path("image_id").asText());
        } else if (required) {
            throw new AssertionError("fixture snapshot of " + o + ": " + r.status() + " " + r.body());
        }
    }

    /** Deletes a server as the admin, whatever its state. */
    private void remove(String server) {
        reply(Persona.ADMIN, "POST", "/servers/" + server + "/action", "{\"forceDelete\": null}", "2.1");
        reply(Persona.ADMIN, "DELETE", "/servers/" + server, null, "2.1");
    }

    /** Deletes the servers the fuzzing made in the owner's project, to free its quota for a fixture. */
    private void purge(Owner o) {
        String project = o == Owner.A ? PROJECT_A : PROJECT_B;
        for (JsonNode server : call(Persona.ADMIN, "GET", "/servers?all_tenants=1&project_id=" + project, null, "2.1",
                200).path("servers")) {
            remove(server.path("id").asText());
        }
    }

    /** A security group with one rule; they may be gone after fuzzing ({@link #refresh()}). */
    private void securityGroup(Owner o) {
        String group = reply(member(o), "POST", "/os-security-groups", "{\"security_group\": {\"name\": \"fuzz-"
                + (made++) + "\", \"description\": \"\"}}", "2.1").json().path("security_group").path("id").asText();
        ids.put("os-security-groups:" + o, group);
        ids.put("os-security-group-rules:" + o, reply(member(o), "POST", "/os-security-group-rules",
                "{\"security_group_rule\": {\"parent_group_id\": \"" + group + "\", \"ip_protocol\": \"tcp\", "
                + "\"from_port\": 22, \"to_port\": 22}}", "2.1").json().path("security_group_rule").path("id")
                .asText());
    }

    private void floatingIp(Owner o) {
        JsonNode ip = reply(member(o), "POST", "/os-floating-ips", "{}", "2.1").json().path("floating_ip");
        ids.put("os-floating-ips:" + o, ip.path("id").asText());
        ids.put("floating-address:" + o, ip.path("ip").asText());
    }

    private void keypair(Owner o) {
        String name = "fuzz-key-" + o + "-" + made++;
        call(member(o), "POST", "/os-keypairs", "{\"keypair\": {\"name\": \"" + name + "\"}}", "2.1", 200);
        ids.put("os-keypairs:" + o, name);
    }

    private String volume(Persona who) {
        return call(who, "POST", "/os-volumes", "{\"volume\": {\"size\": 1}}", "2.1", 200).path("volume").path("id")
                .asText();
    }

    private String computeHost() {
        for (JsonNode s : call(Persona.ADMIN, "GET", "/os-services", null, "2.1", 200).path("services")) {
            if (s.path("binary").asText().equals("nova-compute")) {
                return s.path("host").asText();
            }
        }
        throw new AssertionError("no nova-compute service");
    }

    private JsonNode call(Persona who, String method, String path, String body, String version, int status) {
        JnovaTestServer.Reply r = reply(who, method, path, body, version);
        if (r.status() != status) {
            throw new AssertionError("fixture " + method + " " + path + " as " + who + ": " + r.status() + " "
                    + r.body());
        }
        return r.body().isEmpty() ? null : r.json();
    }

    private JnovaTestServer.Reply reply(Persona who, String method, String path, String body, String version) {
        try {
            return jnova.call(method, path, body, version, who.token);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
