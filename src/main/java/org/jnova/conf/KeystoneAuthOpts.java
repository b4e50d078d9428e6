package org.jnova.conf;

import java.util.List;
import org.jnova.conf.cfg.Opt;

/**
 * keystonemiddleware's {@code [keystone_authtoken]} options that jnova's {@code auth_token}
 * filter reads, with keystonemiddleware's defaults, and the options of the {@code password}
 * auth plugin the service authenticates itself with. A key of the same name in the
 * filter's paste section overrides the configuration file, as in keystonemiddleware.
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

    public static final Opt<String> AUTH_TYPE = Opt.string(GROUP, "auth_type")
            .deprecatedName(GROUP, "auth_plugin")
            .help("Authentication type the service uses to get its own token. jnova offers \"password\" "
                    + "(also spelled \"v3password\").")
            .build();

    public static final Opt<String> AUTH_URL = Opt.string(GROUP, "auth_url")
            .help("Authentication URL: the Identity API endpoint the service authenticates against.")
            .build();

    public static final Opt<String> USERNAME = Opt.string(GROUP, "username")
            .deprecatedName(GROUP, "user_name")
            .help("The service user's name.")
            .build();

    public static final Opt<String> USER_ID = Opt.string(GROUP, "user_id")
            .help("The service user's id (instead of its name).")
            .build();

    public static final Opt<String> PASSWORD = Opt.string(GROUP, "password")
            .secret()
            .help("The service user's password.")
            .build();

    public static final Opt<String> USER_DOMAIN_NAME = Opt.string(GROUP, "user_domain_name")
            .help("The service user's domain name.")
            .build();

    public static final Opt<String> USER_DOMAIN_ID = Opt.string(GROUP, "user_domain_id")
            .help("The service user's domain id.")
            .build();

    public static final Opt<String> PROJECT_NAME = Opt.string(GROUP, "project_name")
            .deprecatedName(GROUP, "tenant_name")
            .help("The project the service token is scoped to.")
            .build();

    public static final Opt<String> PROJECT_ID = Opt.string(GROUP, "project_id")
            .deprecatedName(GROUP, "tenant_id")
            .help("The id of the project the service token is scoped to.")
            .build();

    public static final Opt<String> PROJECT_DOMAIN_NAME = Opt.string(GROUP, "project_domain_name")
            .help("The domain name of the service project.")
            .build();

    public static final Opt<String> PROJECT_DOMAIN_ID = Opt.string(GROUP, "project_domain_id")
            .help("The domain id of the service project.")
            .build();

    private KeystoneAuthOpts() {
    }

    public static List<Opt<?>> all() {
        return List.of(WWW_AUTHENTICATE_URI, INTERFACE, DELAY_AUTH_DECISION, HTTP_CONNECT_TIMEOUT,
                HTTP_REQUEST_MAX_RETRIES, REGION_NAME, MEMCACHED_SERVERS, TOKEN_CACHE_TIME, INCLUDE_SERVICE_CATALOG,
                SERVICE_TOKEN_ROLES, SERVICE_TOKEN_ROLES_REQUIRED, AUTH_TYPE, AUTH_URL, USERNAME, USER_ID, PASSWORD,
                USER_DOMAIN_NAME, USER_DOMAIN_ID, PROJECT_NAME, PROJECT_ID, PROJECT_DOMAIN_NAME, PROJECT_DOMAIN_ID);
    }
}
