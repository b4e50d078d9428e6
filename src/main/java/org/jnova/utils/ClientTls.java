package org.jnova.utils;

import java.net.Socket;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import org.jnova.exception.ConfigError;

/**
 * How an HTTPS client of jnova checks servers and authenticates to them, from keystoneauth's
 * session options of one group ({@code [glance]}, {@code [service_user]},
 * {@code [keystone_authtoken]}): the authorities of
 * {@code cafile} (else the JDK's), the client certificate of {@code certfile}/{@code keyfile}
 * when set, and with {@code insecure} no check of the server's certificate or host name.
 *
 * @param group the option group, named in configuration errors
 */
public record ClientTls(String group, Path cafile, Path certfile, Path keyfile, boolean insecure) {
    public ClientTls {
        java.util.Objects.requireNonNull(group, "group is null");
        if ((certfile == null) != (keyfile == null)) {
            throw new ConfigError("[" + group + "] certfile and keyfile must be set together");
        }
    }

    /** The JDK's trusted authorities and no client certificate. */
    public static ClientTls none(String group) {
        return new ClientTls(group, null, null, null, false);
    }

    /** The TLS context; a configuration error when the files cannot be used. */
    public SSLContext sslContext() {
        try {
            KeyManager[] keys = null;
            if (certfile != null) {
                KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                factory.init(PemKeyStores.keyStore(certfile, keyfile), PemKeyStores.PASSWORD);
                keys = factory.getKeyManagers();
            }
            TrustManager[] trust;
            if (insecure) {
                trust = new TrustManager[] {new TrustingEveryServer()};
            } else {
                TrustManagerFactory factory = TrustManagerFactory.getInstance(
                        TrustManagerFactory.getDefaultAlgorithm());
                factory.init(cafile == null ? null : PemKeyStores.trustStore(cafile));
                trust = factory.getTrustManagers();
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys, trust, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new ConfigError("[" + group + "] TLS settings cannot be used: " + e.getMessage(), e);
        }
    }

    /**
     * {@code insecure = true}: any server certificate is accepted. Being an extended trust
     * manager, it also stands in for the host name check the JDK would otherwise add.
     */
    private static final class TrustingEveryServer extends X509ExtendedTrustManager {
        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws java.security.cert.CertificateException {
            throw new java.security.cert.CertificateException("a client does not check clients");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws java.security.cert.CertificateException {
            throw new java.security.cert.CertificateException("a client does not check clients");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType)
                throws java.security.cert.CertificateException {
            throw new java.security.cert.CertificateException("a client does not check clients");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
