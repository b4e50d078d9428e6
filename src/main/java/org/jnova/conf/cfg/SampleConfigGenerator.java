package org.jnova.conf.cfg;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes a sample {@code nova.conf}, as {@code oslo-config-generator} does: every declared option,
 * grouped by section ({@code DEFAULT} first, then by name), each commented out with its help,
 * type, bounds, choices, deprecated names and default.
 *
 * <p>Command line: {@code SampleConfigGenerator [--output-file PATH] [OptionsClass ...]}; each
 * class named must have a {@code public static List<Opt<?>> all()}; the default is
 * {@code org.jnova.conf.DefaultOpts}.
 */
public final class SampleConfigGenerator {
    private static final int WIDTH = 70;

    private final Map<String, List<Opt<?>>> groups;

    public SampleConfigGenerator(Collection<Opt<?>> options) {
        Map<String, Opt<?>> unique = new LinkedHashMap<>();
        for (Opt<?> opt : java.util.Objects.requireNonNull(options, "options is null")) {
            unique.putIfAbsent(ConfigOpts.key(opt.group(), opt.name()), opt);
        }
        Map<String, List<Opt<?>>> sorted = new TreeMap<>((a, b) -> a.equals(b) ? 0
                : Opt.DEFAULT_GROUP.equals(a) ? -1 : Opt.DEFAULT_GROUP.equals(b) ? 1 : a.compareTo(b));
        for (Opt<?> opt : unique.values()) {
            sorted.computeIfAbsent(opt.group(), g -> new ArrayList<>()).add(opt);
        }
        this.groups = sorted;
    }

    /** The whole sample file. */
    public String generate() {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, List<Opt<?>>> group : groups.entrySet()) {
            if (!out.isEmpty()) {
                out.append("\n\n");
            }
            out.append('[').append(group.getKey()).append("]\n");
            for (Opt<?> opt : group.getValue()) {
                out.append('\n');
                describe(opt, out);
            }
        }
        return out.toString();
    }

    private static void describe(Opt<?> opt, StringBuilder out) {
        for (String paragraph : opt.help().strip().split("\n")) {
            for (String line : wrap(paragraph, WIDTH)) {
                out.append(line.isEmpty() ? "#" : "# " + line).append('\n');
            }
        }
        out.append("# Type: ").append(opt.type().name()).append(opt.secret() ? " (secret)" : "").append('\n');
        opt.min().ifPresent(min -> out.append("# Minimum value: ").append(min).append('\n'));
        opt.max().ifPresent(max -> out.append("# Maximum value: ").append(max).append('\n'));
        if (!opt.choices().isEmpty()) {
            out.append("# Allowed values: ").append(String.join(", ", opt.choices())).append('\n');
        }
        for (Opt.DeprecatedName old : opt.deprecatedNames()) {
            out.append("# Formerly: [").append(old.group()).append("] ").append(old.name()).append('\n');
        }
        if (opt.cli()) {
            out.append("# Command line: ").append(opt.cliFlag())
                    .append(opt.shortName().map(c -> ", -" + c).orElse("")).append('\n');
        }
        if (opt.type() == OptType.MULTI_STRING && opt.sampleDefault().isEmpty()) {
            List<?> values = opt.defaultValue().map(v -> (List<?>) v).orElse(List.of());
            for (Object value : values.isEmpty() ? List.of("") : values) {
                out.append('#').append(opt.name()).append(" =").append(value.toString().isEmpty() ? "" : " " + value)
                        .append('\n');
            }
            return;
        }
        out.append('#').append(opt.name()).append(" = ").append(defaultText(opt)).append('\n');
    }

    private static String defaultText(Opt<?> opt) {
        if (opt.sampleDefault().isPresent()) {
            return opt.sampleDefault().get();
        }
        Object value = opt.defaultValue().orElse(null);
        if (value == null) {
            return "<None>";
        }
        if (value instanceof Boolean b) {
            return b.toString().toLowerCase(Locale.ROOT);
        }
        if (value instanceof Map<?, ?> map) {
            List<String> pairs = new ArrayList<>();
            map.forEach((k, v) -> pairs.add(k + ":" + v));
            return String.join(",", pairs);
        }
        String text = ConfigOpts.formatUnchecked(opt, value);
        return text.isEmpty() || !text.strip().equals(text) ? "\"" + text + "\"" : text;
    }

    /** Splits {@code text} into lines of at most {@code width} characters at spaces. */
    static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.strip().split("\\s+")) {
            if (!line.isEmpty() && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (!line.isEmpty()) {
                line.append(' ');
            }
            line.append(word);
        }
        lines.add(line.toString());
        return lines;
    }

    /** Loads {@code all()} from each named options class. */
    @SuppressWarnings("unchecked")
    public static List<Opt<?>> optionsOf(List<String> classNames) {
        List<Opt<?>> options = new ArrayList<>();
        for (String className : classNames) {
            try {
                Method all = Class.forName(className).getMethod("all");
                options.addAll((Collection<Opt<?>>) all.invoke(null));
            } catch (ReflectiveOperationException e) {
                throw new IllegalArgumentException("Cannot read options from " + className + ": " + e, e);
            }
        }
        return options;
    }

    public static void main(String[] args) throws IOException {
        Path output = null;
        List<String> classes = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--output-file") && i + 1 < args.length) {
                output = Path.of(args[++i]);
            } else if (args[i].startsWith("--output-file=")) {
                output = Path.of(args[i].substring("--output-file=".length()));
            } else {
                classes.add(args[i]);
            }
        }
        if (classes.isEmpty()) {
            classes.add("org.jnova.conf.DefaultOpts");
        }
        String sample = new SampleConfigGenerator(optionsOf(classes)).generate();
        if (output == null) {
            PrintStream stdout = new PrintStream(System.out, true, StandardCharsets.UTF_8);
            stdout.print(sample);
            stdout.flush();
        } else {
            Files.writeString(output, sample, StandardCharsets.UTF_8);
        }
    }
}
