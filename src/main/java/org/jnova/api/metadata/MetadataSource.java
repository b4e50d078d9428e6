package org.jnova.api.metadata;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jnova.api.openstack.NovaJson;
import org.jnova.compute.GuestDataApi;
import org.jnova.objects.Instance;
import org.jnova.objects.KeyPair;

/**
 * Finds the instance a metadata request is about and builds its {@link InstanceMetadata}:
 * by instance id (neutron's proxy) or by fixed IP (direct callers). Found instances are
 * cached for [api] metadata_cache_expiration seconds under the id or the address asked for,
 * as nova's handler caches them: within that window a changed or deleted server is still
 * answered as it was (0 turns the cache off). The cache holds at most {@link #CACHE_BUDGET_BYTES}
 * (by an estimate of each entry's size, user data and metadata included).
 */
public final class MetadataSource {
    private final GuestDataApi guests;
    private final Settings settings;
    private final NovaJson json;
    private final DynamicVendorData dynamic;
    private final Cache<String, InstanceMetadata> cache;

    /** The heap the cached metadata may take. */
    static final long CACHE_BUDGET_BYTES = 64L * 1024 * 1024;

    /**
     * What the built metadata depends on from configuration.
     *
     * @param cacheExpiration [api] metadata_cache_expiration
     * @param dhcpDomain [api] dhcp_domain (null or empty: none)
     * @param defaultAvailabilityZone the zone of a server booted without one
     * @param vendordataProviders [api] vendordata_providers
     * @param vendordataJsonfilePath [api] vendordata_jsonfile_path (null: none)
     */
    public record Settings(Duration cacheExpiration, String dhcpDomain, String defaultAvailabilityZone,
            List<String> vendordataProviders, String vendordataJsonfilePath) {
        public Settings {
            requireNonNull(cacheExpiration, "cacheExpiration is null");
            vendordataProviders = List.copyOf(vendordataProviders);
        }
    }

    /** {@code dynamic} asks the [api] vendordata_dynamic_targets for vendor data. */
    MetadataSource(GuestDataApi guests, Settings settings, NovaJson json, DynamicVendorData dynamic) {
        this.guests = requireNonNull(guests, "guests is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.json = requireNonNull(json, "json is null");
        this.dynamic = requireNonNull(dynamic, "dynamic is null");
        this.cache = settings.cacheExpiration().isZero() ? null
                : Caffeine.newBuilder().expireAfterWrite(settings.cacheExpiration())
                        .maximumWeight(CACHE_BUDGET_BYTES).weigher((String key, InstanceMetadata md) -> weight(key, md))
                        .build();
    }

    /** The metadata of a live instance by uuid; empty when there is none. */
    public Optional<InstanceMetadata> byInstanceId(String uuid) {
        return cached("id-" + uuid, () -> guests.instance(uuid));
    }

    /** The metadata of the live instance holding fixed IP {@code address}; empty when none does. */
    public Optional<InstanceMetadata> byAddress(String address) {
        return cached("address-" + address, () -> guests.instanceWithFixedIp(address));
    }

    /** An estimate of the heap one entry holds: two bytes a character of its texts, plus overhead. */
    static int weight(String key, InstanceMetadata md) {
        Instance instance = md.instance();
        long chars = key.length() + (instance.userData() == null ? 0 : instance.userData().length())
                + md.key().map(k -> k.publicKey().length() + k.name().length()).orElse(0);
        for (Map<String, String> map : List.of(instance.metadata(), instance.systemMetadata())) {
            for (Map.Entry<String, String> entry : map.entrySet()) {
                chars += entry.getKey().length() + (entry.getValue() == null ? 0 : entry.getValue().length()) + 32;
            }
        }
        return (int) Math.min(Integer.MAX_VALUE, 8192 + 2 * chars);
    }

    private Optional<InstanceMetadata> cached(String key, java.util.function.Supplier<Optional<Instance>> load) {
        InstanceMetadata hit = cache == null ? null : cache.getIfPresent(key);
        if (hit != null) {
            return Optional.of(hit);
        }
        Optional<InstanceMetadata> built = load.get().map(this::build);
        if (cache != null) {
            built.ifPresent(md -> cache.put(key, md));
        }
        return built;
    }

    /** Builds the metadata of an instance as stored now, without the cache (the config drive's). */
    public InstanceMetadata build(Instance instance) {
        Optional<InstanceMetadata.Key> key = Optional.empty();
        if (instance.keyName() != null && instance.keyData() != null) {
            String type = guests.keyPair(instance.userId(), instance.keyName()).map(KeyPair::type)
                    .orElse(KeyPair.TYPE_SSH);
            key = Optional.of(new InstanceMetadata.Key(instance.keyName(), type, instance.keyData()));
        }
        String zone = instance.availabilityZone() != null ? instance.availabilityZone()
                : settings.defaultAvailabilityZone();
        String label = instance.interfaces().isEmpty() ? "" : instance.interfaces().getFirst().networkLabel();
        String networkId = UUID.nameUUIDFromBytes(("jnova-network:" + label).getBytes(StandardCharsets.UTF_8))
                .toString();
        return new InstanceMetadata(instance, key, zone, amiId(instance.imageRef()), settings.dhcpDomain(), networkId,
                new VendorData(settings.vendordataProviders(), staticVendorData(), dynamic), json);
    }

    /**
     * Saves the password a guest posted into the instance's system metadata (password_0..3,
     * 255 characters each), as nova's password handler does.
     */
    public void savePassword(String uuid, String password) {
        Map<String, String> chunks = new LinkedHashMap<>();
        String rest = password;
        for (int i = 0; i < PasswordHandler.CHUNKS; i++) {
            int n = Math.min(PasswordHandler.CHUNK_LENGTH, rest.length());
            chunks.put("password_" + i, rest.substring(0, n));
            rest = rest.substring(n);
        }
        guests.setSystemMetadata(uuid, chunks);
    }

    /** The EC2 id of an image, as the EC2 API shows it. */
    private String amiId(String imageId) {
        return guests.ec2ImageId(imageId);
    }

    /** The StaticJSON file's content; {} without a file. An unreadable file fails the request, as in nova. */
    private JsonNode staticVendorData() {
        String path = settings.vendordataJsonfilePath();
        if (path == null || path.isEmpty()) {
            return json.mapper().createObjectNode();
        }
        try {
            return json.read(Files.readAllBytes(Path.of(path)));
        } catch (IOException e) {
            throw new IllegalStateException("vendordata_jsonfile_path " + path + " cannot be read as JSON: "
                    + e.getMessage(), e);
        }
    }
}
