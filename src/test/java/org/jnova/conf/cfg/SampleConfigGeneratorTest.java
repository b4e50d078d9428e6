package org.jnova.conf.cfg;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.jnova.conf.DefaultOpts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleConfigGeneratorTest {
    @TempDir
    Path tmp;

    @Test
    void listsEveryOptionUnderItsSectionWithTypeBoundsChoicesAndDeprecatedNames() {
        List<Opt<?>> options = new ArrayList<>(DefaultOpts.all());
        options.add(ConfigLoaderTest.WORKERS);
        options.add(ConfigLoaderTest.AUTH);
        options.add(ConfigLoaderTest.PASSWORD);

        String sample = new SampleConfigGenerator(options).generate();

        for (Opt<?> opt : options) {
            String section = "[" + opt.group() + "]";
            int sectionAt = sample.indexOf("\n" + section + "\n");
            int optionAt = sample.indexOf("\n#" + opt.name() + " = ", Math.max(sectionAt, 0));
            assertThat(sectionAt == -1 ? sample.startsWith(section) : sectionAt > -1).as(section).isTrue();
            assertThat(optionAt).as(opt.qualifiedName()).isGreaterThan(sectionAt);
        }
        assertThat(sample).startsWith("[DEFAULT]\n");
        assertThat(sample.indexOf("[api]")).isLessThan(sample.indexOf("[database]"));
        assertThat(sample).contains("# Minimum value: 1\n", "# Allowed values: keystone, noauth2\n",
                "# Formerly: [DEFAULT] logfile\n", "# Type: string (secret)\n", "#debug = false\n",
                "#log_file = <None>\n", "#host = <current_hostname>\n", "#instance_format = \"[instance: %(uuid)s] \"\n",
                "#default_log_levels = amqp=WARN,amqplib=WARN,");
    }

    @Test
    void uncommentedSampleLoadsBackToTheDefaults() throws IOException {
        String sample = new SampleConfigGenerator(DefaultOpts.all()).generate();
        List<String> lines = new ArrayList<>();
        for (String line : sample.split("\n")) {
            lines.add(line.matches("#[a-z_]+ = .*") && !line.contains("<") ? line.substring(1) : line);
        }
        Path file = Files.write(tmp.resolve("nova.conf"), lines);

        ConfigOpts conf = ConfigLoader.load(DefaultOpts.all(), CommandLine.parse(
                new String[] {"--config-file", file.toString()}, "nova", "nova", DefaultOpts.all(),
                new SearchPath(List.of())));

        assertThat(conf.warnings()).isEmpty();
        assertThat(conf.get(DefaultOpts.DEFAULT_LOG_LEVELS)).isEqualTo(DefaultOpts.DEFAULT_LOG_LEVELS.defaultValue().get());
        assertThat(conf.get(DefaultOpts.LOGGING_CONTEXT_FORMAT_STRING))
                .isEqualTo(DefaultOpts.LOGGING_CONTEXT_FORMAT_STRING.defaultValue().get());
        assertThat(conf.get(DefaultOpts.INSTANCE_FORMAT)).isEqualTo("[instance: %(uuid)s] ");
        assertThat(conf.get(DefaultOpts.REPORTS_FILE_EVENT_HANDLER_INTERVAL)).isEqualTo(1);
    }

    @Test
    void mainWritesTheSampleToAFile() throws IOException {
        Path out = tmp.resolve("nova.conf.sample");
        SampleConfigGenerator.main(new String[] {"--output-file", out.toString()});
        assertThat(Files.readString(out)).contains("[oslo_reports]", "#file_event_handler_interval = 1");
    }
}
