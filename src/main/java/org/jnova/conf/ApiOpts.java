package org.jnova.conf;

import java.util.List;
import org.jnova.conf.cfg.Opt;

/**
 * Options of the Compute API layer: nova's {@code [api]} group ({@code nova/conf/api.py}) and
 * {@code [DEFAULT] osapi_compute_extension}, which nova had until Newton and jnova keeps for
 * extensions named by class.
 */
public final class ApiOpts {
    public static final String GROUP = "api";

    public static final Opt<List<String>> OSAPI_COMPUTE_EXTENSION = Opt.list(Opt.DEFAULT_GROUP, "osapi_compute_extension")
            .defaultValue(List.of())
            .help("Class names of Compute API extensions to load, besides those found on the class path "
                    + "through ServiceLoader.")
            .build();

    public static final Opt<String> AUTH_STRATEGY = Opt.string(GROUP, "auth_strategy")
            .defaultValue("keystone").choices("keystone", "noauth2")
            .help("How API callers are authenticated: keystone, or noauth2 (testing only: trusts the token's "
                    + "user:project, never use it in production).")
            .build();
    public static final Opt<Boolean> USE_FORWARDED_FOR = Opt.bool(GROUP, "use_forwarded_for")
            .defaultValue(false)
            .deprecatedName(Opt.DEFAULT_GROUP, "use_forwarded_for")
            .help("Take the client address from X-Forwarded-For; only behind a proxy that sets it.")
            .build();
    public static final Opt<String> CONFIG_DRIVE_SKIP_VERSIONS = Opt.string(GROUP, "config_drive_skip_versions")
            .defaultValue("1.0 2007-01-19 2007-03-01 2007-08-29 2007-10-10 2007-12-15 2008-02-01 2008-09-01")
            .help("Space-separated metadata versions the config drive leaves out.")
            .build();
    public static final Opt<List<String>> VENDORDATA_PROVIDERS = Opt.list(GROUP, "vendordata_providers")
            .defaultValue(List.of("StaticJSON"))
            .help("Vendordata providers, in order: StaticJSON, DynamicJSON.")
            .build();
    public static final Opt<List<String>> VENDORDATA_DYNAMIC_TARGETS = Opt.list(GROUP, "vendordata_dynamic_targets")
            .defaultValue(List.of())
            .help("name@URL of each external REST service DynamicJSON asks for vendordata.")
            .build();
    public static final Opt<String> VENDORDATA_DYNAMIC_SSL_CERTFILE = Opt.string(GROUP, "vendordata_dynamic_ssl_certfile")
            .defaultValue("")
            .help("CA certificate file to verify the dynamic vendordata services' TLS certificates.")
            .build();
    public static final Opt<Integer> VENDORDATA_DYNAMIC_CONNECT_TIMEOUT = Opt.integer(GROUP, "vendordata_dynamic_connect_timeout")
            .defaultValue(5).min(3)
            .help("Seconds to wait for a dynamic vendordata service to accept the connection.")
            .build();
    public static final Opt<Integer> VENDORDATA_DYNAMIC_READ_TIMEOUT = Opt.integer(GROUP, "vendordata_dynamic_read_timeout")
            .defaultValue(5).min(0)
            .help("Seconds to wait for a dynamic vendordata service's answer once connected.")
            .build();
    public static final Opt<Boolean> VENDORDATA_DYNAMIC_FAILURE_FATAL = Opt.bool(GROUP, "vendordata_dynamic_failure_fatal")
            .defaultValue(false)
            .help("Whether a failing dynamic vendordata service fails the instance's metadata request.")
            .build();
    public static final Opt<Integer> METADATA_CACHE_EXPIRATION = Opt.integer(GROUP, "metadata_cache_expiration")
            .defaultValue(15).min(0)
            .help("Seconds an instance's metadata stays cached; 0 disables the cache.")
            .build();
    public static final Opt<Boolean> LOCAL_METADATA_PER_CELL = Opt.bool(GROUP, "local_metadata_per_cell")
            .defaultValue(false)
            .help("Whether the metadata service runs per cell instead of globally.")
            .build();
    public static final Opt<String> DHCP_DOMAIN = Opt.string(GROUP, "dhcp_domain")
            .defaultValue("novalocal")
            .help("Domain appended to instance host names in the metadata; empty for none.")
            .build();
    public static final Opt<String> VENDORDATA_JSONFILE_PATH = Opt.string(GROUP, "vendordata_jsonfile_path")
            .help("JSON file the StaticJSON vendordata provider serves.")
            .build();
    public static final Opt<Integer> MAX_LIMIT = Opt.integer(GROUP, "max_limit")
            .defaultValue(1000).min(0)
            .deprecatedName(Opt.DEFAULT_GROUP, "osapi_max_limit")
            .help("Most items a single list response returns, whatever limit the caller asks for.")
            .build();
    public static final Opt<String> COMPUTE_LINK_PREFIX = Opt.string(GROUP, "compute_link_prefix")
            .deprecatedName(Opt.DEFAULT_GROUP, "osapi_compute_link_prefix")
            .help("Base URL that replaces scheme, host and port of Compute API links in responses "
                    + "(e.g. behind a proxy); unset keeps the request's own URL.")
            .build();
    public static final Opt<String> GLANCE_LINK_PREFIX = Opt.string(GROUP, "glance_link_prefix")
            .deprecatedName(Opt.DEFAULT_GROUP, "osapi_glance_link_prefix")
            .help("Base URL that replaces scheme, host and port of Image service links in responses.")
            .build();
    public static final Opt<Boolean> INSTANCE_LIST_PER_PROJECT_CELLS = Opt.bool(GROUP, "instance_list_per_project_cells")
            .defaultValue(false)
            .help("List a project's instances only from the cells the project has instances in.")
            .build();
    public static final Opt<String> INSTANCE_LIST_CELLS_BATCH_STRATEGY = Opt.string(GROUP, "instance_list_cells_batch_strategy")
            .defaultValue("distributed").choices("distributed", "fixed")
            .help("How instance lists split the requested limit into per-cell batches.")
            .build();
    public static final Opt<Integer> INSTANCE_LIST_CELLS_BATCH_FIXED_SIZE = Opt.integer(GROUP, "instance_list_cells_batch_fixed_size")
            .defaultValue(100).min(100)
            .help("Batch size per cell with the fixed batch strategy.")
            .build();
    public static final Opt<Boolean> LIST_RECORDS_BY_SKIPPING_DOWN_CELLS = Opt.bool(GROUP, "list_records_by_skipping_down_cells")
            .defaultValue(true)
            .help("Whether lists leave out records of unreachable cells instead of failing with 500.")
            .build();
    public static final Opt<Boolean> USE_NEUTRON_DEFAULT_NETS = Opt.bool(GROUP, "use_neutron_default_nets")
            .defaultValue(false)
            .help("Whether the networks API also shows networks shared by the default tenant.")
            .build();
    public static final Opt<String> NEUTRON_DEFAULT_TENANT_ID = Opt.string(GROUP, "neutron_default_tenant_id")
            .defaultValue("default")
            .help("The tenant whose networks use_neutron_default_nets adds.")
            .build();
    public static final Opt<Boolean> ENABLE_INSTANCE_PASSWORD = Opt.bool(GROUP, "enable_instance_password")
            .defaultValue(true)
            .help("Whether server create and rebuild responses include adminPass.")
            .build();

