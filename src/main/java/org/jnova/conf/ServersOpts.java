package org.jnova.conf;

import java.util.List;
import org.jnova.conf.cfg.Opt;

/** Options the servers API reads besides [api]: nova's password_length. */
public final class ServersOpts {
    public static final Opt<Integer> PASSWORD_LENGTH = Opt.integer(Opt.DEFAULT_GROUP, "password_length")
            .defaultValue(12).min(0)
            .help("Length of generated instance admin passwords.")
            .build();

    private ServersOpts() {
    }

    public static List<Opt<?>> all() {
        return List.of(PASSWORD_LENGTH);
    }
}
