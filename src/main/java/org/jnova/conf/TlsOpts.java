package org.jnova.conf;

import java.util.List;
import org.jnova.conf.cfg.ConfigOpts;
import org.jnova.conf.cfg.Opt;
import org.jnova.utils.ClientTls;

/**
 * The HTTPS options of one group's HTTP client, named as keystoneauth's session options and
 * keystonemiddleware's {@code [keystone_authtoken]} name them: {@code cafile},
 * {@code certfile}, {@code keyfile}, {@code insecure}.
 */
public record TlsOpts(String group, Opt<String> cafile, Opt<String> certfile, Opt<String> keyfile,
        Opt<Boolean> insecure) {

    /** The options in {@code group}. */
    public static TlsOpts in(String group) {
        return new TlsOpts(group,
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
                        .build());
    }

    /** The TLS settings the options give. */
    public ClientTls tls(ConfigOpts conf) {
        return tls(conf.get(cafile), conf.get(certfile), conf.get(keyfile), conf.get(insecure));
    }

    /** The TLS settings of these values (blank file names are unset). */
    public ClientTls tls(String cafileValue, String certfileValue, String keyfileValue, Boolean insecureValue) {
        return new ClientTls(group, GlanceClientOpts.path(cafileValue), GlanceClientOpts.path(certfileValue),
                GlanceClientOpts.path(keyfileValue), Boolean.TRUE.equals(insecureValue));
    }

    /** In the order the sample configuration lists them. */
    public List<Opt<?>> all() {
        return List.of(cafile, certfile, keyfile, insecure);
    }
}
