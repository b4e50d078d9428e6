package org.jnova.service;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.jnova.conf.ServiceOpts;
import org.jnova.conf.cfg.ConfigOpts;
import org.jnova.conf.cfg.Opt;
import org.jnova.exception.InvalidInput;

/**
 * Where and how one API service runs, read as the seeds' WSGIService does: {@code <name>_listen}
 * (default 0.0.0.0), {@code <name>_listen_port} (default 0), {@code <name>_workers} (default,
 * also for 0, the CPU count), SSL when the name is in {@code enabled_ssl_apis}, and a URL length limit of
 * 16384 for {@code ec2} only.
 */
public record ServiceSettings(String name, String host, int port, int workers, boolean useSsl,
        OptionalInt maxUrlLength) {

    public ServiceSettings {
        Objects.requireNonNull(name, "name is null");
        Objects.requireNonNull(host, "host is null");
        Objects.requireNonNull(maxUrlLength, "maxUrlLength is null");
    }

    /**
     * @throws InvalidInput when {@code <name>_workers} is below 1
     */
    public static ServiceSettings of(ConfigOpts conf, String name) {
        Objects.requireNonNull(conf, "conf is null");
        String host = value(conf, name + "_listen", String.class).orElse("0.0.0.0");
        int port = value(conf, name + "_listen_port", Integer.class).orElse(0);
        Integer configured = value(conf, name + "_workers", Integer.class).orElse(null);
        // As the seeds: an unset or zero value means the CPU count; a negative one is an error.
        int workers = configured == null || configured == 0 ? Runtime.getRuntime().availableProcessors() : configured;
        if (workers < 1) {
            throw new InvalidInput(name + "_workers value of " + workers + " is invalid, must be greater than 0");
        }
        List<String> sslApis = conf.get(ServiceOpts.ENABLED_SSL_APIS);
        boolean useSsl = sslApis != null && sslApis.contains(name);
        OptionalInt maxUrl = "ec2".equals(name) ? OptionalInt.of(16384) : OptionalInt.empty();
        return new ServiceSettings(name, host, port, workers, useSsl, maxUrl);
    }

    /** A DEFAULT-group option found by name, as the seeds' getattr(CONF, name, default). */
    private static <T> Optional<T> value(ConfigOpts conf, String optName, Class<T> type) {
        for (Opt<?> opt : conf.options()) {
            if (Opt.DEFAULT_GROUP.equals(opt.group()) && opt.name().equals(optName)) {
                Object value = conf.get(opt);
                return type.isInstance(value) ? Optional.of(type.cast(value)) : Optional.empty();
            }
        }
        return Optional.empty();
    }
}
