package org.jnova.cmd;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jnova.conf.ApiOpts;
import org.jnova.conf.ComputeOpts;
import org.jnova.conf.ConsoleOpts;
import org.jnova.conf.DatabaseOpts;
import org.jnova.conf.DefaultOpts;
import org.jnova.conf.MessagingOpts;
import org.jnova.conf.KeystoneAuthOpts;
import org.jnova.conf.MetadataOpts;
import org.jnova.conf.MiddlewareOpts;
import org.jnova.conf.OutboxOpts;
import org.jnova.conf.PolicyOpts;
import org.jnova.conf.QuotaOpts;
import org.jnova.conf.SchedulerOpts;
import org.jnova.conf.ServersOpts;
import org.jnova.conf.ShareOpts;
import org.jnova.conf.ServiceQuotaOpts;
import org.jnova.conf.ServiceOpts;
import org.jnova.conf.WsgiOpts;
import org.jnova.conf.cfg.Opt;

/**
 * Every option jnova declares, nova's {@code nova.conf.register_opts}: the list each entry
 * point builds its {@code ConfigOpts} and the sample config from.
 */
public final class NovaOptions {
    private NovaOptions() {
    }

    public static List<Opt<?>> all() {
        return merge(List.of(DefaultOpts.all(), ServiceOpts.all(), WsgiOpts.all(), MiddlewareOpts.all(),
                ApiOpts.all(), DatabaseOpts.all(), ComputeOpts.all(), SchedulerOpts.all(), QuotaOpts.all(),
                ServiceQuotaOpts.all(),
                PolicyOpts.all(), KeystoneAuthOpts.all(), MetadataOpts.all(), ServersOpts.all(), ShareOpts.all(), MessagingOpts.all(),
                ConsoleOpts.all(), OutboxOpts.all(), org.jnova.conf.ImageOpts.all(),
                org.jnova.conf.GlanceClientOpts.all(), org.jnova.conf.ServiceUserOpts.all(),
                org.jnova.conf.AllInOneOpts.all(), org.jnova.conf.CredentialOpts.all()));
    }

    /**
     * Joins option lists, keeping the first of options listed twice; two different
     * declarations of one group and name are a programming error.
     */
    static List<Opt<?>> merge(List<List<Opt<?>>> lists) {
        Map<String, Opt<?>> byName = new LinkedHashMap<>();
        Map<Opt<?>, Boolean> seen = new IdentityHashMap<>();
        List<String> clashes = new ArrayList<>();
        for (List<Opt<?>> list : lists) {
            for (Opt<?> opt : list) {
                if (seen.put(opt, Boolean.TRUE) != null) {
                    continue;
                }
                Opt<?> earlier = byName.putIfAbsent(opt.group() + "." + opt.name(), opt);
                if (earlier != null) {
                    clashes.add(opt.group() + "." + opt.name());
                }
            }
        }
        if (!clashes.isEmpty()) {
            throw new IllegalStateException("options declared twice: " + clashes);
        }
        return List.copyOf(byName.values());
    }
}
