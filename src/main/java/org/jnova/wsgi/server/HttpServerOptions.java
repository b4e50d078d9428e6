package org.jnova.wsgi.server;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.jnova.conf.MiddlewareOpts;
import org.jnova.conf.ServiceOpts;
import org.jnova.conf.WsgiOpts;
import org.jnova.conf.cfg.ConfigOpts;
import org.jnova.exception.ConfigError;

/**
 * How an {@link HttpServer} listens and serves: the knobs of the seeds' {@code wsgi.Server}
 * (pool size, backlog, header line and URL limits, TLS), of the {@code [wsgi]} options and
 * the body limit of {@code [oslo_middleware]}.
 *
 * @param poolSize most requests served at once
 * @param maxQueuedRequests most requests waiting for one of the pool's threads; more answer 503
 * @param backlog accept queue length; below 1 the server refuses to be built
 * @param maxHeaderLine a header line ("Name: value" and its CRLF) this long or longer answers 400
 * @param maxUrlLength a request line (method, target, version and CRLF) this long or longer
 *     answers 414: eventlet's {@code url_length_limit}
 * @param maxRequestBodySize a body larger than this answers 413, read no further
 * @param clientSocketTimeoutSeconds idle time after which a connection is closed; 0 never
 * @param keepAlive whether connections are kept open between requests
 * @param tcpKeepIdleSeconds TCP_KEEPIDLE of accepted sockets; 0 leaves the system default
 * @param gracefulShutdownTimeoutSeconds how long stop waits for requests in flight; 0 forever
 * @param tls the TLS files when the server speaks HTTPS
 * @param streamedBodies the requests whose bodies the app reads as they arrive, beyond the body limit
 */
