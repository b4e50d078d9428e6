package org.jnova.conf;

import java.util.List;
import org.jnova.conf.cfg.Opt;

/** Options the servers API reads besides [api]: nova's password_length, and jnova's own bound on one create. */
public final class ServersOpts {
    public static final Opt<Integer> PASSWORD_LENGTH = Opt.integer(Opt.DEFAULT_GROUP, "password_length")
            .defaultValue(12).min(0)
            .help("Length of generated instance admin passwords.")
            .build();

    public static final Opt<Integer> MAX_SERVERS_PER_REQUEST = Opt.integer("jnova_api", "max_servers_per_request")
            .defaultValue(1000).min(1)
            .help("The most servers one POST /servers may create (jnova only; nova has no such bound). It applies "
                    + "after the quota, so it matters when the instances, cores and ram quotas are unlimited: a "
                    + "request whose max_count is larger gets this many servers, one whose min_count is larger is "
                    + "refused with 400. Servers are written in short transactions of at most 50, so other "
                    + "projects' requests are served while a large request runs.")
            .build();

    private ServersOpts() {
    }

    public static List<Opt<?>> all() {
        return List.of(PASSWORD_LENGTH, MAX_SERVERS_PER_REQUEST);
    }
}
