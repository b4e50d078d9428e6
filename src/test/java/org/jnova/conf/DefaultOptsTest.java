package org.jnova.conf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jnova.conf.SampleDefaults.OPTION;
import static org.jnova.conf.SampleDefaults.SECTION;
import static org.jnova.conf.SampleDefaults.defaults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jnova.conf.cfg.Opt;
import org.jnova.conf.cfg.SampleConfigGenerator;
import org.junit.jupiter.api.Test;

/** DefaultOpts against nova's own sample config (Zed): same sections, names, defaults, old names. */
class DefaultOptsTest {
    private static final Pattern DEPRECATED = Pattern.compile("^# Deprecated group/name - \\[([^\\]]+)\\]/(\\S+)$");

    private static Map<String, List<String>> deprecatedNames(List<String> lines) {
        Map<String, List<String>> found = new HashMap<>();
        String section = null;
        List<String> pending = new java.util.ArrayList<>();
        for (String line : lines) {
            Matcher m = SECTION.matcher(line);
            if (m.matches()) {
                section = m.group(1);
            } else if ((m = DEPRECATED.matcher(line)).matches()) {
                pending.add(m.group(1) + "/" + m.group(2));
            } else if ((m = OPTION.matcher(line)).matches()) {
                found.putIfAbsent(section + " " + m.group(1), List.copyOf(pending));
                pending.clear();
            } else if (line.isEmpty()) {
                pending.clear();
            }
        }
        return found;
    }

    @Test
    void everyOptionMatchesNovasSampleConfig() throws IOException {
        List<String> nova = Files.readAllLines(Path.of("../shared/reference/nova.conf.sample-zed"));
        Map<String, String> novaDefaults = defaults(nova);
        Map<String, List<String>> novaDeprecated = deprecatedNames(nova);
        Map<String, String> ours = defaults(new SampleConfigGenerator(DefaultOpts.all()).generate().lines().toList());

        for (Opt<?> opt : DefaultOpts.all()) {
            String key = opt.group() + " " + opt.name();
            assertThat(novaDefaults).as("nova declares %s", key).containsKey(key);
            assertThat(ours.get(key)).as("default of %s", key).isEqualTo(novaDefaults.get(key));
            assertThat(opt.deprecatedNames()).extracting(d -> d.group() + "/" + d.name())
                    .as("deprecated names of %s", key).containsExactlyElementsOf(novaDeprecated.get(key));
        }
    }
}
