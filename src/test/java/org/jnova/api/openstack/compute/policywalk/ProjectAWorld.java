package org.jnova.api.openstack.compute.policywalk;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jnova.compute.SeedData;

/**
 * Everything project A owns for {@link CrossProjectIsolationTest}, made once through the API by
 * A's member (and A's admin for flavors and aggregates), plus one server of project B: the
 * values that fill a row's placeholders, and the secrets that must never reach project B.
 */
final class ProjectAWorld {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z_]+)}");
    private static final Pattern TOKEN = Pattern.compile("token(?:=|%3D)([A-Za-z0-9_-]+)");

    private final Map<String, String> values = new LinkedHashMap<>();
    /** Names of the values that are A's data (the rest are B's, the cloud's, or nobody's). */
    private final List<String> secretNames = new ArrayList<>();
    private final List<String> addresses = new ArrayList<>();

    private ProjectAWorld() {
    }

    static ProjectAWorld build(WalkApi api) {
        ProjectAWorld w = new ProjectAWorld();
        String mark = UUID.randomUUID().toString().substring(0, 8);
        w.put("projectA", Persona.Projects.A, true);
        w.put("projectB", Persona.Projects.B, false);
        w.put("seed_image", SeedData.CIRROS_IMAGE_ID, false);
        w.put("userA", Persona.MEMBER_A.user, true);
        w.put("name", "iso-server-" + mark, true);
        w.put("mkey", "iso-key-" + mark, true);
        w.put("mvalue", "iso-value-" + mark, true);
        w.put("tag", "iso-tag-" + mark, true);
        w.put("keypair", "iso-kp-" + mark, true);
        JsonNode keypair = api.expect(200, Persona.MEMBER_A, "POST", "/os-keypairs",
                "{\"keypair\": {\"name\": \"" + w.get("keypair") + "\"}}", "2.1").json().path("keypair");
        w.put("fingerprint", keypair.path("fingerprint").asText(), true);
        String key = keypair.path("public_key").asText().split(" ")[1];
        w.put("public_key", key.substring(key.length() - 40), true);
        w.put("group_name", "iso-group-" + mark, true);
        w.put("group", api.expect(200, Persona.MEMBER_A, "POST", "/os-server-groups", "{\"server_group\": {\"name\": \""
                + w.get("group_name") + "\", \"policies\": [\"affinity\"]}}", "2.1").json().path("server_group")
                .path("id").asText(), true);

        String server = api.activeServer(Persona.MEMBER_A, "\"name\": \"" + w.get("name") + "\", \"metadata\": {\""
                + w.get("mkey") + "\": \"" + w.get("mvalue") + "\"}, \"tags\": [\"" + w.get("tag") + "\"], "
                + "\"key_name\": \"" + w.get("keypair") + "\"");
        w.put("server", server, true);
        w.put("bserver", api.activeServer(Persona.MEMBER_B, "\"name\": \"iso-b-" + mark + "\""), false);
        // a deleted server of A's, for the filters that show deleted servers (changes-since)
        w.put("deleted_name", "iso-deleted-" + mark, true);
        w.put("deleted", api.activeServer(Persona.MEMBER_A, "\"name\": \"" + w.get("deleted_name") + "\""), true);
        api.expect(204, Persona.MEMBER_A, "DELETE", "/servers/" + w.get("deleted"), null, "2.1");
        JsonNode shown = api.expect(200, Persona.ADMIN_A, "GET", "/servers/" + server, null, "2.1").json()
                .path("server");
        var networks = shown.path("addresses").fields();
        var network = networks.next();
        w.put("network", network.getKey(), false);
        for (JsonNode address : network.getValue()) {
            w.addresses.add(address.path("addr").asText());
            w.put("mac", address.path("OS-EXT-IPS-MAC:mac_addr").asText(), true);
        }
        w.put("ip", w.addresses.get(0), false);
        w.put("port", api.firstPortId(server), true);
        w.put("network_id", api.expect(200, Persona.ADMIN_A, "GET", "/servers/" + server + "/os-interface", null,
                "2.1").json().path("interfaceAttachments").path(0).path("net_id").asText(), false);
        w.put("action", api.firstActionRequestId(server), true);

        w.put("secgroup_name", "iso-secgroup-" + mark, true);
        w.put("secgroup", api.expect(200, Persona.MEMBER_A, "POST", "/os-security-groups", "{\"security_group\": "
                + "{\"name\": \"" + w.get("secgroup_name") + "\", \"description\": \"\"}}", "2.1").json()
                .path("security_group").path("id").asText(), true);
        w.put("secrule", api.expect(200, Persona.MEMBER_A, "POST", "/os-security-group-rules",
                "{\"security_group_rule\": {\"parent_group_id\": \"" + w.get("secgroup") + "\", \"ip_protocol\": "
                + "\"tcp\", \"from_port\": 22, \"to_port\": 22}}", "2.1").json().path("security_group_rule")
                .path("id").asText(), true);
        api.expect(202, Persona.MEMBER_A, "POST", "/servers/" + server + "/action", "{\"addSecurityGroup\": "
                + "{\"name\": \"" + w.get("secgroup_name") + "\"}}", "2.1");
        JsonNode fip = api.expect(200, Persona.MEMBER_A, "POST", "/os-floating-ips", "{}", "2.1").json()
                .path("floating_ip");
        w.put("fip", fip.path("id").asText(), true);
        w.put("fip_address", fip.path("ip").asText(), true);
        api.expect(202, Persona.MEMBER_A, "POST", "/servers/" + server + "/action", "{\"addFloatingIp\": "
                + "{\"address\": \"" + w.get("fip_address") + "\"}}", "2.1");

        w.put("volume_name", "iso-volume-" + mark, true);
        w.put("volume", volume(api, w.get("volume_name")), true);
        w.put("attached", volume(api, w.get("volume_name") + "-attached"), true);
        w.put("snapshot", api.expect(200, Persona.MEMBER_A, "POST", "/os-snapshots", "{\"snapshot\": {\"volume_id\": \""
                + w.get("volume") + "\"}}", "2.1").json().path("snapshot").path("id").asText(), true);
        api.expect(200, Persona.MEMBER_A, "POST", "/servers/" + server + "/os-volume_attachments",
                "{\"volumeAttachment\": {\"volumeId\": \"" + w.get("attached") + "\"}}", "2.1");
        api.await("/os-volumes/" + w.get("attached"), "2.1",
                v -> v.path("volume").path("status").asText().equals("in-use"));

        String url = api.expect(200, Persona.MEMBER_A, "POST", "/servers/" + server + "/remote-consoles",
                "{\"remote_console\": {\"protocol\": \"vnc\", \"type\": \"novnc\"}}", "2.6").json()
                .path("remote_console").path("url").asText();
        Matcher token = TOKEN.matcher(url);
        if (!token.find()) {
            throw new AssertionError("no token in console url " + url);
        }
        w.put("console_token", token.group(1), true);

        w.put("image_name", "iso-snapshot-" + mark, true);
        w.put("image", api.expect(202, Persona.MEMBER_A, "POST", "/servers/" + server + "/action",
                "{\"createImage\": {\"name\": \"" + w.get("image_name") + "\"}}", "2.45").json().path("image_id")
                .asText(), true);
        api.await("/servers/" + server, "2.1", s -> s.path("server").path("OS-EXT-STS:task_state").isNull());

        w.put("flavor", api.flavor(), true);
        w.put("flavor_name", api.expect(200, Persona.ADMIN_A, "GET", "/flavors/" + w.get("flavor"), null, "2.1")
                .json().path("flavor").path("name").asText(), true);
        w.put("aggregate", api.aggregate(), false);
        w.put("host", api.computeHost(), false);
        JsonNode hypervisor = api.hypervisor();
        w.put("hyp_id", hypervisor.path("id").asText(), false);
        w.put("hyp_name", hypervisor.path("hypervisor_hostname").asText(), false);
        JsonNode services = api.expect(200, Persona.ADMIN_A, "GET", "/os-services", null, "2.53").json();
        for (JsonNode s : services.path("services")) {
            if (s.path("binary").asText().equals("nova-compute")) {
                w.put("service", s.path("id").asText(), false);
            }
        }
        return w;
    }

    private static String volume(WalkApi api, String name) {
        String id = api.expect(200, Persona.MEMBER_A, "POST", "/os-volumes", "{\"volume\": {\"size\": 1, "
                + "\"display_name\": \"" + name + "\"}}", "2.1").json().path("volume").path("id").asText();
        api.await("/os-volumes/" + id, "2.1", v -> v.path("volume").path("status").asText().equals("available"));
        return id;
    }

    private void put(String name, String value, boolean secret) {
        if (value == null || value.isEmpty()) {
            throw new AssertionError("fixture " + name + " is empty");
        }
        values.put(name, value);
        if (secret) {
            secretNames.add(name);
        }
    }

    String get(String name) {
        String value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException("unknown placeholder " + name);
        }
        return value;
    }

    String fill(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(get(m.group(1))));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * The pieces of A's data found in {@code body}, leaving out those the request itself named
     * (nova's 404 messages repeat the id asked for). Addresses match as whole addresses.
     */
    List<String> leaks(String body, String request) {
        List<String> found = new ArrayList<>();
        for (String name : secretNames) {
            String value = values.get(name);
            if (body.contains(value) && !request.contains(value)) {
                found.add(name + "=" + value);
            }
        }
        for (String address : addresses) {
            Pattern whole = Pattern.compile("(?<![0-9a-fA-F.:])" + Pattern.quote(address) + "(?![0-9a-fA-F.:])");
            if (whole.matcher(body).find() && !request.contains(address)) {
                found.add("address=" + address);
            }
        }
        return found;
    }
}
