package org.jnova.conf.cfg;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One parsed config file, read with oslo.config's INI rules: {@code [section]} headers (names
 * other than {@code DEFAULT} are lower-cased), {@code key = value} or {@code key: value},
 * whole-line comments starting with {@code #} or {@code ;}, continuation lines that start with
 * whitespace (joined with a newline), blank lines ending a value, one pair of matching quotes
 * stripped from a value. Inline comments are part of the value, as in oslo.config.
 *
 * @param path the file read
 * @param entries every assignment in file order
 */
public record IniFile(Path path, List<Entry> entries) {
    /** One {@code key = value} assignment and the line it started on. */
    public record Entry(String section, String key, String value, int line) {
        public Entry {
            requireNonNull(section, "section is null");
            requireNonNull(key, "key is null");
            requireNonNull(value, "value is null");
        }
    }

    /** A line oslo.config would refuse; the whole file is then unusable. */
    public static final class ParseError extends Exception {
        public ParseError(Path path, int line, String problem, String text) {
            super(path + " line " + line + ": " + problem + ": " + text);
        }
    }

    public IniFile {
        requireNonNull(path, "path is null");
        entries = List.copyOf(entries);
    }

    /** Reads and parses {@code path}. */
    public static IniFile read(Path path) throws IOException, ParseError {
        return parse(path, Files.readAllLines(path, StandardCharsets.UTF_8));
    }

    static IniFile parse(Path path, List<String> lines) throws ParseError {
        List<Entry> entries = new ArrayList<>();
        String section = null;
        String key = null;
        List<String> value = new ArrayList<>();
        int keyLine = 0;
        int lineNumber = 0;
        for (String raw : lines) {
            lineNumber++;
            String line = raw.stripTrailing();
            if (lineNumber == 1 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            if (line.isEmpty()) {
                key = flush(entries, section, key, value, keyLine);
                continue;
            }
            if (line.startsWith(" ") || line.startsWith("\t")) {
                if (key == null) {
                    throw new ParseError(path, lineNumber, "Unexpected continuation line", line);
                }
                value.add(line.strip());
                continue;
            }
            key = flush(entries, section, key, value, keyLine);
            if (line.startsWith("[")) {
                if (!line.endsWith("]")) {
                    throw new ParseError(path, lineNumber, "Invalid section (must end with ])", line);
                }
                String name = line.substring(1, line.length() - 1).strip();
                if (name.isEmpty()) {
                    throw new ParseError(path, lineNumber, "Empty section name", line);
                }
                section = Opt.DEFAULT_GROUP.equals(name) ? name : name.toLowerCase(Locale.ROOT);
            } else if (!line.startsWith("#") && !line.startsWith(";")) {
                if (section == null) {
                    throw new ParseError(path, lineNumber, "No section header before assignment", line);
                }
                int equal = line.indexOf('=');
                int colon = line.indexOf(':');
                if (equal < 0 && colon < 0) {
                    throw new ParseError(path, lineNumber, "No ':' or '=' found in assignment", line);
                }
                int split = colon < 0 || (equal >= 0 && equal < colon) ? equal : colon;
                key = line.substring(0, split).strip();
                if (key.isEmpty()) {
                    throw new ParseError(path, lineNumber, "Key cannot be empty", line);
                }
                value.add(unquote(line.substring(split + 1).strip()));
                keyLine = lineNumber;
            }
        }
        flush(entries, section, key, value, keyLine);
        return new IniFile(path, entries);
    }

    private static String flush(List<Entry> entries, String section, String key, List<String> value, int line) {
        if (key != null) {
            entries.add(new Entry(section, key, String.join("\n", value), line));
        }
        value.clear();
        return null;
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && (value.charAt(0) == '"' || value.charAt(0) == '\'')
                && value.charAt(value.length() - 1) == value.charAt(0)) {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }
}
