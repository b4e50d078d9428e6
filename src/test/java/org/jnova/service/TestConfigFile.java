package org.jnova.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import org.jnova.conf.cfg.ConfigOpts;
import org.jnova.conf.cfg.Opt;

/**
 * Just enough of an ini reader for the launcher tests: {@code --config-file PATH} arguments,
 * {@code [group]} headers and {@code name = value} lines set declared options.
 */
final class TestConfigFile {
    private TestConfigFile() {
    }

    static ConfigOpts load(Collection<Opt<?>> options, List<String> args) {
        ConfigOpts conf = new ConfigOpts(options);
        for (int i = 0; i + 1 < args.size(); i++) {
            if (args.get(i).equals("--config-file")) {
                read(conf, Path.of(args.get(i + 1)));
            }
        }
        return conf;
    }

    private static void read(ConfigOpts conf, Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String group = Opt.DEFAULT_GROUP;
        for (String raw : lines) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("[") && line.endsWith("]")) {
                group = line.substring(1, line.length() - 1).strip();
                continue;
            }
            int eq = line.indexOf('=');
            String name = line.substring(0, eq).strip();
            String value = line.substring(eq + 1).strip();
            for (Opt<?> opt : conf.options()) {
                if (opt.group().equals(group) && opt.name().equals(name)) {
                    conf.set(opt, value);
                }
            }
        }
    }
}
