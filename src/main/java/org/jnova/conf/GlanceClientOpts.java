package org.jnova.conf;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jnova.conf.cfg.ConfigOpts;
import org.jnova.conf.cfg.Opt;
import org.jnova.exception.ConfigError;
import org.jnova.utils.ClientTls;

/**
 * nova's {@code [glance]} options for reaching the operator's Glance. The compute side reads and
 * writes images there over Image v2 when {@code api_servers} or {@code endpoint_override} is
 * set, or when {@code [jnova_glance] external} is true (the endpoint then comes from the
 * caller's service catalog, as nova finds it through keystoneauth); otherwise (the default) it
 * uses jnova's built-in image catalog.
 */
public final class GlanceClientOpts {
    public static final String GROUP = "glance";

    public static final Opt<List<String>> API_SERVERS = Opt.list(GROUP, "api_servers")
            .help("List of glance api servers endpoints available to nova, each a fully qualified URL of the form "
                    + "\"scheme://hostname:port[/path]\" (i.e. \"http://10.0.1.0:9292\"). When set, jnova reads and "
                    + "writes the compute side's images in that Glance instead of its built-in image catalog; "
                    + "several are tried in turn.")
            .build();

    public static final Opt<String> ENDPOINT_OVERRIDE = Opt.string(GROUP, "endpoint_override")
            .help("Always use this endpoint URL for requests for this client. The unversioned endpoint should be "
                    + "specified here. Used when api_servers is unset; setting it turns the operator's Glance on.")
            .build();

    public static final Opt<String> SERVICE_TYPE = Opt.string(GROUP, "service_type")
            .defaultValue("image")
            .help("The default service_type for endpoint URL discovery.")
            .build();

    public static final Opt<List<String>> VALID_INTERFACES = Opt.list(GROUP, "valid_interfaces")
            .defaultValue(List.of("internal", "public"))
            .help("List of interfaces, in order of preference, for endpoint URL.")
            .build();

    public static final Opt<String> REGION_NAME = Opt.string(GROUP, "region_name")
            .help("The default region_name for endpoint URL discovery.")
            .build();

    public static final Opt<Boolean> EXTERNAL = Opt.bool("jnova_glance", "external")
            .defaultValue(false)
            .help("Use the operator's Glance for the compute side's images even when [glance] api_servers and "
                    + "endpoint_override are unset, finding it in the caller's service catalog by [glance] "
                    + "service_type, valid_interfaces and region_name. False (and no api_servers): jnova's built-in "
                    + "image catalog.")
            .build();

    public static final Opt<Integer> NUM_RETRIES = Opt.integer(GROUP, "num_retries")
            .defaultValue(3).min(0)
            .help("Enable glance operation retries. Specifies the number of retries when uploading / downloading an "
                    + "image to / from glance. 0 means no retries.")
            .build();

    public static final Opt<Boolean> VERIFY_GLANCE_SIGNATURES = Opt.bool(GROUP, "verify_glance_signatures")
            .defaultValue(false)
            .help("Enable image signature verification. Accepted and ignored by jnova: the fake driver downloads "
                    + "no image data.")
            .build();

    public static final Opt<Integer> TIMEOUT = Opt.integer(GROUP, "timeout")
            .min(1)
            .help("Timeout value for http requests, in seconds. When unset jnova gives a connection 5 seconds to "
                    + "open and a call 30 seconds to be answered.")
            .build();

    public static final Opt<String> CAFILE = Opt.string(GROUP, "cafile")
            .help("A PEM file of the certificate authorities that an https Glance's certificate must be signed by. "
                    + "Unset: the JDK's trusted authorities.")
            .build();

    public static final Opt<String> CERTFILE = Opt.string(GROUP, "certfile")
            .help("A PEM file with the client certificate jnova presents to an https Glance that asks for one "
                    + "(with keyfile).")
            .build();

    public static final Opt<String> KEYFILE = Opt.string(GROUP, "keyfile")
            .help("The PEM private key (PKCS#8, or RSA in PKCS#1) of the client certificate in certfile.")
            .build();

    public static final Opt<Boolean> INSECURE = Opt.bool(GROUP, "insecure")
            .defaultValue(false)
            .help("Skip the checks of an https Glance's certificate: any certificate, for any host name, is "
                    + "accepted. For tests only.")
            .build();

