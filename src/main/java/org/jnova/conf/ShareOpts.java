package org.jnova.conf;

import java.util.List;
import org.jnova.conf.cfg.Opt;

/** {@code [jnova_shares]}: the shares of the built-in share catalog that stands in for manila. */
public final class ShareOpts {
    public static final Opt<List<String>> SHARES = Opt.list("jnova_shares", "shares")
            .defaultValue(List.of())
            .help("The manila shares servers may attach (2.97 /servers/{server_id}/shares), jnova only: each "
                    + "<share id>:<project id>:<status>:<protocol>:<export location>, for example "
                    + "e8debdc0-447a-4376-a10a-4cd9122d7986:myproject:available:NFS:10.0.0.50:/mnt/foo. A share "
                    + "is seen by its project and by admins; only 'available' shares with an export location and "
                    + "the protocol NFS or CEPHFS can be attached, as nova checks manila's answer.")
            .build();

    private ShareOpts() {
    }

    public static List<Opt<?>> all() {
        return List.of(SHARES);
    }
}
