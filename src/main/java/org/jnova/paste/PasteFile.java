package org.jnova.paste;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jnova.exception.ConfigError;

/**
 * One paste.deploy INI file, read the way Python's {@code ConfigParser} reads it for paste:
 * {@code [section]} headers, {@code key = value} or {@code key: value} split at the first
 * delimiter, keys keep their case, indented lines continue the previous value, whole-line
 * {@code #} and {@code ;} comments, {@code %(name)s} interpolation from the section and
 * the defaults ({@code [DEFAULT]}, {@code here}, {@code __file__}).
 */
public final class PasteFile {
    /** The name of the defaults section. */
    public static final String DEFAULT_SECTION = "DEFAULT";

    /** One section: its full header ({@code filter:cors}) and its own keys in file order. */
    public record Section(String header, Map<String, String> entries) {
        public Section {
            Objects.requireNonNull(header, "header is null");
            entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        }

        /** The part before the colon ({@code filter}), or the whole header when there is none. */
        public String prefix() {
            int colon = header.indexOf(':');
            return colon < 0 ? header : header.substring(0, colon).trim();
        }

        /** The part after the colon ({@code cors}), or empty when there is none. */
        public String name() {
            int colon = header.indexOf(':');
            return colon < 0 ? "" : header.substring(colon + 1).trim();
        }
    }

    private final Path path;
    private final Map<String, String> defaults;
    private final Map<String, Section> sections;

    private PasteFile(Path path, Map<String, String> defaults, Map<String, Section> sections) {
        this.path = path;
        this.defaults = defaults;
        this.sections = sections;
    }

    /** Reads and parses the file; a file that cannot be read or parsed is a {@link ConfigError}. */
    public static PasteFile read(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        List<String> lines;
        try {
            lines = Files.readAllLines(absolute, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigError("Cannot read paste config " + absolute + ": " + e.getMessage(), e);
        }
        return parse(absolute, lines);
    }

    static PasteFile parse(Path path, List<String> lines) {
        Map<String, Map<String, String>> raw = new LinkedHashMap<>();
        Map<String, String> current = null;
        String currentKey = null;
        int blankLines = 0;
        int number = 0;
        for (String line : lines) {
            number++;
            String stripped = line.strip();
            if (stripped.isEmpty()) {
                blankLines++;
                continue;
            }
            if (stripped.startsWith("#") || stripped.startsWith(";")) {
                continue;
            }
            boolean indented = Character.isWhitespace(line.charAt(0));
            if (indented && current != null && currentKey != null) {
                // a value continues on indented lines; blank lines in between stay in it, as in ConfigParser
                String separator = "\n".repeat(blankLines + 1);
                current.merge(currentKey, stripped, (old, more) -> old.isEmpty() ? more : old + separator + more);
                blankLines = 0;
                continue;
            }
            blankLines = 0;
            if (stripped.startsWith("[") && stripped.endsWith("]")) {
                String header = stripped.substring(1, stripped.length() - 1).strip();
                if (raw.containsKey(header)) {
                    throw new ConfigError(path + " line " + number + ": section [" + header + "] already exists");
                }
                current = new LinkedHashMap<>();
                raw.put(header, current);
                currentKey = null;
                continue;
            }
            if (current == null) {
                throw new ConfigError(path + " line " + number + ": a key outside any section: " + stripped);
            }
            int delimiter = firstDelimiter(stripped);
            if (delimiter <= 0) {
                throw new ConfigError(path + " line " + number + ": not a 'key = value' line: " + stripped);
            }
            String key = stripped.substring(0, delimiter).strip();
            if (current.containsKey(key)) {
                throw new ConfigError(path + " line " + number + ": key '" + key + "' appears twice in its section");
            }
            current.put(key, stripped.substring(delimiter + 1).strip());
            currentKey = key;
        }
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put("here", path.getParent() == null ? "" : path.getParent().toString());
        defaults.put("__file__", path.toString());
        Map<String, String> declaredDefaults = raw.remove(DEFAULT_SECTION);
        if (declaredDefaults != null) {
            defaults.putAll(declaredDefaults);
        }
        Map<String, Section> sections = new LinkedHashMap<>();
        raw.forEach((header, entries) -> sections.put(header, new Section(header, entries)));
        return new PasteFile(path, Collections.unmodifiableMap(defaults), Collections.unmodifiableMap(sections));
    }

    private static int firstDelimiter(String line) {
        int equals = line.indexOf('=');
        int colon = line.indexOf(':');
        if (equals < 0) {
            return colon;
        }
        return colon < 0 ? equals : Math.min(equals, colon);
    }

    public Path path() {
        return path;
    }

    /** {@code here}, {@code __file__} and the {@code [DEFAULT]} keys, uninterpolated. */
    public Map<String, String> defaults() {
        return defaults;
    }

    /** Sections by full header, in file order; {@code [DEFAULT]} is not among them. */
    public Map<String, Section> sections() {
        return sections;
    }

    /** A section's value with {@code %(name)s} references resolved against the section, then the defaults. */
    public String value(Section section, String key) {
        String rawValue = section.entries().containsKey(key) ? section.entries().get(key) : defaults.get(key);
        return rawValue == null ? null : interpolate(rawValue, section, 0);
    }

    /** The defaults with their references resolved: the global conf of every object in this file. */
    public Map<String, String> globalConf() {
        Map<String, String> global = new LinkedHashMap<>();
        Section none = new Section(DEFAULT_SECTION, Map.of());
        defaults.forEach((key, rawValue) -> global.put(key, interpolate(rawValue, none, 0)));
        return global;
    }

    private String interpolate(String text, Section section, int depth) {
        if (text.indexOf('%') < 0) {
            return text;
        }
        if (depth > 10) {
            throw new ConfigError(path + ": interpolation too deep in [" + section.header() + "]: " + text);
        }
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '%' && i + 1 < text.length() && text.charAt(i + 1) == '%') {
                out.append('%');
                i += 2;
            } else if (c == '%' && i + 1 < text.length() && text.charAt(i + 1) == '(') {
                int close = text.indexOf(")s", i);
                if (close < 0) {
                    throw new ConfigError(path + ": bad interpolation in [" + section.header() + "]: " + text);
                }
                String name = text.substring(i + 2, close);
                String referenced = section.entries().containsKey(name) ? section.entries().get(name) : defaults.get(name);
                if (referenced == null) {
                    throw new ConfigError(path + ": [" + section.header() + "] refers to '" + name
                            + "', which is not defined");
                }
                out.append(interpolate(referenced, section, depth + 1));
                i = close + 2;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** Headers of every section, for messages. */
    List<String> headers() {
        return new ArrayList<>(sections.keySet());
    }
}
