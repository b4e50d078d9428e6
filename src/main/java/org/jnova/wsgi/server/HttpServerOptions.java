package org.jnova.wsgi.server;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.jnova.conf.ServiceOpts;
import org.jnova.conf.WsgiOpts;
import org.jnova.conf.cfg.ConfigOpts;
import org.jnova.exception.ConfigError;

/**
 * How an {@link HttpServer} listens and serves: the knobs of the seeds' {@code wsgi.Server}
 * (pool size, backlog, header line and URL limits, TLS) and of the {@code [wsgi]} options.
 *
 * @param poolSize most requests served at once
 * @param backlog accept queue length; below 1 the server refuses to be built
 * @param maxHeaderLine longest header line ("Name: value") accepted; longer answers 400
 * @param maxUrlLength longest request target accepted, if any; longer answers 414
 * @param clientSocketTimeoutSeconds idle time after which a connection is closed; 0 never
 * @param keepAlive whether connections are kept open between requests
 * @param tcpKeepIdleSeconds TCP_KEEPIDLE of accepted sockets; 0 leaves the system default
 * @param gracefulShutdownTimeoutSeconds how long stop waits for requests in flight; 0 forever
 * @param tls the TLS files when the server speaks HTTPS
 */
public record HttpServerOptions(int poolSize, int backlog, int maxHeaderLine, OptionalInt maxUrlLength,
        int clientSocketTimeoutSeconds, boolean keepAlive, int tcpKeepIdleSeconds,
        int gracefulShutdownTimeoutSeconds, Optional<TlsFiles> tls) {

    /** The seeds' default accept queue length. */
    public static final int DEFAULT_BACKLOG = 128;

    public HttpServerOptions {
        Objects.requireNonNull(maxUrlLength, "maxUrlLength is null");
        Objects.requireNonNull(tls, "tls is null");
    }

    /** The defaults of every option: pool 1000, backlog 128, no URL limit, plain HTTP. */
    public static HttpServerOptions defaults() {
        return new HttpServerOptions(1000, DEFAULT_BACKLOG, 16384, OptionalInt.empty(), 900, true, 600, 60,
                Optional.empty());
    }

    /**
     * The options as configured: {@code [wsgi]} values, {@code graceful_shutdown_timeout}, and
     * the {@code [wsgi] ssl_*_file} files when {@code useSsl} (missing files are a ConfigError).
     */
    public static HttpServerOptions fromConfig(ConfigOpts conf, boolean useSsl, OptionalInt maxUrlLength) {
        Objects.requireNonNull(conf, "conf is null");
        Optional<TlsFiles> tls = useSsl ? Optional.of(tlsFiles(conf)) : Optional.empty();
        return new HttpServerOptions(conf.get(WsgiOpts.DEFAULT_POOL_SIZE), DEFAULT_BACKLOG,
                conf.get(WsgiOpts.MAX_HEADER_LINE), maxUrlLength, conf.get(WsgiOpts.CLIENT_SOCKET_TIMEOUT),
                conf.get(WsgiOpts.KEEP_ALIVE), conf.get(WsgiOpts.TCP_KEEPIDLE),
                conf.get(ServiceOpts.GRACEFUL_SHUTDOWN_TIMEOUT), tls);
    }

    private static TlsFiles tlsFiles(ConfigOpts conf) {
        Path cert = existing(conf.get(WsgiOpts.SSL_CERT_FILE), "cert_file");
        Path key = existing(conf.get(WsgiOpts.SSL_KEY_FILE), "key_file");
        String ca = conf.get(WsgiOpts.SSL_CA_FILE);
        return new TlsFiles(cert, key, ca == null || ca.isBlank() ? Optional.empty() : Optional.of(existing(ca, "ca_file")));
    }

    private static Path existing(String file, String what) {
        if (file == null || file.isBlank()) {
            throw new ConfigError("When running server in SSL mode, you must specify both a cert_file and"
                    + " key_file option value in your configuration file");
        }
        Path path = Path.of(file);
        if (!Files.isRegularFile(path)) {
            throw new ConfigError("Unable to find " + what + " : " + file);
        }
        return path;
    }

    public HttpServerOptions withPoolSize(int value) {
        return new HttpServerOptions(value, backlog, maxHeaderLine, maxUrlLength, clientSocketTimeoutSeconds,
                keepAlive, tcpKeepIdleSeconds, gracefulShutdownTimeoutSeconds, tls);
    }

    public HttpServerOptions withBacklog(int value) {
        return new HttpServerOptions(poolSize, value, maxHeaderLine, maxUrlLength, clientSocketTimeoutSeconds,
                keepAlive, tcpKeepIdleSeconds, gracefulShutdownTimeoutSeconds, tls);
    }

    public HttpServerOptions withMaxHeaderLine(int value) {
        return new HttpServerOptions(poolSize, backlog, value, maxUrlLength, clientSocketTimeoutSeconds,
                keepAlive, tcpKeepIdleSeconds, gracefulShutdownTimeoutSeconds, tls);
    }

    public HttpServerOptions withMaxUrlLength(int value) {
        return new HttpServerOptions(poolSize, backlog, maxHeaderLine, OptionalInt.of(value),
                clientSocketTimeoutSeconds, keepAlive, tcpKeepIdleSeconds, gracefulShutdownTimeoutSeconds, tls);
    }

    public HttpServerOptions withGracefulShutdownTimeout(int seconds) {
        return new HttpServerOptions(poolSize, backlog, maxHeaderLine, maxUrlLength, clientSocketTimeoutSeconds,
                keepAlive, tcpKeepIdleSeconds, seconds, tls);
    }

    public HttpServerOptions withTls(TlsFiles files) {
        return new HttpServerOptions(poolSize, backlog, maxHeaderLine, maxUrlLength, clientSocketTimeoutSeconds,
                keepAlive, tcpKeepIdleSeconds, gracefulShutdownTimeoutSeconds, Optional.of(files));
    }
}
