package org.jnova.conf;

import java.util.List;
import org.jnova.conf.cfg.Opt;

/**
 * Options read by the paste loader and the API middleware: where the paste file is, which
 * auth pipeline to build, and oslo.middleware's {@code [oslo_middleware]} and {@code [cors]}
 * groups with the defaults nova gives them.
 */
public final class MiddlewareOpts {
    public static final Opt<String> API_PASTE_CONFIG = Opt.string("wsgi", "api_paste_config")
            .defaultValue("api-paste.ini")
            .deprecatedName("DEFAULT", "api_paste_config")
            .help("The paste.deploy file that defines the API applications and their middleware. A relative "
                    + "name is searched for beside the configuration files and in the standard directories.")
            .build();

    /** Declared with the [api] group in {@link ApiOpts}; named here for the middleware's readers. */
    public static final Opt<String> AUTH_STRATEGY = ApiOpts.AUTH_STRATEGY;

    /** Declared with the [api] group in {@link ApiOpts}. */
    public static final Opt<Boolean> USE_FORWARDED_FOR = ApiOpts.USE_FORWARDED_FOR;

    public static final Opt<Integer> MAX_REQUEST_BODY_SIZE = Opt.integer("oslo_middleware", "max_request_body_size")
            .defaultValue(114688)
            .deprecatedName("DEFAULT", "osapi_max_request_body_size")
            .deprecatedName("DEFAULT", "max_request_body_size")
            .help("The largest request body accepted, in bytes.")
            .build();

    public static final Opt<Boolean> ENABLE_PROXY_HEADERS_PARSING =
            Opt.bool("oslo_middleware", "enable_proxy_headers_parsing")
                    .defaultValue(false)
                    .help("Whether the API runs behind a proxy whose Forwarded / X-Forwarded-* headers should "
                            + "set the scheme, host and path prefix of the URLs it returns.")
                    .build();

    public static final Opt<List<String>> CORS_ALLOWED_ORIGIN = Opt.list("cors", "allowed_origin")
            .help("Origins (\"<protocol>://<host>[:<port>]\", no trailing slash) whose browser requests may "
                    + "share this API's resources, e.g. https://horizon.example.com.")
            .build();

    public static final Opt<Boolean> CORS_ALLOW_CREDENTIALS = Opt.bool("cors", "allow_credentials")
            .defaultValue(true)
            .help("Whether a cross-origin request may carry user credentials.")
            .build();

    public static final Opt<List<String>> CORS_EXPOSE_HEADERS = Opt.list("cors", "expose_headers")
            .defaultValue(List.of("X-Auth-Token", "X-Openstack-Request-Id", "X-Subject-Token", "X-Service-Token",
                    "X-OpenStack-Nova-API-Version", "OpenStack-API-Version"))
            .help("Response headers a browser script may read, besides the simple ones.")
            .build();

    public static final Opt<Integer> CORS_MAX_AGE = Opt.integer("cors", "max_age")
            .defaultValue(3600)
            .help("How long, in seconds, a browser may cache the answer to a preflight request.")
            .build();

    public static final Opt<List<String>> CORS_ALLOW_METHODS = Opt.list("cors", "allow_methods")
            .defaultValue(List.of("GET", "PUT", "POST", "DELETE", "PATCH"))
            .help("HTTP methods a cross-origin request may use.")
            .build();

    public static final Opt<List<String>> CORS_ALLOW_HEADERS = Opt.list("cors", "allow_headers")
            .defaultValue(List.of("X-Auth-Token", "X-Openstack-Request-Id", "X-Identity-Status", "X-Roles",
                    "X-Service-Catalog", "X-User-Id", "X-Tenant-Id", "X-OpenStack-Nova-API-Version",
                    "OpenStack-API-Version"))
            .help("Request headers a cross-origin request may send, besides the simple ones.")
            .build();

    private MiddlewareOpts() {
    }

    public static List<Opt<?>> all() {
        return List.of(API_PASTE_CONFIG, AUTH_STRATEGY, USE_FORWARDED_FOR, MAX_REQUEST_BODY_SIZE,
                ENABLE_PROXY_HEADERS_PARSING, CORS_ALLOWED_ORIGIN, CORS_ALLOW_CREDENTIALS, CORS_EXPOSE_HEADERS,
                CORS_MAX_AGE, CORS_ALLOW_METHODS, CORS_ALLOW_HEADERS);
    }
}
