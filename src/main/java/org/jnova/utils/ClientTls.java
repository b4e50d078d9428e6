package org.jnova.image;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import org.jnova.conf.GlanceClientOpts;
import org.jnova.exception.ConfigError;
import org.jnova.utils.PemKeyStores;

/**
 * The TLS context of the Glance client from nova's {@code [glance]} options: the authorities of
 * {@code cafile} (else the JDK's), the client certificate of {@code certfile}/{@code keyfile}
 * when set, and with {@code insecure} no check of the server's certificate or host name.
 */
final class GlanceTls {
    private GlanceTls() {
    }

    static SSLContext sslContext(GlanceClientOpts.Tls tls) {
        try {
            KeyManager[] keys = null;
            if (tls.certfile() != null) {
                KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                factory.init(PemKeyStores.keyStore(tls.certfile(), tls.keyfile()), PemKeyStores.PASSWORD);
                keys = factory.getKeyManagers();
            }
            TrustManager[] trust;
            if (tls.insecure()) {
                trust = new TrustManager[] {new TrustingEveryServer()};
            } else {
                TrustManagerFactory factory = TrustManagerFactory.getInstance(
                        TrustManagerFactory.getDefaultAlgorithm());
                factory.init(tls.cafile() == null ? null : PemKeyStores.trustStore(tls.cafile()));
                trust = factory.getTrustManagers();
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys, trust, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new ConfigError("[glance] TLS settings cannot be used: " + e.getMessage(), e);
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
