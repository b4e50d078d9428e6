package org.jnova.api.openstack.compute.servers;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jnova.api.openstack.ApiRequest;
import org.jnova.compute.ServerStatus;
import org.jnova.objects.Instance;
import org.jnova.objects.InstanceFault;
import org.jnova.objects.VirtualInterface;
import org.jnova.objects.VmStates;
import org.jnova.utils.JsonMappers;

/**
 * nova's server view builder: the create, basic and detailed bodies of a server, with
 * nova's key order and every microversion change up to 2.100. Everything a view needs
 * beyond the instance comes in {@link ServerViewContext}, computed once per request, so
 * a list never queries per server.
 */
public final class ServerView {
    /** System metadata keys the servers API writes at create. */
    public static final String TRUSTED_CERTS_KEY = "trusted_certs";
    public static final String PINNED_ZONE_KEY = Instance.PINNED_ZONE_KEY;
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = JsonMappers.standard();
    /** Keys of the largest detailed body (admin, latest microversion): sized once, never rehashed. */
    private static final int DETAILED_KEYS = 48;
    private static final List<String> FAULT_STATUSES = List.of("ERROR", "DELETED");
    private static final List<String> PROGRESS_STATUSES = List.of("ACTIVE", "BUILD", "REBUILD", "RESIZE",
            "VERIFY_RESIZE", "MIGRATING");

    private ServerView() {
    }

