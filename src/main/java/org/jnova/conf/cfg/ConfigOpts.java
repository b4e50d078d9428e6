package org.jnova.conf.cfg;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.jnova.utils.PythonText;
import org.slf4j.Logger;
import org.slf4j.event.Level;

/**
 * The option values of one process, oslo.config's {@code CONF} without being global: built
 * from the declared options, then filled from config files, a config dir and the command
 * line ({@link ConfigLoader#load}). Read with {@link #get(Opt)}; {@link #reload()} re-reads the
 * same sources (SIGHUP).
 */
public final class ConfigOpts {
    /** What secret options show instead of their value. */
    public static final String MASK = "****";

    private final Map<String, Opt<?>> declared = new LinkedHashMap<>();
    private final Map<String, Object> values = new LinkedHashMap<>();
    private final Map<String, Object> defaultOverrides = new LinkedHashMap<>();
    private final ConfigSources sources;
    private final List<String> warnings;

    /** Only the defaults, until {@link #set} is called. */
    public ConfigOpts(Collection<Opt<?>> options) {
        this(options, Map.of(), new ConfigSources(ParsedArgs.empty("nova"), List.of(), Map.of()), List.of());
    }

    ConfigOpts(Collection<Opt<?>> options, Map<String, Object> values, ConfigSources sources, List<String> warnings) {
        Objects.requireNonNull(options, "options is null");
        for (Opt<?> opt : options) {
            declared.put(key(opt.group(), opt.name()), opt);
        }
        this.values.putAll(values);
        this.sources = Objects.requireNonNull(sources, "sources is null");
        this.warnings = List.copyOf(warnings);
    }

    @SuppressWarnings("unchecked")
    public <T> T get(Opt<T> opt) {
        String key = key(opt.group(), opt.name());
        if (values.containsKey(key)) {
            return (T) values.get(key);
        }
        if (defaultOverrides.containsKey(key)) {
            return (T) defaultOverrides.get(key);
        }
        return opt.defaultValue().orElse(null);
    }

    /**
     * Changes an option's default for this process, as oslo.config's {@code set_defaults}: a
     * value from a file, the environment or the command line still wins.
     *
     * @throws IllegalArgumentException when the text does not convert or breaks min/max/choices
     */
    public <T> void setDefault(Opt<T> opt, String text) {
        T value = opt.type().parse(text);
        String problem = OptChecks.problem(opt, value);
        if (problem != null) {
            throw new IllegalArgumentException(opt.qualifiedName() + ": " + problem);
        }
        defaultOverrides.put(key(opt.group(), opt.name()), value);
    }

    /**
     * Sets an option from text, as a config file line would.
     *
     * @throws IllegalArgumentException when the text does not convert or breaks min/max/choices
     */
    public <T> void set(Opt<T> opt, String text) {
        T value = opt.type().parse(text);
        String problem = OptChecks.problem(opt, value);
        if (problem != null) {
            throw new IllegalArgumentException(opt.qualifiedName() + ": " + problem);
        }
        values.put(key(opt.group(), opt.name()), value);
    }

    public Collection<Opt<?>> options() {
        return declared.values();
    }

    /** The command line and files these values came from. */
    public ConfigSources sources() {
        return sources;
    }

    /** Warnings from loading (unknown options, deprecated names), one per option, in order. */
    public List<String> warnings() {
        return warnings;
    }

    /**
     * A fresh instance read again from the same files, dirs, command line and environment
     * (SIGHUP); throws {@link org.jnova.exception.ConfigError} when the files are now bad.
     */
    public ConfigOpts reload() {
        return ConfigLoader.load(options(), sources.args(), sources.environment());
    }

    /**
     * oslo.config's {@code find_file}: {@code name} in the config dirs given, then the dirs of
     * the config files (last first), then the default search path. An absolute {@code name} is
     * returned when it exists.
     */
    public Optional<Path> findFile(String name) {
        Path asGiven = Path.of(name);
        if (asGiven.isAbsolute()) {
            return Files.exists(asGiven) ? Optional.of(asGiven) : Optional.empty();
        }
        List<Path> dirs = new ArrayList<>();
        List<ConfigSource> given = sources.args().sources();
        for (int i = given.size() - 1; i >= 0; i--) {
            if (given.get(i).kind() == ConfigSource.Kind.DIR) {
                dirs.add(given.get(i).path());
            }
        }
        for (int i = given.size() - 1; i >= 0; i--) {
            if (given.get(i).kind() == ConfigSource.Kind.FILE && given.get(i).path().getParent() != null) {
                dirs.add(given.get(i).path().getParent());
            }
        }
        dirs.addAll(sources.args().searchPath().dirs());
        return dirs.stream().map(dir -> dir.resolve(name)).filter(Files::exists).findFirst();
    }

    /** The value as the option dump shows it: secrets masked, lists as {@code ['a', 'b']}. */
    public String displayValue(Opt<?> opt) {
        Object value = get(opt);
        if (opt.secret() && value != null) {
            return MASK;
        }
        return PythonText.str(value);
    }

    /**
     * The lines of oslo.config's {@code log_opt_values}: where values came from, then every
     * option, DEFAULT first, then group by group in name order, secrets masked.
     */
    public List<String> optValueLines() {
        List<String> lines = new ArrayList<>();
        lines.add("*".repeat(80));
        lines.add("Configuration options gathered from:");
        lines.add("command line args: " + PythonText.str(sources.args().argv()));
        lines.add("config files: " + PythonText.str(sources.filesRead().stream().map(Path::toString).toList()));
        lines.add("=".repeat(80));
        Map<String, Map<String, String>> byGroup = new TreeMap<>((a, b) -> a.equals(b) ? 0
                : Opt.DEFAULT_GROUP.equals(a) ? -1 : Opt.DEFAULT_GROUP.equals(b) ? 1 : a.compareTo(b));
        Map<String, String> defaults = byGroup.computeIfAbsent(Opt.DEFAULT_GROUP, g -> new TreeMap<>());
        defaults.put("config_dir", PythonText.str(sourcePaths(ConfigSource.Kind.DIR)));
        defaults.put("config_file", PythonText.str(sourcePaths(ConfigSource.Kind.FILE)));
        for (Opt<?> opt : declared.values()) {
            byGroup.computeIfAbsent(opt.group(), g -> new TreeMap<>()).put(opt.qualifiedName(), displayValue(opt));
        }
        for (Map<String, String> group : byGroup.values()) {
            group.forEach((name, value) -> lines.add(String.format("%-30s = %s", name, value)));
        }
        lines.add("*".repeat(80));
        return lines;
    }

    /** Logs {@link #optValueLines()} at DEBUG, as nova does at start-up. */
    public void logOptValues(Logger log) {
        logOptValues(log, Level.DEBUG);
    }

    public void logOptValues(Logger log, Level level) {
        for (String line : optValueLines()) {
            log.atLevel(level).log(line);
        }
    }

    private List<String> sourcePaths(ConfigSource.Kind kind) {
        return sources.args().sources().stream().filter(s -> s.kind() == kind).map(s -> s.path().toString()).toList();
    }

    static String key(String group, String name) {
        return group + "\u0000" + Objects.requireNonNull(name, "name is null");
    }

    @SuppressWarnings("unchecked")
    static <T> String formatUnchecked(Opt<T> opt, Object value) {
        return opt.type().format((T) value);
    }
}
