package org.jnova.conf;

import java.util.List;
import org.jnova.conf.cfg.Opt;

/**
 * The {@code [DEFAULT]} options of the API services and their launcher: which APIs run, where
 * each listens, how many worker processes it has (nova's {@code nova/conf/service.py}) and
 * oslo.service's {@code graceful_shutdown_timeout}.
 */
public final class ServiceOpts {
    private static final String DEFAULT = Opt.DEFAULT_GROUP;

    public static final Opt<List<String>> ENABLED_APIS = Opt.list(DEFAULT, "enabled_apis")
            .defaultValue(List.of("osapi_compute", "metadata"))
            .help("List of APIs to be enabled by default.")
            .build();

    public static final Opt<List<String>> ENABLED_SSL_APIS = Opt.list(DEFAULT, "enabled_ssl_apis")
            .defaultValue(List.of())
            .help("List of APIs with enabled SSL.")
            .build();

    public static final Opt<String> OSAPI_COMPUTE_LISTEN = Opt.string(DEFAULT, "osapi_compute_listen")
            .defaultValue("0.0.0.0")
            .help("IP address on which the OpenStack API will listen.")
            .build();

    public static final Opt<Integer> OSAPI_COMPUTE_LISTEN_PORT = Opt.integer(DEFAULT, "osapi_compute_listen_port")
            .defaultValue(8774).min(0).max(65535)
            .help("Port on which the OpenStack API will listen.")
            .build();

    public static final Opt<Integer> OSAPI_COMPUTE_WORKERS = Opt.integer(DEFAULT, "osapi_compute_workers")
            .min(1)
            .help("Number of workers for OpenStack API service. The default will be the number of CPUs available.")
            .build();

    public static final Opt<String> METADATA_LISTEN = Opt.string(DEFAULT, "metadata_listen")
            .defaultValue("0.0.0.0")
            .help("IP address on which the metadata API will listen.")
            .build();

    public static final Opt<Integer> METADATA_LISTEN_PORT = Opt.integer(DEFAULT, "metadata_listen_port")
            .defaultValue(8775).min(0).max(65535)
            .help("Port on which the metadata API will listen.")
            .build();

    public static final Opt<Integer> METADATA_WORKERS = Opt.integer(DEFAULT, "metadata_workers")
            .min(1)
            .help("Number of workers for metadata service. If not specified the number of available CPUs"
                    + " will be used.")
            .build();

    public static final Opt<String> IDENTITY_LISTEN = Opt.string(DEFAULT, "identity_listen")
            .defaultValue("0.0.0.0")
            .help("IP address on which the Identity v3 API will listen (enabled_apis = identity).")
            .build();

    public static final Opt<Integer> IDENTITY_LISTEN_PORT = Opt.integer(DEFAULT, "identity_listen_port")
            .defaultValue(5000).min(0).max(65535)
            .help("Port on which the Identity v3 API will listen.")
            .build();

    public static final Opt<Integer> IDENTITY_WORKERS = Opt.integer(DEFAULT, "identity_workers")
            .min(1)
            .help("Number of workers for the Identity v3 API. If not specified the number of available CPUs"
                    + " will be used.")
            .build();

    public static final Opt<String> IMAGE_LISTEN = Opt.string(DEFAULT, "image_listen")
            .defaultValue("0.0.0.0")
            .help("IP address on which the Image v2 API (enabled_apis = image) will listen.")
            .build();

    public static final Opt<Integer> IMAGE_LISTEN_PORT = Opt.integer(DEFAULT, "image_listen_port")
            .defaultValue(9292).min(0).max(65535)
            .help("Port on which the Image v2 API will listen.")
            .build();

    public static final Opt<Integer> IMAGE_WORKERS = Opt.integer(DEFAULT, "image_workers")
            .min(1)
            .help("Number of workers for the Image v2 API. The default will be the number of CPUs available.")
            .build();

    public static final Opt<String> EC2_LISTEN = Opt.string(DEFAULT, "ec2_listen")
            .defaultValue("0.0.0.0")
            .help("The IP address on which the EC2 API (enabled_apis = ec2) will listen.")
            .build();

    public static final Opt<Integer> EC2_LISTEN_PORT = Opt.integer(DEFAULT, "ec2_listen_port")
            .defaultValue(8773).min(0).max(65535)
            .help("The port on which the EC2 API will listen.")
            .build();

    public static final Opt<Integer> EC2_WORKERS = Opt.integer(DEFAULT, "ec2_workers")
            .min(1)
            .help("Number of workers for EC2 API service. The default will be equal to the number of CPUs"
                    + " available.")
            .build();

    public static final Opt<Integer> GRACEFUL_SHUTDOWN_TIMEOUT = Opt.integer(DEFAULT, "graceful_shutdown_timeout")
            .defaultValue(60)
            .help("Specify a timeout after which a gracefully shutdown server will exit. Zero value means"
                    + " endless wait.")
            .build();

    private ServiceOpts() {
    }

    public static List<Opt<?>> all() {
        return List.of(ENABLED_APIS, ENABLED_SSL_APIS, OSAPI_COMPUTE_LISTEN, OSAPI_COMPUTE_LISTEN_PORT,
                OSAPI_COMPUTE_WORKERS, METADATA_LISTEN, METADATA_LISTEN_PORT, METADATA_WORKERS,
                IDENTITY_LISTEN, IDENTITY_LISTEN_PORT, IDENTITY_WORKERS, IMAGE_LISTEN, IMAGE_LISTEN_PORT, IMAGE_WORKERS,
                EC2_LISTEN, EC2_LISTEN_PORT, EC2_WORKERS,
                GRACEFUL_SHUTDOWN_TIMEOUT);
    }
}
