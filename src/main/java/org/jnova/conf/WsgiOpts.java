package org.jnova.conf;

import java.util.List;
import org.jnova.conf.cfg.Opt;

/**
 * The {@code [wsgi]} options the HTTP server reads, with the names, defaults and meaning of
 * nova's {@code nova/conf/wsgi.py}. The TLS file options also answer to the older
 * {@code [ssl]} names the eventlet-era server used.
 */
public final class WsgiOpts {
    public static final String GROUP = "wsgi";

    public static final Opt<String> WSGI_LOG_FORMAT = Opt.string(GROUP, "wsgi_log_format")
            .defaultValue("%(client_ip)s \"%(request_line)s\" status: %(status_code)s len: %(body_length)s"
                    + " time: %(wall_seconds).7f")
            .help("A python format string used as the template for request log lines (client_ip, date_time,"
                    + " request_line, status_code, body_length, wall_seconds). Deprecated; accepted and ignored.")
            .build();

    public static final Opt<String> SSL_CA_FILE = Opt.string(GROUP, "ssl_ca_file")
            .deprecatedName("ssl", "ca_file")
            .help("Path to the CA certificate file used to verify connecting clients.")
            .build();

    public static final Opt<String> SSL_CERT_FILE = Opt.string(GROUP, "ssl_cert_file")
            .deprecatedName("ssl", "cert_file")
            .help("Path to the SSL certificate (PEM) of the API server.")
            .build();

    public static final Opt<String> SSL_KEY_FILE = Opt.string(GROUP, "ssl_key_file")
            .deprecatedName("ssl", "key_file")
            .help("Path to the file holding the SSL private key (PEM) of the API server.")
            .build();

    public static final Opt<Integer> TCP_KEEPIDLE = Opt.integer(GROUP, "tcp_keepidle")
            .defaultValue(600).min(0)
            .help("TCP_KEEPIDLE in seconds for each server socket: how long a connection stays idle before"
                    + " TCP sends keepalive probes.")
            .build();

    public static final Opt<Integer> DEFAULT_POOL_SIZE = Opt.integer(GROUP, "default_pool_size")
            .defaultValue(1000).min(0)
            .deprecatedName(Opt.DEFAULT_GROUP, "wsgi_default_pool_size")
            .help("Size of the pool of request threads; bounds the number of requests served at once.")
            .build();

    public static final Opt<Integer> MAX_HEADER_LINE = Opt.integer(GROUP, "max_header_line")
            .defaultValue(16384).min(0)
            .help("Maximum line size of message headers to be accepted.")
            .build();

    public static final Opt<Boolean> KEEP_ALIVE = Opt.bool(GROUP, "keep_alive")
            .defaultValue(true)
            .deprecatedName(Opt.DEFAULT_GROUP, "wsgi_keep_alive")
            .help("If False, closes the client socket connection after each response.")
            .build();

    public static final Opt<Integer> CLIENT_SOCKET_TIMEOUT = Opt.integer(GROUP, "client_socket_timeout")
            .defaultValue(900).min(0)
            .help("Timeout in seconds for client connections' socket operations; an idle connection is"
                    + " closed after it. 0 waits forever.")
            .build();

    public static final Opt<Integer> MAX_QUEUED_REQUESTS = Opt.integer(GROUP, "max_queued_requests")
            .defaultValue(128).min(0)
            .help("How many requests may wait for a free request thread when all default_pool_size threads are"
                    + " busy; past that a request is answered 503 at once instead of queueing without bound"
                    + " (jnova only; eventlet let them wait in the listen backlog of 128).")
            .build();

    private WsgiOpts() {
    }

    public static List<Opt<?>> all() {
        return List.of(WSGI_LOG_FORMAT, SSL_CA_FILE, SSL_CERT_FILE, SSL_KEY_FILE, TCP_KEEPIDLE,
                DEFAULT_POOL_SIZE, MAX_QUEUED_REQUESTS, MAX_HEADER_LINE, KEEP_ALIVE, CLIENT_SOCKET_TIMEOUT);
    }
}
