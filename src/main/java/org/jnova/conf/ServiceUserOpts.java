package org.jnova.conf;

import java.util.List;
import org.jnova.conf.cfg.Opt;

/**
 * nova's {@code [service_user]} group: whether calls to other services on a user's behalf also
 * carry a token of nova's own service user ({@code X-Service-Token}), and keystoneauth's
 * {@code password} plugin options that user authenticates with. jnova sends it to the
 * operator's Glance.
 */
public final class ServiceUserOpts {
    public static final String GROUP = "service_user";

    public static final Opt<Boolean> SEND_SERVICE_USER_TOKEN = Opt.bool(GROUP, "send_service_user_token")
            .defaultValue(false)
            .help("Send a token of the service user configured in this group (X-Service-Token) beside the user's "
                    + "token (X-Auth-Token) on calls made for a user, so that the other service accepts the call "
                    + "even when the user's token expired meanwhile (services whose keystonemiddleware honours "
                    + "service tokens). The service user needs a role listed in that service's "
                    + "[keystone_authtoken] service_token_roles.")
            .build();

    public static final Opt<String> AUTH_TYPE = Opt.string(GROUP, "auth_type")
            .deprecatedName(GROUP, "auth_plugin")
            .help("Authentication type of the service user. jnova offers \"password\" (also spelled "
                    + "\"v3password\").")
            .build();

    public static final Opt<String> AUTH_URL = Opt.string(GROUP, "auth_url")
            .help("Authentication URL: the Identity API endpoint the service user authenticates against.")
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
            .help("The name of the service user's domain.")
            .build();

    public static final Opt<String> USER_DOMAIN_ID = Opt.string(GROUP, "user_domain_id")
            .help("The id of the service user's domain.")
            .build();

    public static final Opt<String> PROJECT_NAME = Opt.string(GROUP, "project_name")
            .deprecatedName(GROUP, "tenant_name")
            .help("The project the service user's token is scoped to.")
            .build();

    public static final Opt<String> PROJECT_ID = Opt.string(GROUP, "project_id")
            .deprecatedName(GROUP, "tenant_id")
            .help("The id of the project the service user's token is scoped to.")
            .build();

    public static final Opt<String> PROJECT_DOMAIN_NAME = Opt.string(GROUP, "project_domain_name")
            .help("The name of the domain of that project.")
            .build();

    public static final Opt<String> PROJECT_DOMAIN_ID = Opt.string(GROUP, "project_domain_id")
            .help("The id of the domain of that project.")
            .build();

    private ServiceUserOpts() {
    }

    public static List<Opt<?>> all() {
        return List.of(SEND_SERVICE_USER_TOKEN, AUTH_TYPE, AUTH_URL, USERNAME, USER_ID, PASSWORD, USER_DOMAIN_NAME,
                USER_DOMAIN_ID, PROJECT_NAME, PROJECT_ID, PROJECT_DOMAIN_NAME, PROJECT_DOMAIN_ID);
    }
}
