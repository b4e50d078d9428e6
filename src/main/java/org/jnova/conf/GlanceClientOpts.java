package org.jnova.conf;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.jnova.conf.cfg.ConfigOpts;
import org.jnova.conf.cfg.Opt;
import org.jnova.exception.ConfigError;

/**
 * nova's {@code [glance]} options for reaching the operator's Glance. When {@code api_servers}
 * is set the compute side reads and writes images there over Image v2; unset (the default) it
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

    private GlanceClientOpts() {
    }

    /** How the Glance client reaches Glance. */
    public record Settings(List<URI> apiServers, int numRetries, Duration connectTimeout, Duration requestTimeout) {
        public Settings {
            apiServers = List.copyOf(apiServers);
        }
    }

    /** Whether the compute side uses the operator's Glance ({@code api_servers} set). */
    public static boolean external(ConfigOpts conf) {
        List<String> servers = conf.get(API_SERVERS);
        return servers != null && !servers.isEmpty();
    }

    public static Settings settings(ConfigOpts conf) {
        List<URI> servers = conf.get(API_SERVERS).stream().map(GlanceClientOpts::endpoint).toList();
        Integer timeout = conf.get(TIMEOUT);
        Duration request = timeout == null ? Duration.ofSeconds(30) : Duration.ofSeconds(timeout);
        Duration connect = timeout == null ? Duration.ofSeconds(5) : Duration.ofSeconds(Math.min(timeout, 5));
        return new Settings(servers, conf.get(NUM_RETRIES), connect, request);
    }

    private static URI endpoint(String server) {
        String url = server.contains("://") ? server : "http://" + server;
        try {
            URI uri = URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
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
        return List.of(API_SERVERS, NUM_RETRIES, VERIFY_GLANCE_SIGNATURES, TIMEOUT);
    }
}
