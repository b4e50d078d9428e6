package org.jnova.wsgi.server;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import jdk.net.ExtendedSocketOptions;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.io.ArrayByteBufferPool;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.jnova.exception.InvalidInput;
import org.jnova.utils.PemKeyStores;
import org.jnova.wsgi.App;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP server at the edge, the seeds' {@code wsgi.Server}: serves one {@link App} on a
 * host and port, each request on a virtual thread (as eventlet gave each a green thread),
 * at most {@code poolSize} at once. The listening socket has SO_REUSEPORT so several worker
 * processes, or an old and a new server during a reload, can share the port.
 *
 * <p>Built, then {@link #start() started}; {@link #stop()} stops accepting and lets the
 * requests in flight finish within the graceful shutdown timeout. The only Jetty user.
 */
public final class HttpServer {
    private static final int POOL_FACTOR = 4096;
    private static final long FOREVER_MILLIS = TimeUnit.DAYS.toMillis(365);
    private static final long STOP_MILLIS = 1000;

    private final String name;
    private final App app;
    private final String host;
    private final int requestedPort;
    private final HttpServerOptions options;
    private final Logger log;
    private Server server;
    private ExecutorService requestThreads;
    private AppHandler handler;
    private ServerConnector connector;
    private int port;

    /**
     * @throws InvalidInput when the backlog is below 1
     */
    public HttpServer(String name, App app, String host, int port, HttpServerOptions options) {
        this.name = Objects.requireNonNull(name, "name is null");
        this.app = Objects.requireNonNull(app, "app is null");
        this.host = Objects.requireNonNull(host, "host is null");
        this.options = Objects.requireNonNull(options, "options is null");
        if (options.backlog() < 1) {
            throw new InvalidInput("The backlog must be more than 1");
        }
        this.requestedPort = port;
        this.port = port;
        this.log = LoggerFactory.getLogger("org.jnova." + name + ".wsgi.server");
    }

    public String name() {
        return name;
    }

    /** The address listened on, as the socket reports it once started. */
    public String host() {
        return host;
    }

    /** The port listened on; after {@link #start()} the real one, even when 0 was asked for. */
    public synchronized int port() {
        return port;
    }

    /** Binds the socket and starts serving; logs "{name} listening on {host}:{port}". */
    public synchronized void start() {
        if (server != null) {
            throw new IllegalStateException(name + " is already started");
        }
        InetAddress address = resolve(host);
        QueuedThreadPool jettyThreads = new QueuedThreadPool(64, 2);
        jettyThreads.setName(name + "-http");
        // Jetty pools buffers up to its pool's largest bucket only; header buffers larger than
        // that would be allocated afresh for every request and answer
        int headerBuffer = new EdgeLimits(options.maxUrlLength(), options.maxHeaderLine()).jettyHeaderBufferSize();
        Server jetty = new Server(jettyThreads, null,
                new ArrayByteBufferPool(0, POOL_FACTOR, (headerBuffer / POOL_FACTOR + 1) * POOL_FACTOR));
        ServerConnector listener = connector(jetty, address);
        jetty.addConnector(listener);
        requestThreads = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name(name + "-request-", 0).factory());
        handler = new AppHandler(app, options, requestThreads);
        jetty.setHandler(handler);
        jetty.setErrorHandler(new PlainErrorHandler());
        jetty.setStopTimeout(STOP_MILLIS);
        jetty.setStopAtShutdown(false);
        try {
            jetty.start();
        } catch (Exception e) {
            requestThreads.shutdownNow();
            stopQuietly(jetty);
            log.error("Could not bind to {}:{}", host, requestedPort);
            throw new IllegalStateException("Could not bind to " + host + ":" + requestedPort + ": " + e.getMessage(), e);
        }
        server = jetty;
        connector = listener;
        port = listener.getLocalPort();
        log.info("{} listening on {}:{}", name, displayHost(address), port);
    }

    /** Stops gracefully within the configured graceful shutdown timeout. */
    public void stop() {
        stop(options.gracefulShutdownTimeoutSeconds() == 0
                ? Duration.ofMillis(FOREVER_MILLIS) : Duration.ofSeconds(options.gracefulShutdownTimeoutSeconds()));
    }

    /**
     * Stops accepting connections (closing the listening socket, so the kernel hands new
     * connections to any other process sharing the port), waits up to {@code timeout} for the
     * requests in flight, and for requests on connections already open, each answered with
     * "Connection: close", then closes everything.
     */
    public void stop(Duration timeout) {
        Server jetty;
        ExecutorService threads;
        ServerConnector listener;
        AppHandler requests;
        synchronized (this) {
            jetty = server;
            threads = requestThreads;
            listener = connector;
            requests = handler;
            server = null;
        }
        if (jetty == null) {
            return;
        }
        log.info("Stopping WSGI server.");
        listener.close();
        try {
            if (!requests.drain(timeout)) {
                log.warn("Requests still in flight after {} s, closing anyway", timeout.toSeconds());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        stopQuietly(jetty);
        threads.shutdownNow();
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    /** Blocks until the server has stopped. */
    public void join() throws InterruptedException {
        Server jetty;
        synchronized (this) {
            jetty = server;
        }
        if (jetty != null) {
            jetty.join();
        }
    }

    private ServerConnector connector(Server jetty, InetAddress address) {
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendDateHeader(true);
        http.setPersistentConnectionsEnabled(options.keepAlive());
        http.setUriCompliance(UriCompliance.LEGACY);
        // Jetty's own bound, above eventlet's limits that AppHandler checks exactly
        http.setRequestHeaderSize(new EdgeLimits(options.maxUrlLength(), options.maxHeaderLine())
                .jettyHeaderBufferSize());
        // answers may echo request headers (noauth2's token and management URL), so they get the same room
        http.setResponseHeaderSize(http.getRequestHeaderSize());
        ConnectionFactory[] factories;
        if (options.tls().isPresent()) {
            SecureRequestCustomizer secure = new SecureRequestCustomizer();
            secure.setSniHostCheck(false);
            secure.setSniRequired(false);
            http.addCustomizer(secure);
            HttpConnectionFactory h1 = new HttpConnectionFactory(http);
            factories = new ConnectionFactory[] {new SslConnectionFactory(sslContext(options.tls().get()), h1.getProtocol()), h1};
        } else {
            factories = new ConnectionFactory[] {new HttpConnectionFactory(http)};
        }
        int keepIdle = options.tcpKeepIdleSeconds();
        ServerConnector connector = new ServerConnector(jetty, 1, -1, factories) {
            @Override
            protected void configure(Socket socket) {
                super.configure(socket);
                try {
                    socket.setKeepAlive(true);
                    if (keepIdle > 0) {
                        socket.setOption(ExtendedSocketOptions.TCP_KEEPIDLE, keepIdle);
                    }
                } catch (IOException | UnsupportedOperationException e) {
                    log.debug("Could not set TCP keepalive options", e);
                }
            }
        };
        connector.setHost(address.getHostAddress());
        connector.setPort(requestedPort);
        connector.setReuseAddress(true);
        connector.setReusePort(true);
        connector.setAcceptQueueSize(options.backlog());
        connector.setIdleTimeout(TimeUnit.SECONDS.toMillis(options.clientSocketTimeoutSeconds()));
        return connector;
    }

    private static SslContextFactory.Server sslContext(TlsFiles tls) {
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setKeyStore(PemKeyStores.keyStore(tls.certFile(), tls.keyFile()));
        ssl.setKeyStorePassword(new String(PemKeyStores.PASSWORD));
        ssl.setKeyManagerPassword(new String(PemKeyStores.PASSWORD));
        ssl.setSniRequired(false);
        tls.caFile().ifPresent(ca -> {
            ssl.setTrustStore(PemKeyStores.trustStore(ca));
            ssl.setNeedClientAuth(true);
        });
        return ssl;
    }

    /** The first address the name resolves to, as getaddrinfo's first answer. */
    private static InetAddress resolve(String host) {
        try {
            return InetAddress.getByName(host.startsWith("[") && host.endsWith("]")
                    ? host.substring(1, host.length() - 1) : host);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("Could not resolve " + host + ": " + e.getMessage(), e);
        }
    }

    /** An address literal as it was written (0.0.0.0, ::1), a name as its address. */
    private String displayHost(InetAddress address) {
        return host.indexOf(':') >= 0 || host.matches("[0-9.]+") ? host : address.getHostAddress();
    }

    private void stopQuietly(Server jetty) {
        try {
            jetty.stop();
        } catch (Exception e) {
            log.warn("Error while stopping {}: {}", name, e.toString());
        }
    }
}
