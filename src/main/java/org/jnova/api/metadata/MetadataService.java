package org.jnova.api.metadata;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.jnova.api.openstack.NovaJson;
import org.jnova.conf.ApiOpts;
import org.jnova.conf.ComputeOpts;
import org.jnova.conf.MetadataOpts;
import org.jnova.conf.cfg.ConfigOpts;
import org.jnova.compute.GuestDataApi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the metadata service's parts from configuration over what the compute side knows of a guest: the
 * paste application (nova.api.metadata.handler:MetadataRequestHandler.factory) and the
 * config drive writer the fake driver uses.
 */
public final class MetadataService {
    private static final Logger LOG = LoggerFactory.getLogger(MetadataService.class);

    private MetadataService() {
    }

    /** The source of instance metadata, with its cache, as configured. */
    public static MetadataSource source(ConfigOpts conf, GuestDataApi guestData) {
        NovaJson json = new NovaJson();
        return new MetadataSource(guestData, new MetadataSource.Settings(
                Duration.ofSeconds(conf.get(ApiOpts.METADATA_CACHE_EXPIRATION)), conf.get(ApiOpts.DHCP_DOMAIN),
                conf.get(ComputeOpts.DEFAULT_AVAILABILITY_ZONE), conf.get(ApiOpts.VENDORDATA_PROVIDERS),
                conf.get(ApiOpts.VENDORDATA_JSONFILE_PATH)), json,
                new DynamicVendorData(conf.get(ApiOpts.VENDORDATA_DYNAMIC_TARGETS),
                        Duration.ofSeconds(conf.get(ApiOpts.VENDORDATA_DYNAMIC_CONNECT_TIMEOUT)),
                        Duration.ofSeconds(conf.get(ApiOpts.VENDORDATA_DYNAMIC_READ_TIMEOUT)),
                        conf.get(ApiOpts.VENDORDATA_DYNAMIC_FAILURE_FATAL), json));
    }

    /**
     * The metadata application, as the paste factory builds it. Trusting neutron's proxy with
     * no shared secret is allowed, as in nova, but warned about: anyone who can reach the
     * service can then sign any instance id.
     */
    public static MetadataRequestHandler app(ConfigOpts conf, GuestDataApi guestData) {
        String secret = conf.get(MetadataOpts.METADATA_PROXY_SHARED_SECRET);
        if (conf.get(MetadataOpts.SERVICE_METADATA_PROXY) && (secret == null || secret.isEmpty())) {
            LOG.warn("[neutron] service_metadata_proxy is on but metadata_proxy_shared_secret is empty: anyone who "
                    + "can reach the metadata service can name any instance in X-Instance-ID and read its metadata, "
                    + "user data and password. Set a secret shared with neutron's metadata proxy.");
        }
        MetadataSource source = source(conf, guestData);
        WebobErrors errors = new WebobErrors(new NovaJson());
        return new MetadataRequestHandler(source, new MetadataRequestHandler.Trust(
                conf.get(MetadataOpts.SERVICE_METADATA_PROXY), conf.get(MetadataOpts.METADATA_PROXY_SHARED_SECRET),
                conf.get(ApiOpts.USE_FORWARDED_FOR)), errors, new PasswordHandler(source, errors));
    }

    /** The config drive writer for the compute host. */
    public static ConfigDrive configDrive(ConfigOpts conf, GuestDataApi guestData) {
        String skip = conf.get(ApiOpts.CONFIG_DRIVE_SKIP_VERSIONS);
        List<String> skipVersions = skip == null ? List.of()
                : Arrays.stream(skip.split(" ")).filter(s -> !s.isEmpty()).toList();
        return new ConfigDrive(source(conf, guestData), guestData, Path.of(conf.get(MetadataOpts.INSTANCES_PATH)),
                conf.get(MetadataOpts.FORCE_CONFIG_DRIVE), skipVersions);
    }
}
