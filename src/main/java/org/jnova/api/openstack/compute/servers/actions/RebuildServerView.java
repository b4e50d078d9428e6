package org.jnova.api.openstack.compute.servers.actions;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jnova.api.openstack.ApiRequest;
import org.jnova.compute.ServerStatus;
import org.jnova.objects.Flavor;
import org.jnova.objects.Instance;
import org.jnova.objects.VirtualInterface;

/**
 * The server body the rebuild action answers with (nova's detailed server view at the
 * request's microversion, with adminPass). A stand-in until the servers resource's own view
 * is available to share: the fields every version requires, no extended admin attributes.
 */
final class RebuildServerView {
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS")
            .withZone(ZoneOffset.UTC);

    private RebuildServerView() {
    }

    static Map<String, Object> of(ApiRequest req, Instance i, String adminPass) {
        Map<String, Object> s = new TreeMap<>();
        s.put("id", i.uuid());
        s.put("name", i.displayName());
        s.put("status", ServerStatus.of(i.vmState(), i.taskState()));
        s.put("tenant_id", i.projectId());
        s.put("user_id", i.userId());
        s.put("metadata", i.metadata());
        s.put("hostId", hostId(i));
        s.put("image", Map.of("id", i.imageRef(), "links", List.of(Map.of("rel", "bookmark", "href",
                req.hostUrl() + "/images/" + i.imageRef()))));
        s.put("flavor", flavor(req, i.flavor()));
        s.put("created", i.createdAt() == null ? null : SECONDS.format(i.createdAt()));
        s.put("updated", SECONDS.format(i.updatedAt() == null ? Instant.now() : i.updatedAt()));
        s.put("addresses", addresses(i, req.isSupported("2.75")));
        s.put("accessIPv4", i.accessIpV4() == null ? "" : i.accessIpV4());
        s.put("accessIPv6", i.accessIpV6() == null ? "" : i.accessIpV6());
        s.put("links", List.of(Map.of("rel", "self", "href", req.applicationUrl() + "/servers/" + i.uuid()),
                Map.of("rel", "bookmark", "href", req.hostUrl() + "/servers/" + i.uuid())));
        s.put("OS-DCF:diskConfig", "MANUAL");
        s.put("progress", i.progress());
        if (adminPass != null) {
            s.put("adminPass", adminPass);
        }
        if (req.isSupported("2.9")) {
            s.put("locked", i.locked());
        }
        if (req.isSupported("2.19")) {
            s.put("description", i.displayDescription());
        }
        if (req.isSupported("2.26")) {
            s.put("tags", i.tags());
        }
        if (req.isSupported("2.54")) {
            s.put("key_name", i.keyName());
        }
        if (req.isSupported("2.57")) {
            s.put("user_data", i.userData());
        }
        if (req.isSupported("2.63")) {
            s.put("trusted_image_certificates", null);
        }
        if (req.isSupported("2.71")) {
            s.put("server_groups", List.of());
        }
        if (req.isSupported("2.73")) {
            s.put("locked_reason", i.lockedReason());
        }
        if (req.isSupported("2.75")) {
            s.put("OS-EXT-AZ:availability_zone", i.availabilityZone() == null ? "" : i.availabilityZone());
            s.put("OS-EXT-STS:power_state", i.powerState());
            s.put("OS-EXT-STS:task_state", i.taskState());
            s.put("OS-EXT-STS:vm_state", i.vmState());
            s.put("OS-SRV-USG:launched_at", i.launchedAt() == null ? null
                    : MICROS.format(i.launchedAt().truncatedTo(ChronoUnit.MICROS)));
            s.put("OS-SRV-USG:terminated_at", i.terminatedAt() == null ? null : MICROS.format(i.terminatedAt()));
            s.put("config_drive", i.configDrive() == null ? "" : i.configDrive());
            s.put("os-extended-volumes:volumes_attached", List.of());
            s.put("security_groups", List.of(Map.of("name", "default")));
        }
        if (req.isSupported("2.90")) {
            s.put("OS-EXT-SRV-ATTR:hostname", i.hostname());
        }
        if (req.isSupported("2.96")) {
            s.put("pinned_availability_zone", null);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("server", s);
        return body;
    }

    private static Object flavor(ApiRequest req, Flavor f) {
        if (req.isSupported("2.47")) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("vcpus", f.vcpus());
            out.put("ram", f.memoryMb());
            out.put("disk", f.rootGb());
            out.put("ephemeral", f.ephemeralGb());
            out.put("swap", f.swap());
            out.put("original_name", f.name());
            out.put("extra_specs", f.extraSpecs());
            return out;
        }
        return Map.of("id", f.flavorId(), "links", List.of(Map.of("rel", "bookmark", "href",
                req.hostUrl() + "/flavors/" + f.flavorId())));
    }

    /** Before 2.75 nova's rebuild answer leaves out the OS-EXT-IPS attributes of addresses. */
    private static Map<String, List<Map<String, Object>>> addresses(Instance i, boolean extended) {
        Map<String, List<Map<String, Object>>> out = new LinkedHashMap<>();
        for (VirtualInterface port : i.interfaces()) {
            Map<String, Object> address = new LinkedHashMap<>();
            if (extended) {
                address.put("OS-EXT-IPS-MAC:mac_addr", port.macAddress());
                address.put("OS-EXT-IPS:type", "fixed");
            }
            address.put("addr", port.fixedIp());
            address.put("version", port.ipVersion());
            out.computeIfAbsent(port.networkLabel(), k -> new ArrayList<>()).add(address);
        }
        return out;
    }

    /** nova's hostId: sha224 of project id and host, "" without a host. */
    private static String hostId(Instance i) {
        if (i.host() == null) {
            return "";
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-224")
                    .digest((i.projectId() + i.host()).getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder();
            for (byte b : digest) {
                hex.append(String.format("%02x", b));
            }
            return hex.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