    /** The 202 body of a create: id, links, OS-DCF:diskConfig, security_groups (adminPass added by the caller). */
    public static Map<String, Object> created(ApiRequest req, Instance i, Object securityGroups) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("id", i.uuid());
        s.put("links", links(req, "servers", i.uuid()));
        s.put("OS-DCF:diskConfig", diskConfig(i));
        s.put("security_groups", securityGroups);
        return s;
    }

    /** GET /servers item: id, name, links. */
    public static Map<String, Object> basic(ApiRequest req, Instance i) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("id", i.uuid());
        s.put("name", i.displayName());
        s.put("links", links(req, "servers", i.uuid()));
        return s;
    }

    /**
     * The detailed server (show, detail, update), keys in nova's order. {@code compact}: the
     * smaller body of an update before 2.75 (no zone, key, usage, states, volumes...).
     */
    public static Map<String, Object> detailed(ApiRequest req, Instance i, ServerViewContext ctx, boolean compact) {
        Map<String, Object> s = LinkedHashMap.newLinkedHashMap(DETAILED_KEYS);
        String status = ServerStatus.of(i.vmState(), i.taskState());
        s.put("id", i.uuid());
        s.put("name", i.displayName());
        s.put("status", status);
        s.put("tenant_id", i.projectId() == null ? "" : i.projectId());
        s.put("user_id", i.userId() == null ? "" : i.userId());
        s.put("metadata", new LinkedHashMap<>(new java.util.TreeMap<>(i.metadata())));
        s.put("hostId", ctx.hostId(i.projectId(), i.host()));
        s.put("image", image(req, i));
        s.put("flavor", flavor(req, i, ctx.showExtraSpecs()));
        s.put("created", ServerTimes.isotime(i.createdAt()));
        s.put("updated", ServerTimes.isotime(i.updatedAt() != null ? i.updatedAt() : i.createdAt()));
        s.put("addresses", VmStates.BUILDING.equals(i.vmState()) ? Map.of() : addresses(i.interfaces(), !compact));
        s.put("accessIPv4", i.accessIpV4() == null ? "" : i.accessIpV4());
        s.put("accessIPv6", i.accessIpV6() == null ? "" : i.accessIpV6());
        s.put("links", links(req, "servers", i.uuid()));
        s.put("OS-DCF:diskConfig", diskConfig(i));
        if (FAULT_STATUSES.contains(status) && i.fault().isPresent()) {
            s.put("fault", fault(i.fault().get(), ctx.admin()));
        }
        if (PROGRESS_STATUSES.contains(status)) {
            s.put("progress", i.progress());
        }
        if (!compact) {
            addExtended(req, i, ctx, s);
        }
        if (req.isSupported("2.9")) {
            s.put("locked", i.locked());
        }
        if (req.isSupported("2.73")) {
            s.put("locked_reason", i.lockedReason());
        }
        if (req.isSupported("2.19")) {
            s.put("description", i.displayDescription());
        }
        if (req.isSupported("2.26")) {
            s.put("tags", i.tags());
        }
        if (req.isSupported("2.63")) {
            s.put("trusted_image_certificates", trustedCerts(i));
        }
        if (req.isSupported("2.71") && ctx.serverGroups() != null) {
            s.put("server_groups", ctx.serverGroups().getOrDefault(i.uuid(), List.of()));
        }
        if (req.isSupported("2.90") && !ctx.showExtendedAttributes()) {
            s.put("OS-EXT-SRV-ATTR:hostname", i.hostname());
        }
        if (req.isSupported("2.96")) {
            s.put("pinned_availability_zone", i.systemMetadata().get(PINNED_ZONE_KEY));
        }
        if (req.isSupported("2.100")) {
            s.put("scheduler_hints", ctx.schedulerHintsOf(i.uuid()));
        }
        return s;
    }

    private static Object trustedCerts(Instance i) {
        String stored = i.systemMetadata().get(TRUSTED_CERTS_KEY);
        if (stored == null) {
            return null;
        }
        try {
            return JSON.readTree(stored);
        } catch (java.io.IOException e) {
            return null;
        }
    }

    private static void addExtended(ApiRequest req, Instance i, ServerViewContext ctx, Map<String, Object> s) {
        s.put("OS-EXT-AZ:availability_zone", i.availabilityZone() == null ? "" : i.availabilityZone());
        s.put("config_drive", i.configDrive() == null ? "" : i.configDrive());
        s.put("key_name", i.keyName());
        s.put("OS-SRV-USG:launched_at", ServerTimes.naive(i.launchedAt()));
        s.put("OS-SRV-USG:terminated_at", ServerTimes.naive(i.terminatedAt()));
        List<String> groups = org.jnova.compute.ServerSecurityGroupsApi.groups(i);
        if (!groups.isEmpty()) {
            // nova leaves the key out for a server in no group
            s.put("security_groups", groups.stream().map(name -> Map.of("name", name)).toList());
        }
        if (ctx.showExtendedAttributes()) {
            s.put("OS-EXT-SRV-ATTR:host", i.host());
            s.put("OS-EXT-SRV-ATTR:instance_name", i.name());
            s.put("OS-EXT-SRV-ATTR:hypervisor_hostname", i.node());
            if (req.isSupported("2.3")) {
                s.put("OS-EXT-SRV-ATTR:reservation_id", i.reservationId());
                s.put("OS-EXT-SRV-ATTR:launch_index", i.launchIndex());
                s.put("OS-EXT-SRV-ATTR:hostname", i.hostname());
                s.put("OS-EXT-SRV-ATTR:kernel_id", "");
                s.put("OS-EXT-SRV-ATTR:ramdisk_id", "");
                s.put("OS-EXT-SRV-ATTR:root_device_name", i.rootDeviceName());
                s.put("OS-EXT-SRV-ATTR:user_data", i.userData());
            }
        }
        s.put("OS-EXT-STS:task_state", i.taskState());
        s.put("OS-EXT-STS:vm_state", i.vmState());
        s.put("OS-EXT-STS:power_state", i.powerState());
        s.put("os-extended-volumes:volumes_attached", volumesAttached(req, ctx.volumesOf(i.uuid())));
        if (req.isSupported("2.16") && ctx.showHostStatus()) {
            s.put("host_status", ctx.hostStatus(i.host()));
        }
    }

    /** nova's volumes_attached: each volume's id, and delete_on_termination from 2.3. */
    private static List<Map<String, Object>> volumesAttached(ApiRequest req,
            List<org.jnova.objects.BlockDeviceMapping> volumes) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (org.jnova.objects.BlockDeviceMapping bdm : volumes) {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("id", bdm.volumeId());
            if (req.isSupported("2.3")) {
                v.put("delete_on_termination", bdm.deleteOnTermination());
            }
            out.add(v);
        }
        return out;
    }

    /** "addresses" of a server, or of GET /ips: network label to its addresses. */
    public static Map<String, List<Map<String, Object>>> addresses(List<VirtualInterface> ports, boolean extended) {
        Map<String, List<Map<String, Object>>> out = new LinkedHashMap<>();
        for (VirtualInterface port : ports) {
            if (port.fixedIp() == null) {
                continue;
            }
            Map<String, Object> a = LinkedHashMap.newLinkedHashMap(4);
            a.put("version", port.ipVersion());
            a.put("addr", port.fixedIp());
            if (extended) {
                a.put("OS-EXT-IPS:type", "fixed");
                a.put("OS-EXT-IPS-MAC:mac_addr", port.macAddress());
            }
            out.computeIfAbsent(port.networkLabel(), k -> new ArrayList<>()).add(a);
            if (port.floatingIp() != null) {
                Map<String, Object> f = LinkedHashMap.newLinkedHashMap(4);
                f.put("version", port.floatingIp().contains(":") ? 6 : 4);
                f.put("addr", port.floatingIp());
                if (extended) {
                    f.put("OS-EXT-IPS:type", "floating");
                    f.put("OS-EXT-IPS-MAC:mac_addr", port.macAddress());
                }
                out.get(port.networkLabel()).add(f);
            }
        }
        return out;
    }

    /** self (versioned) and bookmark links of a resource. */
    public static List<Map<String, String>> links(ApiRequest req, String collection, String id) {
        return List.of(link("self", req.applicationUrl() + "/" + collection + "/" + id),
                link("bookmark", req.hostUrl() + "/" + collection + "/" + id));
    }

    /**
     * nova's "next" link: {@code path} under the application URL with the request's query
     * parameters (a previous marker dropped) and the new marker last.
     */
    public static Map<String, String> nextLink(ApiRequest req, String path, String marker) {
        StringBuilder query = new StringBuilder();
        String raw = req.raw().queryString() == null ? "" : req.raw().queryString();
        for (String pair : raw.split("&")) {
            if (!pair.isEmpty() && !pair.startsWith("marker=")) {
                query.append(query.length() == 0 ? "" : "&").append(pair);
            }
        }
        query.append(query.length() == 0 ? "" : "&").append("marker=").append(marker);
        return link("next", req.applicationUrl() + path + "?" + query);
    }

    private static Map<String, String> link(String rel, String href) {
        Map<String, String> l = LinkedHashMap.newLinkedHashMap(2);
        l.put("rel", rel);
        l.put("href", href);
        return l;
    }

    private static String diskConfig(Instance i) {
        return "True".equalsIgnoreCase(i.systemMetadata().get(Instance.AUTO_DISK_CONFIG_KEY)) ? "AUTO" : "MANUAL";
    }

    /** sha224(project + host) in hex, "" without a host (nova's generate_hostid). */
    public static String hostId(String projectId, String host) {
        if (host == null || host.isEmpty()) {
            return "";
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-224")
                    .digest((String.valueOf(projectId) + host).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object image(ApiRequest req, Instance i) {
        if (i.imageRef() == null || i.imageRef().isEmpty()) {
            return "";
        }
        Map<String, Object> image = LinkedHashMap.newLinkedHashMap(3);
        image.put("id", i.imageRef());
        image.put("links", List.of(link("bookmark", req.hostUrl() + "/images/" + i.imageRef())));
        if (req.isSupported("2.98")) {
            image.put("properties", ImageProperties.of(i));
        }
        return image;
    }

    private static Map<String, Object> flavor(ApiRequest req, Instance i, boolean extraSpecs) {
        Map<String, Object> f = LinkedHashMap.newLinkedHashMap(7);
        if (req.isSupported("2.47")) {
            f.put("vcpus", i.flavor().vcpus());
            f.put("ram", i.flavor().memoryMb());
            f.put("disk", i.flavor().rootGb());
            f.put("ephemeral", i.flavor().ephemeralGb());
            f.put("swap", i.flavor().swap());
            f.put("original_name", i.flavor().name());
            if (extraSpecs) {
                f.put("extra_specs", new java.util.TreeMap<>(i.flavor().extraSpecs()));
            }
            return f;
        }
        f.put("id", i.flavor().flavorId());
        f.put("links", List.of(link("bookmark", req.hostUrl() + "/flavors/" + i.flavor().flavorId())));
        return f;
    }

    private static Map<String, Object> fault(InstanceFault fault, boolean admin) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("code", fault.code());
        f.put("created", ServerTimes.isotime(fault.createdAt()));
        f.put("message", fault.message());
        if (fault.details() != null && !fault.details().isEmpty() && (admin || fault.code() != 500)) {
            f.put("details", fault.details());
        }
        return f;
    }
}