    private ApiOpts() {
    }

    public static List<Opt<?>> all() {
        return List.of(OSAPI_COMPUTE_EXTENSION, AUTH_STRATEGY, USE_FORWARDED_FOR, CONFIG_DRIVE_SKIP_VERSIONS,
                VENDORDATA_PROVIDERS, VENDORDATA_DYNAMIC_TARGETS, VENDORDATA_DYNAMIC_SSL_CERTFILE,
                VENDORDATA_DYNAMIC_CONNECT_TIMEOUT, VENDORDATA_DYNAMIC_READ_TIMEOUT, VENDORDATA_DYNAMIC_FAILURE_FATAL,
                METADATA_CACHE_EXPIRATION, LOCAL_METADATA_PER_CELL, DHCP_DOMAIN, VENDORDATA_JSONFILE_PATH, MAX_LIMIT,
                COMPUTE_LINK_PREFIX, GLANCE_LINK_PREFIX, INSTANCE_LIST_PER_PROJECT_CELLS,
                INSTANCE_LIST_CELLS_BATCH_STRATEGY, INSTANCE_LIST_CELLS_BATCH_FIXED_SIZE,
                LIST_RECORDS_BY_SKIPPING_DOWN_CELLS, USE_NEUTRON_DEFAULT_NETS, NEUTRON_DEFAULT_TENANT_ID,
                ENABLE_INSTANCE_PASSWORD);
    }
}
