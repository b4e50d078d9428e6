package org.jnova.conf;

import java.util.ArrayList;
import java.util.List;
import org.jnova.conf.cfg.Opt;

/**
 * keystonemiddleware's {@code [keystone_authtoken]} options that jnova's {@code auth_token}
 * filter reads (its HTTPS options among them), with keystonemiddleware's defaults, and the
 * options of the {@code password} auth plugin the service authenticates itself with. A key of
 * the same name in the filter's paste section overrides the configuration file, as in
 * keystonemiddleware.
 */
public final class KeystoneAuthOpts {
    public static final String GROUP = "keystone_authtoken";

    public static final Opt<String> WWW_AUTHENTICATE_URI = Opt.string(GROUP, "www_authenticate_uri")
            .deprecatedName(GROUP, "auth_uri")
            .help("Complete \"public\" Identity API endpoint, where unauthenticated clients are sent to "
                    + "authenticate (the WWW-Authenticate header of a 401). It should not be an \"admin\" endpoint.")
            .build();

    public static final Opt<String> INTERFACE = Opt.string(GROUP, "interface")
            .defaultValue("internal")
            .help("Interface to use for the Identity API endpoint. Valid values are \"public\", \"internal\" "
                    + "(default) or \"admin\".")
            .build();

    public static final Opt<Boolean> DELAY_AUTH_DECISION = Opt.bool(GROUP, "delay_auth_decision")
            .defaultValue(false)
            .help("Do not handle authorization requests within the middleware, but delegate the authorization "
                    + "decision to downstream WSGI components.")
            .build();

    public static final Opt<Integer> HTTP_CONNECT_TIMEOUT = Opt.integer(GROUP, "http_connect_timeout")
            .min(1)
            .help("Request timeout value for communicating with Identity API server, in seconds. When unset, jnova"
                    + " gives a connection 5 seconds to open and a call 10 seconds to be answered (keystonemiddleware"
                    + " would wait forever).")
            .build();

    public static final Opt<Integer> HTTP_REQUEST_MAX_RETRIES = Opt.integer(GROUP, "http_request_max_retries")
            .defaultValue(3)
            .min(0)
            .help("How many times are we trying to reconnect when communicating with Identity API Server.")
            .build();

    public static final Opt<String> REGION_NAME = Opt.string(GROUP, "region_name")
            .help("The region in which the identity server can be found.")
            .build();

    public static final Opt<List<String>> MEMCACHED_SERVERS = Opt.list(GROUP, "memcached_servers")
            .deprecatedName(GROUP, "memcache_servers")
            .help("Memcached servers for the token cache. Ignored by jnova: tokens are always cached in-process.")
            .build();

    public static final Opt<Integer> TOKEN_CACHE_TIME = Opt.integer(GROUP, "token_cache_time")
            .defaultValue(300)
            .help("How long (seconds) a validated token is cached, so it is not validated again for each request. "
                    + "Set to -1 to disable caching completely.")
            .build();

    public static final Opt<Boolean> INCLUDE_SERVICE_CATALOG = Opt.bool(GROUP, "include_service_catalog")
            .defaultValue(true)
            .help("Whether to ask Keystone for the service catalog with each token and pass it on in the "
                    + "X-Service-Catalog header.")
            .build();

    public static final Opt<List<String>> SERVICE_TOKEN_ROLES = Opt.list(GROUP, "service_token_roles")
            .defaultValue(List.of("service"))
            .help("Roles of which a service token (X-Service-Token) must hold at least one to count as a real "
                    + "service token.")
            .build();

    public static final Opt<Boolean> SERVICE_TOKEN_ROLES_REQUIRED = Opt.bool(GROUP, "service_token_roles_required")
            .defaultValue(false)
            .help("Whether a service token without any of service_token_roles is rejected. False lets any valid "
                    + "token pass as a service token, for backwards compatibility.")
            .build();

    /**
     * keystonemiddleware's {@code cafile}, {@code certfile}, {@code keyfile} and {@code insecure}:
     * how the calls to Keystone (validation, the service's own token, the EC2 API's ec2tokens)
     * check an https Identity server and authenticate to it.
     */
    public static final TlsOpts TLS = TlsOpts.in(GROUP);

    /** The password plugin the service authenticates itself with to validate tokens. */
    public static final PasswordAuthOpts SERVICE_USER = PasswordAuthOpts.in(GROUP);

    private KeystoneAuthOpts() {
    }

    public static List<Opt<?>> all() {
        List<Opt<?>> all = new ArrayList<>(List.of(WWW_AUTHENTICATE_URI, INTERFACE, DELAY_AUTH_DECISION,
                HTTP_CONNECT_TIMEOUT, HTTP_REQUEST_MAX_RETRIES));
        all.addAll(TLS.all());
        all.addAll(List.of(REGION_NAME, MEMCACHED_SERVERS, TOKEN_CACHE_TIME, INCLUDE_SERVICE_CATALOG,
                SERVICE_TOKEN_ROLES, SERVICE_TOKEN_ROLES_REQUIRED));
        all.addAll(SERVICE_USER.all());
        return List.copyOf(all);
    }
}
