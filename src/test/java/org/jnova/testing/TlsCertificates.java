package org.jnova.testing;

import java.nio.file.Path;

/**
 * The certificates of a TLS test, made by openssl: the server's (what {@code cafile} must name to
 * trust it), another authority's that did not sign it, and a client's for a server that demands one.
 */
public record TlsCertificates(Path cert, Path key, Path otherCa, Path clientCert, Path clientKey) {

    /** Makes them in {@code dir}, the server's for 127.0.0.1 in files named after {@code server}. */
    public static TlsCertificates make(Path dir, String server) throws Exception {
        TlsCertificates tls = new TlsCertificates(dir.resolve(server + ".pem"), dir.resolve(server + "-key.pem"),
                dir.resolve("other.pem"), dir.resolve("client.pem"), dir.resolve("client-key.pem"));
        TestCertificates.selfSigned(dir, "127.0.0.1", tls.cert, tls.key);
        TestCertificates.selfSigned(dir, "127.0.0.1", tls.otherCa, dir.resolve("other-key.pem"));
        TestCertificates.selfSigned(dir, "nova-client", tls.clientCert, tls.clientKey);
        return tls;
    }

    /** A forwarder to {@code port} that presents the server's certificate. */
    public TlsForwarder https(int port) throws Exception {
        return new TlsForwarder(cert, key, null, port);
    }

    /** A forwarder to {@code port} that presents the server's certificate and demands the client's. */
    public TlsForwarder mutual(int port) throws Exception {
        return new TlsForwarder(cert, key, clientCert, port);
    }
}
