package org.jnova.conf;

import java.util.List;
import org.jnova.conf.cfg.Opt;

/**
 * {@code [jnova_all_in_one]}: the cloud {@code bin/jnova} sets up for itself when it serves
 * the Identity API with {@code auth_strategy = keystone} (its default): the passwords of its
 * {@code admin} and {@code demo} users and the host its catalog and {@code clouds.yaml} name.
 */
public final class AllInOneOpts {
    public static final String GROUP = "jnova_all_in_one";

    public static final Opt<String> ADMIN_PASSWORD = Opt.string(GROUP, "admin_password").secret()
            .help("Password of the user admin (role admin on project admin). When unset, one is generated on the "
                    + "first start and kept in clouds.yaml under state_path.")
            .build();

    public static final Opt<String> DEMO_PASSWORD = Opt.string(GROUP, "demo_password").secret()
            .help("Password of the user demo (role member on project demo). When unset, one is generated on the "
                    + "first start and kept in clouds.yaml under state_path.")
            .build();

    public static final Opt<String> PUBLIC_HOST = Opt.string(GROUP, "public_host")
            .help("Host name or address the service catalog and clouds.yaml give for the APIs. When unset, the "
                    + "address each API listens on, or 127.0.0.1 when that is 0.0.0.0 or ::.")
            .build();

    public static final Opt<Boolean> WRITE_CLOUDS_YAML = Opt.bool(GROUP, "write_clouds_yaml").defaultValue(true)
            .help("Whether clouds.yaml (clouds jnova and jnova-demo) is written into state_path at start-up.")
            .build();

    private AllInOneOpts() {
    }

    public static List<Opt<?>> all() {
        return List.of(ADMIN_PASSWORD, DEMO_PASSWORD, PUBLIC_HOST, WRITE_CLOUDS_YAML);
    }
}
