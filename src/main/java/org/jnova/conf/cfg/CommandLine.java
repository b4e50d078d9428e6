package org.jnova.conf.cfg;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jnova.exception.ConfigError;

/**
 * Parses a service's command line as oslo.config does: {@code --config-file PATH} (repeatable),
 * {@code --config-dir DIR} (repeatable), {@code --help}/{@code -h}, {@code --version}, and the
 * options declared {@link Opt.Builder#cli() cli} ({@code --debug}/{@code -d}/{@code --nodebug},
 * {@code --log-file PATH}, {@code --log-file=PATH}, deprecated spellings such as
 * {@code --logfile}). Without {@code --config-file} the first {@code nova.conf} (and
 * {@code <prog>.conf}) on the search path is used; without {@code --config-dir} the first
 * {@code nova.conf.d}. Unknown flags stop start-up with {@link ConfigError}.
 */
public final class CommandLine {
    private final Map<String, CliFlag> flags = new LinkedHashMap<>();

    private record CliFlag(Opt<?> opt, boolean negated, boolean deprecated) {
        boolean isBoolean() {
            return opt.type() == OptType.BOOLEAN;
        }
    }

    private CommandLine(Collection<Opt<?>> options) {
        for (Opt<?> opt : options) {
            if (!opt.cli()) {
                continue;
            }
            addFlag(opt.cliFlag(), opt, false);
            opt.shortName().ifPresent(letter -> flags.put("-" + letter, new CliFlag(opt, false, false)));
            for (Opt.DeprecatedName old : opt.deprecatedNames()) {
                String base = Opt.DEFAULT_GROUP.equals(old.group()) ? old.name() : old.group() + "-" + old.name();
                addFlag("--" + base.replace('_', '-'), opt, true);
            }
        }
    }

    private void addFlag(String flag, Opt<?> opt, boolean deprecated) {
        flags.putIfAbsent(flag, new CliFlag(opt, false, deprecated));
        if (opt.type() == OptType.BOOLEAN) {
            flags.putIfAbsent("--no" + flag.substring(2), new CliFlag(opt, true, deprecated));
        }
    }

    /** Parses {@code argv} with the standard search path for {@code project}; prog = project. */
    public static ParsedArgs parse(String[] argv, String project, Collection<Opt<?>> options) {
        return parse(argv, project, project, options, SearchPath.standard(project));
    }

    /** Parses {@code argv} with the standard search path; {@code prog} ({@code nova-api}) names a second file. */
    public static ParsedArgs parse(String[] argv, String project, String prog, Collection<Opt<?>> options) {
        return parse(argv, project, prog, options, SearchPath.standard(project));
    }

    /**
     * Answers {@code --help} and {@code --version} as argparse does, on {@code out}; returns true
     * when one was given and the program should now exit with status 0.
     */
    public static boolean printHelpOrVersion(ParsedArgs args, Collection<Opt<?>> options, String version,
            java.io.PrintStream out) {
        if (args.help()) {
            out.print(usage(args.prog(), options));
        } else if (args.version()) {
            out.println(version);
        } else {
            return false;
        }
        out.flush();
        return true;
    }

    /**
     * Parses {@code argv}. {@code options} are all declared options; those marked
     * {@code cli} become flags. {@code searchPath} supplies the default files and dirs.
     */
    public static ParsedArgs parse(String[] argv, String project, String prog, Collection<Opt<?>> options,
            SearchPath searchPath) {
        return new CommandLine(options).parse(List.of(argv), project, prog, searchPath);
    }

    private ParsedArgs parse(List<String> argv, String project, String prog, SearchPath searchPath) {
        List<ConfigSource> given = new ArrayList<>();
        Map<String, String> overrides = new LinkedHashMap<>();
        List<String> positional = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        boolean help = false;
        boolean version = false;
        boolean filesGiven = false;
        boolean dirsGiven = false;
        for (int i = 0; i < argv.size(); i++) {
            String arg = argv.get(i);
            String name = arg;
            String inlineValue = null;
            int equal = arg.indexOf('=');
            if (arg.startsWith("--") && equal > 0) {
                name = arg.substring(0, equal);
                inlineValue = arg.substring(equal + 1);
            }
            switch (name) {
                case "--help", "-h" -> help = true;
                case "--version" -> version = true;
                case "--config-file", "--config-dir" -> {
                    String value = inlineValue != null ? inlineValue : valueAfter(argv, i++, name);
                    boolean isFile = name.equals("--config-file");
                    filesGiven |= isFile;
                    dirsGiven |= !isFile;
                    Path path = Path.of(value).toAbsolutePath().normalize();
                    given.add(isFile ? ConfigSource.file(path) : ConfigSource.dir(path));
                }
                default -> {
                    CliFlag flag = flags.get(name);
                    if (flag == null) {
                        if (arg.startsWith("-") && arg.length() > 1) {
                            unknown.add(arg);
                        } else {
                            positional.add(arg);
                        }
                    } else {
                        if (flag.deprecated()) {
                            warnings.add("Command-line flag " + name + " is deprecated. Use " + flag.opt().cliFlag()
                                    + " instead.");
                        }
                        putOverride(argv, i, name, inlineValue, flag, overrides);
                        if (inlineValue == null && !flag.isBoolean()) {
                            i++;
                        }
                    }
                }
            }
        }
        return finish(argv, project, prog, searchPath, given, overrides, positional, unknown, warnings,
                help, version, filesGiven, dirsGiven);
    }

