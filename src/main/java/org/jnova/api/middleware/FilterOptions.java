package org.jnova.api.middleware;

import java.util.Map;
import java.util.Objects;
import org.jnova.conf.cfg.ConfigOpts;
import org.jnova.conf.cfg.Opt;
import org.jnova.exception.ConfigError;

/**
 * Option values for one filter, as oslo.middleware's configurable middleware reads them: a
 * key of the filter's own paste section (its local conf) wins over the configuration file.
 */
final class FilterOptions {
    private final ConfigOpts conf;
    private final Map<String, String> local;

    FilterOptions(ConfigOpts conf, Map<String, String> local) {
        this.conf = Objects.requireNonNull(conf, "conf is null");
        this.local = Map.copyOf(Objects.requireNonNull(local, "local is null"));
    }

    <T> T get(Opt<T> opt) {
        String text = local.get(opt.name());
        if (text == null) {
            return conf.get(opt);
        }
        try {
            return opt.type().parse(text);
        } catch (IllegalArgumentException e) {
            throw new ConfigError("Invalid value for " + opt.name() + " in the paste file: " + e.getMessage(), e);
        }
    }
}