    public static final Opt<Boolean> COLLECT_TIMING = Opt.bool(GROUP, "collect_timing")
            .defaultValue(false)
            .help("Log how long each call to Glance took (method, path, status and milliseconds).")
            .build();

    private GlanceClientOpts() {
    }

    /**
     * How the Glance client reaches Glance: the fixed endpoints, or (when there are none) the
     * catalog entry of {@code serviceType} in {@code region} (any when null) with the first of
     * {@code interfaces} it has.
     */
    public record Settings(List<URI> apiServers, String serviceType, List<String> interfaces, String region,
            int numRetries, Duration connectTimeout, Duration requestTimeout, ClientTls tls, boolean collectTiming) {
        public Settings {
            apiServers = List.copyOf(apiServers);
            interfaces = List.copyOf(interfaces);
            java.util.Objects.requireNonNull(tls, "tls is null");
        }

        /** Plain settings: the JDK's trusted authorities, no timing log. */
        public Settings(List<URI> apiServers, String serviceType, List<String> interfaces, String region,
                int numRetries, Duration connectTimeout, Duration requestTimeout) {
            this(apiServers, serviceType, interfaces, region, numRetries, connectTimeout, requestTimeout,
                    ClientTls.none(GROUP), false);
        }

        public Settings withTls(ClientTls other) {
            return new Settings(apiServers, serviceType, interfaces, region, numRetries, connectTimeout,
                    requestTimeout, other, collectTiming);
        }
    }

    /** Whether the compute side uses the operator's Glance. */
    public static boolean external(ConfigOpts conf) {
        List<String> servers = conf.get(API_SERVERS);
        return servers != null && !servers.isEmpty() || conf.get(ENDPOINT_OVERRIDE) != null || conf.get(EXTERNAL);
    }

    public static Settings settings(ConfigOpts conf) {
        List<String> fixed = conf.get(API_SERVERS) != null && !conf.get(API_SERVERS).isEmpty() ? conf.get(API_SERVERS)
                : conf.get(ENDPOINT_OVERRIDE) != null ? List.of(conf.get(ENDPOINT_OVERRIDE)) : List.of();
        List<URI> servers = fixed.stream().map(GlanceClientOpts::endpoint).toList();
        Integer timeout = conf.get(TIMEOUT);
        Duration request = timeout == null ? Duration.ofSeconds(30) : Duration.ofSeconds(timeout);
        Duration connect = timeout == null ? Duration.ofSeconds(5) : Duration.ofSeconds(Math.min(timeout, 5));
        ClientTls tls = new ClientTls(GROUP, path(conf.get(CAFILE)), path(conf.get(CERTFILE)),
                path(conf.get(KEYFILE)), conf.get(INSECURE));
        return new Settings(servers, conf.get(SERVICE_TYPE), conf.get(VALID_INTERFACES), conf.get(REGION_NAME),
                conf.get(NUM_RETRIES), connect, request, tls, conf.get(COLLECT_TIMING));
    }

    static Path path(String file) {
        return file == null || file.isBlank() ? null : Path.of(file);
    }

    /** A configured or catalog endpoint as a base URL without a trailing slash or version. */
    public static URI endpoint(String server) {
        String url = server.contains("://") ? server : "http://" + server;
        try {
            URI uri = URI.create(url.replaceFirst("/+$", "").replaceFirst("/v2(\\.\\d+)?$", ""));
            if (uri.getHost() == null || !List.of("http", "https").contains(uri.getScheme())) {
                throw new IllegalArgumentException();
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new ConfigError("[glance] api_servers: " + server + " is not a URL of the form "
                    + "scheme://hostname:port[/path]");
        }
    }

    public static List<Opt<?>> all() {
        return List.of(API_SERVERS, ENDPOINT_OVERRIDE, SERVICE_TYPE, VALID_INTERFACES, REGION_NAME, NUM_RETRIES,
                VERIFY_GLANCE_SIGNATURES, TIMEOUT, CAFILE, CERTFILE, KEYFILE, INSECURE, COLLECT_TIMING, EXTERNAL);
    }
}
