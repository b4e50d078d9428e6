package org.jnova.api.metadata;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jnova.api.openstack.NovaJson;
import org.jnova.objects.Instance;
import org.jnova.objects.VirtualInterface;

/**
 * What the metadata service knows about one instance at one moment (nova's
 * InstanceMetadata): both trees are answered from it, and it is what the handler caches.
 * The random seed is drawn anew at each read of meta_data.json, as nova does.
 */
public final class InstanceMetadata {
    static final String TEXT = "text/plain; charset=UTF-8";
    static final String JSON = "application/json";
    static final String HTML = "text/html; charset=UTF-8";

    private static final String MD_JSON = "meta_data.json";
    private static final String USER_DATA = "user_data";
    private static final String PASSWORD = "password";
    private static final String VENDOR_DATA = "vendor_data.json";
    private static final String NETWORK_DATA = "network_data.json";
    private static final String VENDOR_DATA2 = "vendor_data2.json";
    private static final String CONTENT = "content";

    private final Instance instance;
    private final Optional<Key> key;
    private final String availabilityZone;
    private final String amiId;
    private final String dhcpDomain;
    private final String networkId;
    private final VendorData vendorData;
    private final NovaJson json;
    private final SecureRandom random = new SecureRandom();

    /** The instance's key pair as it was at boot. */
    public record Key(String name, String type, String publicKey) {
    }

    /** One answer: its bytes and content type; {@link #PASSWORD_ENDPOINT} marks the password file. */
    public record Document(byte[] body, String contentType) {
        static final Document PASSWORD_ENDPOINT = new Document(new byte[0], HTML);
    }

