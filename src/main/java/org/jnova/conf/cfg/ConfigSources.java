package org.jnova.conf.cfg;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.List;

/**
 * Where a {@link ConfigOpts} came from: the parsed command line (which names the sources) and
 * the files actually read, in order. Re-loading from {@code args} re-reads the same sources.
 */
public record ConfigSources(ParsedArgs args, List<Path> filesRead) {
    public ConfigSources {
        requireNonNull(args, "args is null");
        filesRead = List.copyOf(filesRead);
    }
}
