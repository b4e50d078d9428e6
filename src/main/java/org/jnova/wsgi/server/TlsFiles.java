package org.jnova.wsgi.server;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The PEM files of a TLS listener: the server's certificate (chain), its private key and,
 * optionally, the CA certificates that client certificates must chain to.
 */
public record TlsFiles(Path certFile, Path keyFile, Optional<Path> caFile) {
    public TlsFiles {
        Objects.requireNonNull(certFile, "certFile is null");
        Objects.requireNonNull(keyFile, "keyFile is null");
        Objects.requireNonNull(caFile, "caFile is null");
    }
}
