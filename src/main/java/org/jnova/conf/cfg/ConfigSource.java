package org.jnova.conf.cfg;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

/**
 * One place values are read from, in the order they are applied: a config file, or a config
 * dir (every {@code *.conf} in it, sorted by name). {@code explicit} is false for sources found
 * on the default search path.
 */
public record ConfigSource(Kind kind, Path path, boolean explicit) {
    public enum Kind { FILE, DIR }

    public ConfigSource {
        requireNonNull(kind, "kind is null");
        requireNonNull(path, "path is null");
    }

    public static ConfigSource file(Path path) {
        return new ConfigSource(Kind.FILE, path, true);
    }

    public static ConfigSource dir(Path path) {
        return new ConfigSource(Kind.DIR, path, true);
    }
}
