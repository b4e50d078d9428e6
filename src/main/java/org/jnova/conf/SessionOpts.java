package org.jnova.conf;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jnova.conf.cfg.ConfigOpts;
import org.jnova.conf.cfg.Opt;
import org.jnova.utils.ClientTls;

/**
 * keystoneauth's session options in one group: how jnova's HTTP client for that group checks an
 * https server and authenticates to it ({@link TlsOpts}), and how long a call may take
 * ({@code [service_user]} for the service token).
 */
public record SessionOpts(String group, TlsOpts https, Opt<Integer> timeout) {

    /** The options in {@code group}. */
    public static SessionOpts in(String group) {
        return new SessionOpts(group, TlsOpts.in(group),
                Opt.integer(group, "timeout")
                        .min(1)
                        .help("Timeout value for http requests, in seconds: how long a connection may take to open "
                                + "and a call to be answered. Unset: 5 seconds to connect and 10 to be answered.")
                        .build());
    }

    /** The TLS settings the options give. */
    public ClientTls tls(ConfigOpts conf) {
        return https.tls(conf);
    }

    /** The timeout, when set. */
    public Optional<Duration> timeout(ConfigOpts conf) {
        return Optional.ofNullable(conf.get(timeout)).map(Duration::ofSeconds);
    }

    /** In the order the sample configuration lists them. */
    public List<Opt<?>> all() {
        List<Opt<?>> all = new ArrayList<>(https.all());
        all.add(timeout);
        return List.copyOf(all);
    }
}