    /** A path that names nothing in the trees: 404. */
    public static final class InvalidPath extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InvalidPath(String path) {
            super("Invalid metadata path: " + path, null, false, false);
        }
    }

    InstanceMetadata(Instance instance, Optional<Key> key, String availabilityZone, String amiId, String dhcpDomain,
            String networkId, VendorData vendorData, NovaJson json) {
        this.instance = requireNonNull(instance, "instance is null");
        this.key = requireNonNull(key, "key is null");
        this.availabilityZone = availabilityZone;
        this.amiId = requireNonNull(amiId, "amiId is null");
        this.dhcpDomain = dhcpDomain;
        this.networkId = requireNonNull(networkId, "networkId is null");
        this.vendorData = requireNonNull(vendorData, "vendorData is null");
        this.json = requireNonNull(json, "json is null");
    }

    public Instance instance() {
        return instance;
    }

    Optional<Key> key() {
        return key;
    }

    String availabilityZone() {
        return availabilityZone;
    }

    String amiId() {
        return amiId;
    }

    /** The host name with [api] dhcp_domain appended when set. */
    String hostname() {
        return dhcpDomain == null || dhcpDomain.isEmpty() ? instance.hostname() : instance.hostname() + "." + dhcpDomain;
    }

    /** The first fixed IPv4 address, or the first address at all; "" without ports. */
    String fixedIp() {
        return instance.interfaces().stream().filter(v -> v.ipVersion() == 4).map(VirtualInterface::fixedIp)
                .findFirst().orElseGet(() -> instance.interfaces().stream().map(VirtualInterface::fixedIp).findFirst()
                        .orElse(""));
    }

    /** The decoded user data; empty when the server was booted without any. */
    Optional<byte[]> userData() {
        if (instance.userData() == null) {
            return Optional.empty();
        }
        return Optional.of(org.jnova.utils.PythonBase64.decode(instance.userData().getBytes(StandardCharsets.UTF_8))
                .orElseGet(() -> instance.userData().getBytes(StandardCharsets.UTF_8)));
    }

    /** The password the guest posted (system metadata password_0..3 joined); null when none. */
    public String password() {
        StringBuilder out = new StringBuilder();
        new TreeMap<>(instance.systemMetadata()).forEach((k, v) -> {
            if (k.startsWith("password_") && v != null) {
                out.append(v);
            }
        });
        return out.isEmpty() ? null : out.toString();
    }

    /** The document at a request path (nova's lookup): listing, file, or the password endpoint. */
    public Document lookup(String rawPath) {
        List<String> tokens = new ArrayList<>(MetadataPaths.tokens(rawPath));
        if (tokens.isEmpty() || !tokens.getFirst().equals("ec2") && !tokens.getFirst().equals("openstack")) {
            tokens.addFirst("ec2");
        }
        if (tokens.size() == 1) {
            List<String> versions = new ArrayList<>(tokens.getFirst().equals("openstack") ? MetadataVersions.OPENSTACK
                    : MetadataVersions.EC2);
            versions.add(MetadataVersions.LATEST);
            return text(String.join("\n", versions));
        }
        List<String> rest = tokens.subList(1, tokens.size());
        if (tokens.getFirst().equals("openstack")) {
            return openstackItem(rest);
        }
        Object node = Ec2Tree.find(Ec2Tree.build(this, rest.getFirst()), rest.subList(1, rest.size()));
        return new Document(Ec2Tree.print(node), TEXT);
    }

    private Document openstackItem(List<String> path) {
        if (path.getFirst().equals(CONTENT)) {
            throw new InvalidPath(CONTENT);
        }
        String version = openstackVersion(path.getFirst());
        if (path.size() == 1) {
            return text(String.join("\n", versionListing(version)));
        }
        String name = String.join("/", path.subList(1, path.size()));
        return switch (name) {
            case MD_JSON -> new Document(json.write(metaData(version)), JSON);
            case USER_DATA -> userData().map(raw -> new Document(raw, TEXT)).orElseThrow(() -> new InvalidPath(name));
            case PASSWORD -> {
                if (!atLeast(MetadataVersions.GRIZZLY, version)) {
                    throw new InvalidPath(name);
                }
                yield Document.PASSWORD_ENDPOINT;
            }
            case VENDOR_DATA -> {
                if (!atLeast(MetadataVersions.HAVANA, version)) {
                    throw new InvalidPath(name);
                }
                yield new Document(json.write(vendorData.legacy().orElseThrow(() -> new InvalidPath(name))), JSON);
            }
            case NETWORK_DATA -> new Document(json.write(NetworkData.of(instance, networkId)), TEXT);
            case VENDOR_DATA2 -> {
                if (!atLeast(MetadataVersions.NEWTON_TWO, version)) {
                    throw new InvalidPath(name);
                }
                yield new Document(json.write(vendorData.combined(instance, hostname())), JSON);
            }
            default -> throw new InvalidPath(name);
        };
    }

    private static String openstackVersion(String version) {
        if (MetadataVersions.LATEST.equals(version)) {
            return MetadataVersions.OPENSTACK.getLast();
        }
        if (!MetadataVersions.OPENSTACK.contains(version)) {
            throw new InvalidPath(version);
        }
        return version;
    }

    private List<String> versionListing(String version) {
        List<String> names = new ArrayList<>(List.of(MD_JSON));
        if (instance.userData() != null) {
            names.add(USER_DATA);
        }
        if (atLeast(MetadataVersions.GRIZZLY, version)) {
            names.add(PASSWORD);
        }
        if (atLeast(MetadataVersions.HAVANA, version)) {
            names.add(VENDOR_DATA);
        }
        if (atLeast(MetadataVersions.LIBERTY, version)) {
            names.add(NETWORK_DATA);
        }
        if (atLeast(MetadataVersions.NEWTON_TWO, version)) {
            names.add(VENDOR_DATA2);
        }
        return names;
    }

    /** meta_data.json's object, keys in nova's order. */
    Map<String, Object> metaData(String version) {
        Map<String, Object> md = new LinkedHashMap<>();
        md.put("uuid", instance.uuid());
        if (!instance.metadata().isEmpty()) {
            md.put("meta", new TreeMap<>(instance.metadata()));
        }
        key.ifPresent(k -> {
            md.put("public_keys", Map.of(k.name(), k.publicKey()));
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", k.name());
            entry.put("type", k.type());
            entry.put("data", k.publicKey());
            md.put("keys", List.of(entry));
        });
        md.put("hostname", hostname());
        md.put("name", instance.displayName());
        md.put("launch_index", instance.launchIndex());
        md.put("availability_zone", availabilityZone);
        if (atLeast(MetadataVersions.GRIZZLY, version)) {
            byte[] seed = new byte[512];
            random.nextBytes(seed);
            md.put("random_seed", Base64.getEncoder().encodeToString(seed));
        }
        if (atLeast(MetadataVersions.LIBERTY, version)) {
            md.put("project_id", instance.projectId());
        }
        if (atLeast(MetadataVersions.NEWTON_ONE, version)) {
            md.put("devices", List.of());
        }
        if (atLeast(MetadataVersions.VICTORIA, version)) {
            md.put("dedicated_cpus", List.of());
        }
        return md;
    }

    /**
     * The files of the config drive (nova's metadata_for_config_drive), path relative to the
     * drive's root to content: ec2/VERSION/meta-data.json (and user-data) for each EC2 version
     * not skipped, openstack/VERSION/... for every OpenStack version.
     */
    public Map<String, byte[]> configDriveFiles(List<String> skipVersions) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        List<String> ec2 = new ArrayList<>(MetadataVersions.EC2);
        ec2.add(MetadataVersions.LATEST);
        for (String version : ec2) {
            if (skipVersions.contains(version)) {
                continue;
            }
            Map<String, Object> data = Ec2Tree.build(this, version);
            if (data.get("user-data") instanceof byte[] raw) {
                files.put("ec2/" + version + "/user-data", raw);
            }
            files.put("ec2/" + version + "/meta-data.json", json.write(Ec2Tree.withoutNames(data.get("meta-data"))));
        }
        List<String> openstack = new ArrayList<>(MetadataVersions.OPENSTACK);
        openstack.add(MetadataVersions.LATEST);
        for (String version : openstack) {
            for (String name : versionListing(openstackVersion(version))) {
                if (name.equals(PASSWORD)) {
                    continue;
                }
                try {
                    files.put("openstack/" + version + "/" + name, lookup("/openstack/" + version + "/" + name).body());
                } catch (InvalidPath absent) {
                    // no legacy vendor data without the StaticJSON provider
                }
            }
        }
        return files;
    }

    private static boolean atLeast(String required, String version) {
        return MetadataVersions.atLeast(required, version, MetadataVersions.OPENSTACK);
    }

    private static Document text(String body) {
        return new Document(body.getBytes(StandardCharsets.UTF_8), TEXT);
    }
}
