package org.jnova.conf.cfg;

import static java.util.Objects.requireNonNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The directories searched for config files when none is named, in oslo.config's order:
 * {@code ~/.nova/}, {@code ~/}, {@code /etc/nova/}, {@code /etc/}. The first directory holding
 * a match wins; later ones are not consulted.
 */
public record SearchPath(List<Path> dirs) {
    public SearchPath {
        dirs = List.copyOf(requireNonNull(dirs, "dirs is null"));
    }

    /** The standard path for {@code project}, with the user's home taken from {@code user.home}. */
    public static SearchPath standard(String project) {
        Path home = Path.of(System.getProperty("user.home"));
        return new SearchPath(List.of(
                home.resolve("." + project), home, Path.of("/etc", project), Path.of("/etc")));
    }

    /** The first {@code dir/name} that exists as a regular file. */
    public Optional<Path> firstFile(String name) {
        return dirs.stream().map(dir -> dir.resolve(name)).filter(Files::isRegularFile).findFirst();
    }

    /** The first {@code dir/name} that exists as a directory. */
    public Optional<Path> firstDir(String name) {
        return dirs.stream().map(dir -> dir.resolve(name)).filter(Files::isDirectory).findFirst();
    }
}
