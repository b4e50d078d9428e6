package org.jnova.conf.cfg;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.jnova.exception.ConfigError;

/**
 * Builds a {@link ConfigOpts} from {@link ParsedArgs}: reads every source in order (later
 * values win), then {@code OS_<GROUP>__<NAME>} environment variables, then the command-line
 * overrides, then substitutes {@code $name} /
 * {@code ${group.name}} references and converts and checks every value. Options nobody declared
 * and deprecated names produce one warning each ({@link ConfigOpts#warnings()}); every bad value
 * is collected and all are reported together in one {@link ConfigError}.
 */
public final class ConfigLoader {
    private final Map<String, Opt<?>> byName = new LinkedHashMap<>();
    private final Map<String, Opt<?>> byDeprecatedName = new HashMap<>();
    private final Map<String, RawValue> raw = new HashMap<>();
    private final Set<String> warnings = new LinkedHashSet<>();
    private final Set<String> warnedNames = new java.util.HashSet<>();
    private final List<String> errors = new ArrayList<>();
    private final List<Path> filesRead = new ArrayList<>();

    /**
     * Text for one option and where it came from ("/etc/nova/nova.conf line 12"); several texts
     * only for a multi-valued option set on several lines.
     */
    private record RawValue(List<String> texts, String origin) {
        RawValue(String text, String origin) {
            this(List.of(text), origin);
        }

        String text() {
            return texts.get(texts.size() - 1);
        }

        RawValue plus(String text, String laterOrigin) {
            List<String> all = new ArrayList<>(texts);
            all.add(text);
            return new RawValue(List.copyOf(all), laterOrigin);
        }
    }

    private ConfigLoader(Collection<Opt<?>> options) {
        for (Opt<?> opt : options) {
            byName.put(ConfigOpts.key(opt.group(), opt.name()), opt);
        }
        for (Opt<?> opt : options) {
            for (Opt.DeprecatedName old : opt.deprecatedNames()) {
                String key = ConfigOpts.key(old.group(), old.name());
                if (!byName.containsKey(key)) {
                    byDeprecatedName.put(key, opt);
                }
            }
        }
    }

    /**
     * Loads {@code options} from the sources and overrides in {@code args}.
     *
     * @throws ConfigError listing every unreadable source and every bad value
     */
    public static ConfigOpts load(Collection<Opt<?>> options, ParsedArgs args) {
        return load(options, args, System.getenv());
    }

    /**
     * Loads with {@code environment} as the environment: {@code OS_<GROUP>__<NAME>} variables
     * ({@code OS_DEFAULT__DEBUG}, {@code OS_API__AUTH_STRATEGY}) beat config files and lose to
     * the command line, as in oslo.config.
     */
    public static ConfigOpts load(Collection<Opt<?>> options, ParsedArgs args, Map<String, String> environment) {
        return new ConfigLoader(options).run(options, args, Map.copyOf(environment));
    }

    /**
     * Parses {@code argv} ({@link CommandLine#parse(String[], String, String, Collection)}, standard
     * search path) and loads {@code options} from it.
     */
    public static ConfigOpts load(Collection<Opt<?>> options, String[] argv, String project, String prog) {
        return load(options, CommandLine.parse(argv, project, prog, options));
    }

    private ConfigOpts run(Collection<Opt<?>> options, ParsedArgs args, Map<String, String> environment) {
        warnings.addAll(args.warnings());
        for (ConfigSource source : args.sources()) {
            if (source.kind() == ConfigSource.Kind.FILE) {
                if (Files.isRegularFile(source.path())) {
                    readFile(source.path());
                } else {
                    errors.add("Failed to find some config files: " + source.path());
                }
            } else {
                readDir(source.path());
            }
        }
        for (Opt<?> opt : options) {
            String variable = environmentName(opt);
            if (environment.containsKey(variable)) {
                raw.put(ConfigOpts.key(opt.group(), opt.name()),
                        new RawValue(environment.get(variable), "environment variable " + variable));
            }
        }
        for (Map.Entry<String, String> override : args.overrides().entrySet()) {
            Opt<?> opt = lookupQualified(override.getKey());
            if (opt == null) {
                errors.add("command line: no such option " + override.getKey());
            } else {
                raw.put(ConfigOpts.key(opt.group(), opt.name()), new RawValue(override.getValue(), "command line"));
            }
        }
        Map<String, Object> values = new LinkedHashMap<>();
        Substitution substitution = new Substitution(byName, this::textOf, warnings::add);
        for (Opt<?> opt : options) {
            String key = ConfigOpts.key(opt.group(), opt.name());
            RawValue value = raw.get(key);
            if (value != null) {
                convert(opt, value, substitution).ifPresent(v -> values.put(key, v));
                if (!values.containsKey(key)) {
                    values.put(key, null);
                }
            } else if (opt.defaultValue().orElse(null) instanceof String text && text.contains("$")) {
                values.put(key, substitution.apply(opt, text));
            }
        }
        if (!errors.isEmpty()) {
            throw new ConfigError(errors.size() + " configuration error(s):\n  " + String.join("\n  ", errors));
        }
        return new ConfigOpts(options, values, new ConfigSources(args, filesRead, environment), List.copyOf(warnings));
    }

