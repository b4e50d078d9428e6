package org.jnova.cmd;

import java.util.Optional;
import org.jnova.conf.AllInOneOpts;
import org.jnova.conf.ServiceOpts;
import org.jnova.conf.cfg.ConfigOpts;
import org.jnova.conf.cfg.Opt;

/**
 * The URLs under which this process's APIs are reached, from where they listen: the host is
 * {@code [jnova_all_in_one] public_host} when set, else the listen address (127.0.0.1 for the
 * wildcard addresses, which no client can call); {@code https} for the APIs in
 * {@code enabled_ssl_apis}.
 */
final class LocalEndpoints {
    private final ConfigOpts conf;

    LocalEndpoints(ConfigOpts conf) {
        this.conf = conf;
    }

    /** Identity v3: {@code http://HOST:5000/v3}. */
    String identity() {
        return identityRoot() + "/v3";
    }

    /** The Identity API's root, its version list: {@code http://HOST:5000}. */
    String identityRoot() {
        return base("identity", ServiceOpts.IDENTITY_LISTEN, ServiceOpts.IDENTITY_LISTEN_PORT);
    }

    /** The compute API: {@code http://HOST:8774/v2.1}. */
    String compute() {
        return base("osapi_compute", ServiceOpts.OSAPI_COMPUTE_LISTEN, ServiceOpts.OSAPI_COMPUTE_LISTEN_PORT)
                + "/v2.1";
    }

    /** The Image API, unversioned as glance's catalog entry is: {@code http://HOST:9292}. */
    String image() {
        return base("image", ServiceOpts.IMAGE_LISTEN, ServiceOpts.IMAGE_LISTEN_PORT);
    }

    private String base(String api, Opt<String> listen, Opt<Integer> port) {
        String host = Optional.ofNullable(conf.get(AllInOneOpts.PUBLIC_HOST)).filter(h -> !h.isBlank())
                .orElseGet(() -> reachable(conf.get(listen)));
        if (host.indexOf(':') >= 0 && !host.startsWith("[")) {
            host = "[" + host + "]";
        }
        String scheme = conf.get(ServiceOpts.ENABLED_SSL_APIS).contains(api) ? "https" : "http";
        return scheme + "://" + host + ":" + conf.get(port);
    }

    private static String reachable(String listen) {
        return switch (listen) {
            case "0.0.0.0", "::", "[::]", "" -> "127.0.0.1";
            default -> listen;
        };
    }
}
