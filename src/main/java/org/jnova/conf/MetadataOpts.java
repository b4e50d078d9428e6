package org.jnova.conf;

import java.util.List;
import org.jnova.conf.cfg.Opt;

/**
 * Options of the metadata service that {@link ApiOpts} does not already hold: how neutron's
 * metadata proxy is trusted ({@code [neutron] service_metadata_proxy},
 * {@code metadata_proxy_shared_secret}), {@code [DEFAULT] force_config_drive} and where config
 * drives are kept ({@code [DEFAULT] instances_path}). The
 * {@code [api]} metadata options (cache expiration, vendordata, dhcp_domain,
 * use_forwarded_for, config_drive_skip_versions) are declared once, in ApiOpts.
 */
public final class MetadataOpts {
    public static final String NEUTRON = "neutron";

    public static final Opt<Boolean> SERVICE_METADATA_PROXY = Opt.bool(NEUTRON, "service_metadata_proxy")
            .defaultValue(false)
            .help("Whether requests come through neutron's metadata proxy, which names the instance in the "
                    + "X-Instance-ID, X-Tenant-ID and X-Instance-ID-Signature headers; otherwise the instance is "
                    + "found by the caller's address.")
            .build();
    public static final Opt<String> METADATA_PROXY_SHARED_SECRET = Opt.string(NEUTRON, "metadata_proxy_shared_secret")
            .defaultValue("").secret()
            .help("Secret shared with neutron's metadata proxy; it signs the instance id (HMAC-SHA256) in "
                    + "X-Instance-ID-Signature.")
            .build();
    public static final Opt<Boolean> FORCE_CONFIG_DRIVE = Opt.bool(Opt.DEFAULT_GROUP, "force_config_drive")
            .defaultValue(false)
            .help("Give every new instance a config drive, whether or not the boot request asked for one.")
            .build();

    public static final Opt<String> INSTANCES_PATH = Opt.string(Opt.DEFAULT_GROUP, "instances_path")
            .defaultValue("$state_path/instances").sampleDefault("$state_path/instances")
            .help("Where instances keep their files on the compute host; jnova's fake driver writes each "
                    + "config drive under it, in INSTANCE_UUID/config-drive.")
            .build();

    private MetadataOpts() {
    }

    public static List<Opt<?>> all() {
        return List.of(SERVICE_METADATA_PROXY, METADATA_PROXY_SHARED_SECRET, FORCE_CONFIG_DRIVE, INSTANCES_PATH);
    }
}
