package org.jnova.conf;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jnova.conf.cfg.ConfigOpts;
import org.jnova.conf.cfg.Opt;
import org.jnova.utils.ClientTls;

/**
 * keystoneauth's session options in one group: how jnova's HTTP client for that group checks an
 * https server and authenticates to it, and how long a call may take ({@code [service_user]}
 * for the service token).
 */
public record SessionOpts(String group, Opt<String> cafile, Opt<String> certfile, Opt<String> keyfile,
        Opt<Boolean> insecure, Opt<Integer> timeout) {

    /** The options in {@code group}. */
    public static SessionOpts in(String group) {
        return new SessionOpts(group,
                Opt.string(group, "cafile")
                        .help("A PEM file of the certificate authorities an https server's certificate must be "
                                + "signed by. Unset: the JDK's trusted authorities.")
                        .build(),
                Opt.string(group, "certfile")
                        .help("A PEM file with the client certificate presented to an https server that asks for "
                                + "one (with keyfile).")
                        .build(),
                Opt.string(group, "keyfile")
                        .help("The PEM private key (PKCS#8, or RSA in PKCS#1) of the client certificate in certfile.")
                        .build(),
                Opt.bool(group, "insecure")
                        .defaultValue(false)
                        .help("Skip the checks of an https server's certificate: any certificate, for any host "
                                + "name, is accepted. For tests only.")
                        .build(),
                Opt.integer(group, "timeout")
                        .min(1)
                        .help("Timeout value for http requests, in seconds: how long a connection may take to open "
                                + "and a call to be answered. Unset: 5 seconds to connect and 10 to be answered.")
                        .build());
    }

    /** The TLS settings the options give. */
    public ClientTls tls(ConfigOpts conf) {
        return new ClientTls(group, GlanceClientOpts.path(conf.get(cafile)), GlanceClientOpts.path(conf.get(certfile)),
                GlanceClientOpts.path(conf.get(keyfile)), Boolean.TRUE.equals(conf.get(insecure)));
    }

    /** The timeout, when set. */
    public Optional<Duration> timeout(ConfigOpts conf) {
        return Optional.ofNullable(conf.get(timeout)).map(Duration::ofSeconds);
    }

    /** In the order the sample configuration lists them. */
    public List<Opt<?>> all() {
        return List.of(cafile, certfile, keyfile, insecure, timeout);
    }
}