    private void readDir(Path dir) {
        if (!Files.isDirectory(dir)) {
            errors.add("Failed to read config file directory: " + dir);
            return;
        }
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(p -> p.getFileName().toString().endsWith(".conf"))
                    .filter(Files::isRegularFile)
                    .sorted()
                    .forEach(this::readFile);
        } catch (IOException e) {
            errors.add("Cannot read config dir " + dir + ": " + e.getMessage());
        }
    }

    private void readFile(Path path) {
        IniFile file;
        try {
            file = IniFile.read(path);
        } catch (IniFile.ParseError e) {
            errors.add("Failed to parse " + e.getMessage());
            return;
        } catch (IOException e) {
            errors.add("Cannot read config file " + path + ": " + e);
            return;
        }
        filesRead.add(path);
        // Within one file the current name beats a deprecated one, whatever the line order.
        List<IniFile.Entry> current = new ArrayList<>();
        for (IniFile.Entry entry : file.entries()) {
            String key = ConfigOpts.key(entry.section(), entry.key());
            Opt<?> deprecatedFor = byDeprecatedName.get(key);
            if (byName.containsKey(key)) {
                current.add(entry);
            } else if (deprecatedFor != null) {
                warnOnce(key, "Option \"" + entry.key() + "\" from group \"" + entry.section()
                        + "\" is deprecated. Use option \"" + deprecatedFor.name() + "\" from group \""
                        + deprecatedFor.group() + "\".");
                put(deprecatedFor, entry, path);
            } else {
                warnOnce(key, "Unknown option [" + entry.section() + "] " + entry.key() + " in " + path
                        + " is ignored.");
            }
        }
        for (IniFile.Entry entry : current) {
            put(byName.get(ConfigOpts.key(entry.section(), entry.key())), entry, path);
        }
    }

    /** One warning per old or unknown name, however many files repeat it. */
    private void warnOnce(String nameKey, String warning) {
        if (warnedNames.add(nameKey)) {
            warnings.add(warning);
        }
    }

    private void put(Opt<?> opt, IniFile.Entry entry, Path path) {
        String key = ConfigOpts.key(opt.group(), opt.name());
        String origin = path + " line " + entry.line();
        RawValue earlier = raw.get(key);
        raw.put(key, opt.type() == OptType.MULTI_STRING && earlier != null
                ? earlier.plus(entry.value(), origin)
                : new RawValue(entry.value(), origin));
    }

    /** oslo.config's environment variable for an option: {@code OS_<GROUP>__<NAME>}, upper case. */
    static String environmentName(Opt<?> opt) {
        return ("OS_" + opt.group() + "__" + opt.name()).replace('-', '_').toUpperCase(java.util.Locale.ROOT);
    }

    private Opt<?> lookupQualified(String qualified) {
        int dot = qualified.indexOf('.');
        String key = dot < 0
                ? ConfigOpts.key(Opt.DEFAULT_GROUP, qualified)
                : ConfigOpts.key(qualified.substring(0, dot), qualified.substring(dot + 1));
        return byName.get(key);
    }

    /** The text an option has before conversion: its raw value, else its default formatted. */
    private String textOf(Opt<?> opt) {
        RawValue value = raw.get(ConfigOpts.key(opt.group(), opt.name()));
        if (value != null) {
            return value.text();
        }
        return opt.defaultValue().map(v -> ConfigOpts.formatUnchecked(opt, v)).orElse("");
    }

    private java.util.Optional<Object> convert(Opt<?> opt, RawValue value, Substitution substitution) {
        String where = value.origin() + ": [" + opt.group() + "] " + opt.name();
        Object parsed;
        try {
            List<Object> items = new ArrayList<>();
            for (String text : value.texts()) {
                items.add(opt.type().parse(text.contains("$") ? substitution.apply(opt, text) : text));
            }
            parsed = opt.type() == OptType.MULTI_STRING
                    ? items.stream().flatMap(item -> ((List<?>) item).stream()).toList()
                    : items.get(items.size() - 1);
        } catch (IllegalArgumentException e) {
            errors.add(where + ": " + e.getMessage());
            return java.util.Optional.empty();
        }
        String problem = OptChecks.problem(opt, parsed);
        if (problem != null) {
            errors.add(where + ": " + problem);
            return java.util.Optional.empty();
        }
        return java.util.Optional.ofNullable(parsed);
    }
}
