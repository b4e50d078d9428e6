package org.jnova.cmd;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jnova.conf.cfg.SampleConfigGenerator;

/**
 * {@code bin/nova-config-generator [--output-file F]}: every option jnova declares, with its
 * help, type, bounds and default, as oslo-config-generator prints nova's.
 */
public final class ConfigGeneratorMain {
    private ConfigGeneratorMain() {
    }

    public static void main(String[] args) throws IOException {
        String sample = new SampleConfigGenerator(NovaOptions.all()).generate();
        if (args.length == 2 && "--output-file".equals(args[0])) {
            Files.writeString(Path.of(args[1]), sample, StandardCharsets.UTF_8);
        } else if (args.length == 0) {
            System.out.print(sample);
        } else {
            System.err.println("usage: nova-config-generator [--output-file FILE]");
            System.exit(2);
        }
    }
}
