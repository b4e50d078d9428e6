package org.jnova.conf.cfg;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Where a {@link ConfigOpts} came from: the parsed command line (which names the sources), the
 * files actually read, in order, and the environment the {@code OS_*} variables were read from.
 * Re-loading from these re-reads the same files.
 */
public record ConfigSources(ParsedArgs args, List<Path> filesRead, Map<String, String> environment) {
    public ConfigSources {
        requireNonNull(args, "args is null");
        filesRead = List.copyOf(filesRead);
        environment = Map.copyOf(environment);
    }
}
