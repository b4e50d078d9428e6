package org.jnova.service;

import java.util.List;
import org.jnova.conf.cfg.ConfigOpts;

/**
 * What a worker process needs from the application wiring, so the launcher and the worker
 * main depend on nothing else: read the configuration from the command-line arguments and
 * build a named service. Implementations need a public no-argument constructor; the worker
 * main instantiates them by class name.
 */
public interface ServiceFactory {
    /** Reads the configuration the arguments name ({@code --config-file ...}), freshly each call. */
    ConfigOpts loadConfig(List<String> configArgs);

    /** Builds, without starting, the service of this name. */
    ApiService create(ConfigOpts conf, String serviceName);
}