public record HttpServerOptions(int poolSize, int maxQueuedRequests, int backlog, int maxHeaderLine,
        int maxUrlLength, long maxRequestBodySize, int clientSocketTimeoutSeconds, boolean keepAlive,
        int tcpKeepIdleSeconds, int gracefulShutdownTimeoutSeconds, Optional<TlsFiles> tls,
        StreamedBodies streamedBodies) {

    /** The seeds' default accept queue length. */
    public static final int DEFAULT_BACKLOG = 128;
    /** eventlet's {@code MAX_REQUEST_LINE}: the URL limit of a service that names none (all but ec2). */
    public static final int DEFAULT_MAX_URL_LENGTH = 8192;

    public HttpServerOptions {
        Objects.requireNonNull(tls, "tls is null");
        Objects.requireNonNull(streamedBodies, "streamedBodies is null");
        if (maxUrlLength < 1 || maxRequestBodySize < 0 || maxQueuedRequests < 0) {
            throw new IllegalArgumentException("maxUrlLength must be positive, the body and queue limits not negative");
        }
    }

    /**
     * The defaults of every option: pool 1000 with 128 waiting, backlog 128, header lines of
     * 16384, request lines of 8192, bodies of 114688 bytes, plain HTTP.
     */
    public static HttpServerOptions defaults() {
        return new HttpServerOptions(1000, 128, DEFAULT_BACKLOG, 16384, DEFAULT_MAX_URL_LENGTH, 114688, 900, true,
                600, 60, Optional.empty(), StreamedBodies.NONE);
    }

    /**
     * The options as configured: {@code [wsgi]} values, {@code [oslo_middleware]
     * max_request_body_size}, {@code graceful_shutdown_timeout}, and the {@code [wsgi] ssl_*_file}
     * files when {@code useSsl} (missing files are a ConfigError).
     *
     * @param maxUrlLength the service's own URL limit (16384 for ec2); eventlet's 8192 when empty
     */
    public static HttpServerOptions fromConfig(ConfigOpts conf, boolean useSsl, OptionalInt maxUrlLength) {
        Objects.requireNonNull(conf, "conf is null");
        Optional<TlsFiles> tls = useSsl ? Optional.of(tlsFiles(conf)) : Optional.empty();
        return new HttpServerOptions(conf.get(WsgiOpts.DEFAULT_POOL_SIZE), conf.get(WsgiOpts.MAX_QUEUED_REQUESTS),
                DEFAULT_BACKLOG, conf.get(WsgiOpts.MAX_HEADER_LINE), maxUrlLength.orElse(DEFAULT_MAX_URL_LENGTH),
                Math.max(0, conf.get(MiddlewareOpts.MAX_REQUEST_BODY_SIZE)), conf.get(WsgiOpts.CLIENT_SOCKET_TIMEOUT),
                conf.get(WsgiOpts.KEEP_ALIVE), conf.get(WsgiOpts.TCP_KEEPIDLE),
                conf.get(ServiceOpts.GRACEFUL_SHUTDOWN_TIMEOUT), tls, StreamedBodies.NONE);
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
        return new HttpServerOptions(value, maxQueuedRequests, backlog, maxHeaderLine, maxUrlLength,
                maxRequestBodySize, clientSocketTimeoutSeconds, keepAlive, tcpKeepIdleSeconds,
                gracefulShutdownTimeoutSeconds, tls, streamedBodies);
    }

    public HttpServerOptions withMaxQueuedRequests(int value) {
        return new HttpServerOptions(poolSize, value, backlog, maxHeaderLine, maxUrlLength, maxRequestBodySize,
                clientSocketTimeoutSeconds, keepAlive, tcpKeepIdleSeconds, gracefulShutdownTimeoutSeconds, tls, streamedBodies);
    }

    public HttpServerOptions withBacklog(int value) {
        return new HttpServerOptions(poolSize, maxQueuedRequests, value, maxHeaderLine, maxUrlLength,
                maxRequestBodySize, clientSocketTimeoutSeconds, keepAlive, tcpKeepIdleSeconds,
                gracefulShutdownTimeoutSeconds, tls, streamedBodies);
    }

    public HttpServerOptions withMaxHeaderLine(int value) {
        return new HttpServerOptions(poolSize, maxQueuedRequests, backlog, value, maxUrlLength, maxRequestBodySize,
                clientSocketTimeoutSeconds, keepAlive, tcpKeepIdleSeconds, gracefulShutdownTimeoutSeconds, tls, streamedBodies);
    }

    public HttpServerOptions withMaxUrlLength(int value) {
        return new HttpServerOptions(poolSize, maxQueuedRequests, backlog, maxHeaderLine, value, maxRequestBodySize,
                clientSocketTimeoutSeconds, keepAlive, tcpKeepIdleSeconds, gracefulShutdownTimeoutSeconds, tls, streamedBodies);
    }

    public HttpServerOptions withMaxRequestBodySize(long value) {
        return new HttpServerOptions(poolSize, maxQueuedRequests, backlog, maxHeaderLine, maxUrlLength, value,
                clientSocketTimeoutSeconds, keepAlive, tcpKeepIdleSeconds, gracefulShutdownTimeoutSeconds, tls, streamedBodies);
    }

    public HttpServerOptions withGracefulShutdownTimeout(int seconds) {
        return new HttpServerOptions(poolSize, maxQueuedRequests, backlog, maxHeaderLine, maxUrlLength,
                maxRequestBodySize, clientSocketTimeoutSeconds, keepAlive, tcpKeepIdleSeconds, seconds, tls, streamedBodies);
    }

    public HttpServerOptions withTls(TlsFiles files) {
        return new HttpServerOptions(poolSize, maxQueuedRequests, backlog, maxHeaderLine, maxUrlLength,
                maxRequestBodySize, clientSocketTimeoutSeconds, keepAlive, tcpKeepIdleSeconds,
                gracefulShutdownTimeoutSeconds, Optional.of(files), streamedBodies);
    }

    public HttpServerOptions withStreamedBodies(StreamedBodies value) {
        return new HttpServerOptions(poolSize, maxQueuedRequests, backlog, maxHeaderLine, maxUrlLength,
                maxRequestBodySize, clientSocketTimeoutSeconds, keepAlive, tcpKeepIdleSeconds,
                gracefulShutdownTimeoutSeconds, tls, value);
    }
}
