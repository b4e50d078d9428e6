package org.jnova.conf;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The option defaults a sample config file shows (nova's and the one generated here), for the option tests. */
final class SampleDefaults {
    static final Pattern SECTION = Pattern.compile("^\\[([^\\]]+)\\]$");
    static final Pattern OPTION = Pattern.compile("^#([a-z][a-z0-9_]*) = ?(.*)$");

    private SampleDefaults() {
    }

    /** "group name" -> the commented default line's value, from a sample file's lines. */
    static Map<String, String> defaults(List<String> lines) {
        Map<String, String> found = new HashMap<>();
        String section = null;
        for (String line : lines) {
            Matcher m = SECTION.matcher(line);
            if (m.matches()) {
                section = m.group(1);
            } else if ((m = OPTION.matcher(line)).matches() && section != null) {
                found.putIfAbsent(section + " " + m.group(1), m.group(2));
            }
        }
        return found;
    }
}