    private static void putOverride(List<String> argv, int i, String name, String inlineValue, CliFlag flag,
            Map<String, String> overrides) {
        if (flag.isBoolean() && inlineValue == null) {
            overrides.put(flag.opt().qualifiedName(), String.valueOf(!flag.negated()));
        } else {
            overrides.put(flag.opt().qualifiedName(), inlineValue != null ? inlineValue : valueAfter(argv, i, name));
        }
    }

    private static ParsedArgs finish(List<String> argv, String project, String prog, SearchPath searchPath,
            List<ConfigSource> given, Map<String, String> overrides, List<String> positional,
            List<String> unknown, List<String> warnings, boolean help, boolean version, boolean filesGiven,
            boolean dirsGiven) {
        if (!unknown.isEmpty()) {
            throw new ConfigError(prog + ": error: unrecognized arguments: " + String.join(" ", unknown));
        }
        List<ConfigSource> sources = new ArrayList<>();
        if (!filesGiven) {
            defaults(project, prog, ".conf", searchPath, ConfigSource.Kind.FILE, sources);
        }
        if (!dirsGiven) {
            defaults(project, prog, ".conf.d", searchPath, ConfigSource.Kind.DIR, sources);
        }
        sources.addAll(given);
        return new ParsedArgs(project, prog, argv, sources, overrides, searchPath, help, version, positional,
                warnings);
    }

    private static void defaults(String project, String prog, String suffix, SearchPath searchPath,
            ConfigSource.Kind kind, List<ConfigSource> sources) {
        List<String> names = project.equals(prog) ? List.of(project) : List.of(project, prog);
        for (String base : names) {
            var found = kind == ConfigSource.Kind.FILE
                    ? searchPath.firstFile(base + suffix)
                    : searchPath.firstDir(base + suffix);
            found.ifPresent(path -> sources.add(new ConfigSource(kind, path.toAbsolutePath().normalize(), false)));
        }
    }

    private static String valueAfter(List<String> argv, int index, String flag) {
        if (index + 1 >= argv.size()) {
            throw new ConfigError("argument " + flag + ": expected one argument");
        }
        return argv.get(index + 1);
    }

    /** The {@code --help} text: usage and every command-line option with its help. */
    public static String usage(String prog, Collection<Opt<?>> options) {
        StringBuilder out = new StringBuilder();
        out.append("usage: ").append(prog)
                .append(" [-h] [--config-dir DIR] [--config-file PATH] [--version] [options]\n\n");
        out.append("options:\n");
        row(out, "-h, --help", "show this help message and exit");
        row(out, "--config-dir DIR", "Path to a config directory to pull *.conf files from. Files are"
                + " parsed in sorted order after the config files; later values override earlier ones."
                + " Can be given more than once.");
        row(out, "--config-file PATH", "Path to a config file to use. Can be given more than once;"
                + " later files override earlier ones. Default: the first nova.conf found in"
                + " ~/.nova/, ~/, /etc/nova/, /etc/.");
        row(out, "--version", "show program's version number and exit");
        for (Opt<?> opt : options) {
            if (!opt.cli()) {
                continue;
            }
            String metavar = opt.type() == OptType.BOOLEAN ? "" : " " + opt.name().toUpperCase(java.util.Locale.ROOT);
            String flag = opt.shortName().map(c -> "-" + c + ", ").orElse("") + opt.cliFlag() + metavar;
            row(out, flag, opt.help());
            if (opt.type() == OptType.BOOLEAN) {
                row(out, "--no" + opt.cliFlag().substring(2), "The inverse of " + opt.cliFlag());
            }
        }
        return out.toString();
    }

    private static void row(StringBuilder out, String flag, String help) {
        out.append("  ").append(flag).append('\n');
        for (String line : SampleConfigGenerator.wrap(help.replace('\n', ' '), 70)) {
            out.append("        ").append(line).append('\n');
        }
    }
}
