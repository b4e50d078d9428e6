package org.jnova.api.metadata;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.jnova.compute.ServerSecurityGroupsApi;
import org.jnova.objects.VirtualInterface;

/**
 * The EC2-style tree of one instance for one version (nova's get_ec2_metadata) and how a
 * node of it is printed: a directory lists its sorted names, sub-directories with a slash,
 * public keys as {@code 0=name}; a list is one item a line; a leaf is its text.
 */
final class Ec2Tree {
    /** Key of a directory's display name (e.g. "0=mykey" for public key 0). */
    static final String NAME = "_name";

    private Ec2Tree() {
    }

    /** The tree {"meta-data": {...}, "user-data": bytes} for a dated EC2 version or "latest". */
    static Map<String, Object> build(InstanceMetadata md, String version) {
        String v = MetadataVersions.LATEST.equals(version) ? MetadataVersions.EC2.getLast() : version;
        if (!MetadataVersions.EC2.contains(v)) {
            throw new InstanceMetadata.InvalidPath(version);
        }
        String hostname = md.hostname();
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("ami-id", md.amiId());
        meta.put("ami-launch-index", md.instance().launchIndex());
        meta.put("ami-manifest-path", "FIXME");
        meta.put("instance-id", String.format("i-%08x", md.instance().id()));
        meta.put("hostname", hostname);
        meta.put("local-ipv4", md.fixedIp());
        meta.put("reservation-id", md.instance().reservationId());
        meta.put("security-groups", ServerSecurityGroupsApi.groups(md.instance()));
        md.key().ifPresent(key -> {
            Map<String, Object> zero = new LinkedHashMap<>();
            zero.put(NAME, "0=" + key.name());
            zero.put("openssh-key", key.publicKey());
            Map<String, Object> keys = new LinkedHashMap<>();
            keys.put("0", zero);
            meta.put("public-keys", keys);
        });
        if (atLeast("2007-01-19", v)) {
            meta.put("local-hostname", hostname);
            meta.put("public-hostname", hostname);
            meta.put("public-ipv4", md.instance().interfaces().stream().map(
                    VirtualInterface::floatingIp).filter(Objects::nonNull).findFirst()
                    .orElse(""));
        }
        if (atLeast("2007-08-29", v)) {
            meta.put("instance-type", md.instance().flavor().name());
        }
        if (atLeast("2007-12-15", v)) {
            meta.put("block-device-mapping", blockDeviceMapping(md.instance().rootDeviceName()));
        }
        if (atLeast("2008-02-01", v)) {
            Map<String, Object> placement = new LinkedHashMap<>();
            placement.put("availability-zone", md.availabilityZone());
            meta.put("placement", placement);
        }
        if (atLeast("2008-09-01", v)) {
            meta.put("instance-action", "none");
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("meta-data", meta);
        md.userData().ifPresent(raw -> data.put("user-data", raw));
        return data;
    }

    private static Map<String, Object> blockDeviceMapping(String rootDevice) {
        Map<String, Object> mapping = new LinkedHashMap<>();
        if (rootDevice != null && !rootDevice.isEmpty()) {
            mapping.put("ami", rootDevice.startsWith("/dev/") ? rootDevice.substring(5) : rootDevice);
            mapping.put("root", rootDevice);
        }
        return mapping;
    }

    private static boolean atLeast(String required, String version) {
        return MetadataVersions.atLeast(required, version, MetadataVersions.EC2);
    }

    /**
     * The node at {@code path} under {@code tree} (nova's find_path_in_tree): a name below a leaf
     * or naming an item of a list names nothing (nova crashes with an empty 500 when it is the
     * last name of the path); a directory's display name "_name" can be read as a file.
     */
    static Object find(Object tree, List<String> path) {
        Object node = tree;
        for (int i = 0; i < path.size(); i++) {
            String token = path.get(i);
            if (!(node instanceof Map<?, ?> map) || !map.containsKey(token)) {
                throw new InstanceMetadata.InvalidPath(String.join("/", path));
            }
            node = map.get(token);
        }
        return node;
    }

    /** A node as the service prints it (nova's ec2_md_print). */
    static byte[] print(Object node) {
        if (node instanceof byte[] raw) {
            return raw;
        }
        if (node instanceof Map<?, ?> map) {
            List<String> lines = new ArrayList<>();
            for (Object key : new TreeSet<>(map.keySet())) {
                if (NAME.equals(key)) {
                    continue;
                }
                Object value = map.get(key);
                if (value instanceof Map<?, ?> sub) {
                    lines.add(sub.containsKey(NAME) ? String.valueOf(sub.get(NAME)) : key + "/");
                } else {
                    lines.add(String.valueOf(key));
                }
            }
            return utf8(String.join("\n", lines));
        }
        if (node instanceof List<?> list) {
            List<String> lines = new ArrayList<>();
            list.forEach(item -> lines.add(String.valueOf(item)));
            return utf8(String.join("\n", lines));
        }
        return utf8(String.valueOf(node));
    }

    /** The tree without display names, as the config drive's meta-data.json holds it. */
    @SuppressWarnings("unchecked")
    static Object withoutNames(Object node) {
        if (node instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> {
                if (!NAME.equals(k)) {
                    copy.put((String) k, withoutNames(v));
                }
            });
            return copy;
        }
        return node;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
