package org.jnova.conf.cfg;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the command line said: the config sources in the order they apply (default files and
 * dirs first, then {@code --config-file}/{@code --config-dir} as given), option overrides keyed
 * by {@code group.name} ({@code name} alone in DEFAULT), {@code --help}, {@code --version}.
 * Keep it: re-loading from the same {@code ParsedArgs} re-reads the same files (SIGHUP).
 *
 * @param project the project name ({@code nova}) that names the default files
 * @param prog the program name ({@code nova-api}); its {@code .conf} is searched for too
 * @param argv the arguments as given, for the option dump
 * @param sources where values come from, lowest precedence first
 * @param overrides command-line values, applied after every file
 * @param searchPath where {@link ConfigOpts#findFile} looks after the config files' dirs
 * @param positional arguments that are not options
 * @param warnings deprecated flags used ({@code --logfile}), one line each
 */
public record ParsedArgs(
        String project,
        String prog,
        List<String> argv,
        List<ConfigSource> sources,
        Map<String, String> overrides,
        SearchPath searchPath,
        boolean help,
        boolean version,
        List<String> positional,
        List<String> warnings) {
    public ParsedArgs {
        requireNonNull(project, "project is null");
        requireNonNull(prog, "prog is null");
        argv = List.copyOf(argv);
        sources = List.copyOf(sources);
        overrides = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(overrides));
        requireNonNull(searchPath, "searchPath is null");
        positional = List.copyOf(positional);
        warnings = List.copyOf(warnings);
    }

    /** No arguments, no files: only defaults (for tests and tools). */
    public static ParsedArgs empty(String project) {
        return new ParsedArgs(project, project, List.of(), List.of(), Map.of(),
                new SearchPath(List.of()), false, false, List.of(), List.of());
    }
}
