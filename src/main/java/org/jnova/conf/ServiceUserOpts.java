package org.jnova.conf;

import java.util.ArrayList;
import java.util.List;
import org.jnova.conf.cfg.Opt;

/**
 * nova's {@code [service_user]} group: whether calls to other services on a user's behalf also
 * carry a token of nova's own service user ({@code X-Service-Token}), and keystoneauth's
 * {@code password} plugin options that user authenticates with and the session options of the
 * client that authenticates it. jnova sends it to the operator's Glance.
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

    /** The password plugin of the service user whose token is sent. */
    public static final PasswordAuthOpts SERVICE_USER = PasswordAuthOpts.in(GROUP);

    /** keystoneauth's session options of the client that gets that token. */
    public static final SessionOpts SESSION = SessionOpts.in(GROUP);

    private ServiceUserOpts() {
    }

    public static List<Opt<?>> all() {
        List<Opt<?>> all = new ArrayList<>(List.of(SEND_SERVICE_USER_TOKEN));
        all.addAll(SESSION.all());
        all.addAll(SERVICE_USER.all());
        return List.copyOf(all);
    }
}
