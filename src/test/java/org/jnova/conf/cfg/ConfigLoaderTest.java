package org.jnova.conf.cfg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.jnova.conf.DefaultOpts;
import org.jnova.exception.ConfigError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    static final Opt<Integer> WORKERS = Opt.integer("DEFAULT", "osapi_compute_workers").min(1).build();
    static final Opt<String> AUTH = Opt.string("api", "auth_strategy").defaultValue("keystone")
            .choices("keystone", "noauth2").deprecatedName("DEFAULT", "auth_strategy").build();
    static final Opt<Integer> PORT = Opt.port("DEFAULT", "osapi_compute_listen_port").defaultValue(8774).build();
    static final Opt<String> PASSWORD = Opt.string("database", "connection").secret().build();
    static final Opt<String> INSTANCES_PATH = Opt.string("DEFAULT", "instances_path")
            .defaultValue("$state_path/instances").build();
    static final Opt<List<String>> ALIAS = Opt.multiString("pci", "alias").defaultValue(List.of()).build();
    static final Opt<Double> RATIO = Opt.floating("DEFAULT", "cpu_allocation_ratio").build();

    @TempDir
    Path tmp;

    private List<Opt<?>> options() {
        List<Opt<?>> all = new ArrayList<>(DefaultOpts.all());
        all.addAll(List.of(WORKERS, AUTH, PORT, PASSWORD, INSTANCES_PATH, RATIO, ALIAS));
        return all;
    }

    private Path write(String name, String text) throws IOException {
        Path file = tmp.resolve(name);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    private ConfigOpts load(String... argv) {
        SearchPath nowhere = new SearchPath(List.of(tmp.resolve("no-such-dir")));
        return ConfigLoader.load(options(), CommandLine.parse(argv, "nova", "nova-api", options(), nowhere),
                java.util.Map.of());
    }

    @Test
    void laterConfigFilesWinAndConfigDirFilesApplyInSortedOrderAfterThem() throws IOException {
        Path first = write("a.conf", "[DEFAULT]\nosapi_compute_workers = 2\nosapi_compute_listen_port = 1\n");
        Path second = write("b.conf", "[DEFAULT]\nosapi_compute_workers = 3\n");
        write("d/20-last.conf", "[DEFAULT]\nosapi_compute_listen_port = 20\n");
        write("d/10-first.conf", "[DEFAULT]\nosapi_compute_listen_port = 10\nosapi_compute_workers = 10\n");
        write("d/ignored.txt", "[DEFAULT]\nosapi_compute_listen_port = 99\n");

        ConfigOpts conf = load("--config-file", first.toString(), "--config-file=" + second,
                "--config-dir", tmp.resolve("d").toString());

        assertThat(conf.get(WORKERS)).isEqualTo(10);
        assertThat(conf.get(PORT)).isEqualTo(20);
        assertThat(conf.sources().filesRead()).extracting(p -> p.getFileName().toString())
                .containsExactly("a.conf", "b.conf", "10-first.conf", "20-last.conf");
    }

    @Test
    void sourcesApplyInCommandLineOrderSoAFileAfterTheDirWins() throws IOException {
        write("d/1.conf", "[DEFAULT]\nosapi_compute_workers = 5\n");
        Path file = write("late.conf", "[DEFAULT]\nosapi_compute_workers = 6\n");

        ConfigOpts conf = load("--config-dir", tmp.resolve("d").toString(), "--config-file", file.toString());

        assertThat(conf.get(WORKERS)).isEqualTo(6);
    }

    @Test
    void defaultSearchPathUsesTheFirstDirHoldingNovaConfAndItsConfD() throws IOException {
        write("home/.nova/nova.conf", "[DEFAULT]\nosapi_compute_workers = 7\n");
        write("etc/nova/nova.conf", "[DEFAULT]\nosapi_compute_workers = 8\nosapi_compute_listen_port = 18\n");
        write("etc/nova/nova-api.conf", "[DEFAULT]\nosapi_compute_listen_port = 19\n");
        write("etc/nova/nova.conf.d/extra.conf", "[api]\nauth_strategy = noauth2\n");
        SearchPath path = new SearchPath(List.of(tmp.resolve("home/.nova"), tmp.resolve("home"),
                tmp.resolve("etc/nova"), tmp.resolve("etc")));

        ParsedArgs args = CommandLine.parse(new String[0], "nova", "nova-api", options(), path);
        ConfigOpts conf = ConfigLoader.load(options(), args);

        assertThat(conf.get(WORKERS)).isEqualTo(7);
        assertThat(conf.get(PORT)).isEqualTo(19);
        assertThat(conf.get(AUTH)).isEqualTo("noauth2");
        assertThat(args.sources()).allMatch(s -> !s.explicit());

        Path explicit = write("mine.conf", "[DEFAULT]\n");
        ParsedArgs withFile = CommandLine.parse(new String[] {"--config-file", explicit.toString()},
                "nova", "nova-api", options(), path);
        assertThat(withFile.sources()).extracting(ConfigSource::kind)
                .containsExactly(ConfigSource.Kind.DIR, ConfigSource.Kind.FILE);
        assertThat(ConfigLoader.load(options(), withFile).get(WORKERS)).isNull();
    }

    @Test
    void commandLineOverridesFilesIncludingShortAndNegatedFlags() throws IOException {
        Path file = write("nova.conf", "[DEFAULT]\ndebug = false\nlog_dir = /from/file\nlog_file = f.log\n");

        ConfigOpts conf = load("--config-file", file.toString(), "-d", "--log-dir=/from/cli", "--logfile", "c.log");
        assertThat(conf.get(DefaultOpts.DEBUG)).isTrue();
        assertThat(conf.get(DefaultOpts.LOG_DIR)).isEqualTo("/from/cli");
        assertThat(conf.get(DefaultOpts.LOG_FILE)).isEqualTo("c.log");
        assertThat(conf.warnings()).containsExactly("Command-line flag --logfile is deprecated. Use --log-file instead.");

        Path debugOn = write("on.conf", "[DEFAULT]\ndebug = true\n");
        assertThat(load("--config-file", debugOn.toString(), "--nodebug").get(DefaultOpts.DEBUG)).isFalse();
    }

    @Test
    void environmentVariablesBeatFilesAndLoseToTheCommandLine() throws IOException {
        Path file = write("nova.conf", "[DEFAULT]\nosapi_compute_workers = 2\ndebug = false\n"
                + "[api]\nauth_strategy = keystone\n");
        ParsedArgs args = CommandLine.parse(new String[] {"--config-file", file.toString(), "--nodebug"}, "nova",
                "nova-api", options(), new SearchPath(List.of()));
        java.util.Map<String, String> env = java.util.Map.of("OS_DEFAULT__OSAPI_COMPUTE_WORKERS", "9",
                "OS_API__AUTH_STRATEGY", "noauth2", "OS_DEFAULT__DEBUG", "true");

        ConfigOpts conf = ConfigLoader.load(options(), args, env);

        assertThat(conf.get(WORKERS)).isEqualTo(9);
        assertThat(conf.get(AUTH)).isEqualTo("noauth2");
        assertThat(conf.get(DefaultOpts.DEBUG)).isFalse();
        assertThat(conf.reload().get(WORKERS)).isEqualTo(9);
        assertThatThrownBy(() -> ConfigLoader.load(options(), args, java.util.Map.of("OS_DEFAULT__OSAPI_COMPUTE_WORKERS", "x")))
                .hasMessageContaining("environment variable OS_DEFAULT__OSAPI_COMPUTE_WORKERS: [DEFAULT] osapi_compute_workers");
    }

    @Test
    void helpVersionAndUnknownArguments() {
        ParsedArgs args = CommandLine.parse(new String[] {"--version", "--help"}, "nova", "nova-api", options(),
                new SearchPath(List.of()));
        assertThat(args.help()).isTrue();
        assertThat(args.version()).isTrue();
        assertThat(CommandLine.usage("nova-api", options())).contains("--config-file PATH", "-d, --debug",
                "--log-file LOG_FILE", "--nodebug");
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        assertThat(CommandLine.printHelpOrVersion(args, options(), "26.0.0", new java.io.PrintStream(out))).isTrue();
        assertThat(out.toString()).startsWith("usage: nova-api ");
        ParsedArgs versionOnly = CommandLine.parse(new String[] {"--version"}, "nova", "nova-api", options(),
                new SearchPath(List.of()));
        out.reset();
        assertThat(CommandLine.printHelpOrVersion(versionOnly, options(), "26.0.0", new java.io.PrintStream(out)))
                .isTrue();
        assertThat(out.toString()).isEqualTo("26.0.0" + System.lineSeparator());
        assertThatThrownBy(() -> load("--frobnicate")).isInstanceOf(ConfigError.class)
                .hasMessageContaining("unrecognized arguments: --frobnicate");
    }

    @Test
    void deprecatedNameSetsTheNewOptionWithOneWarning() throws IOException {
        Path one = write("1.conf", "[DEFAULT]\nlogfile = old.log\nauth_strategy = noauth2\n");
        Path two = write("2.conf", "[DEFAULT]\nlogfile = older.log\n");
        Path both = write("3.conf", "[DEFAULT]\nlog_dir = x\n[api]\nauth_strategy = keystone\n"
                + "[DEFAULT]\nauth_strategy = noauth2\n");

        ConfigOpts conf = load("--config-file", one.toString(), "--config-file", two.toString());
        assertThat(conf.get(DefaultOpts.LOG_FILE)).isEqualTo("older.log");
        assertThat(conf.get(AUTH)).isEqualTo("noauth2");
        assertThat(conf.warnings()).filteredOn(w -> w.contains("\"logfile\"")).hasSize(1)
                .first().asString().contains("Use option \"log_file\" from group \"DEFAULT\"");

        assertThat(load("--config-file", both.toString()).get(AUTH)).isEqualTo("keystone");
    }

    @Test
    void unknownOptionsWarnOnceEachAndNeverFail() throws IOException {
        Path one = write("1.conf", "[libvirt]\nvirt_type = kvm\n[DEFAULT]\nno_such_thing = 1\n");
        Path two = write("2.conf", "[libvirt]\nvirt_type = qemu\n");

        ConfigOpts conf = load("--config-file", one.toString(), "--config-file", two.toString());

        assertThat(conf.warnings()).filteredOn(w -> w.contains("virt_type")).hasSize(1);
        assertThat(conf.warnings()).filteredOn(w -> w.contains("[DEFAULT] no_such_thing")).hasSize(1);
    }

    @Test
    void badValuesAreAllReportedTogetherNamingFileLineAndOption() throws IOException {
        Path one = write("one.conf", "[DEFAULT]\n\nosapi_compute_workers = 0\ncpu_allocation_ratio = lots\n");
        Path two = write("two.conf", "[api]\nauth_strategy = basic\n[DEFAULT]\ndebug = maybe\n"
                + "osapi_compute_listen_port = 70000\n");

        assertThatThrownBy(() -> load("--config-file", one.toString(), "--config-file", two.toString(),
                "--config-file", tmp.resolve("missing.conf").toString()))
                .isInstanceOf(ConfigError.class)
                .hasMessageContaining("6 configuration error(s)")
                .hasMessageContaining(one + " line 3: [DEFAULT] osapi_compute_workers: Should be greater than or equal to 1, got 0")
                .hasMessageContaining(one + " line 4: [DEFAULT] cpu_allocation_ratio: Value should be a float")
                .hasMessageContaining(two + " line 2: [api] auth_strategy: Valid values are [keystone, noauth2]")
                .hasMessageContaining(two + " line 4: [DEFAULT] debug: Unexpected boolean value 'maybe'")
                .hasMessageContaining(two + " line 5: [DEFAULT] osapi_compute_listen_port: Port 70000")
                .hasMessageContaining("Failed to find some config files: " + tmp.resolve("missing.conf"));
        assertThatThrownBy(() -> load("--config-dir", tmp.resolve("nodir").toString()))
                .hasMessageContaining("Failed to read config file directory: " + tmp.resolve("nodir"));
    }

    @Test
    void commandLineValueErrorsNameTheCommandLine() {
        assertThatThrownBy(() -> load("--debug=perhaps")).isInstanceOf(ConfigError.class)
                .hasMessageContaining("command line: [DEFAULT] debug: Unexpected boolean value 'perhaps'");
    }

    @Test
    void iniSyntaxFollowsOsloConfig() throws IOException {
        Path file = write("nova.conf", "# comment\n; another\n[DEFAULT]\nlog_date_format: %H:%M\n"
                + "instance_format = \"[inst %(uuid)s] \"\nlogging_default_format_string = first\n"
                + "  second line\n\tthird\n\n[API]\nauth_strategy=noauth2\n");

        ConfigOpts conf = load("--config-file", file.toString());

        assertThat(conf.get(DefaultOpts.LOG_DATE_FORMAT)).isEqualTo("%H:%M");
        assertThat(conf.get(DefaultOpts.INSTANCE_FORMAT)).isEqualTo("[inst %(uuid)s] ");
        assertThat(conf.get(DefaultOpts.LOGGING_DEFAULT_FORMAT_STRING)).isEqualTo("first\nsecond line\nthird");
        assertThat(conf.get(AUTH)).isEqualTo("noauth2");

        Path broken = write("broken.conf", "[DEFAULT]\n  indented\n");
        assertThatThrownBy(() -> load("--config-file", broken.toString())).isInstanceOf(ConfigError.class)
                .hasMessageContaining(broken + " line 2: Unexpected continuation line");
    }

    @Test
    void substitutesOptionReferences() throws IOException {
        Path file = write("nova.conf", "[DEFAULT]\nstate_path = /var/lib/nova\nlog_dir = $state_path/log\n"
                + "log_file = ${DEFAULT.host}-$$1.log\n");

        ConfigOpts conf = load("--config-file", file.toString());

        assertThat(conf.get(INSTANCES_PATH)).isEqualTo("/var/lib/nova/instances");
        assertThat(conf.get(DefaultOpts.LOG_DIR)).isEqualTo("/var/lib/nova/log");
        assertThat(conf.get(DefaultOpts.LOG_FILE)).isEqualTo(conf.get(DefaultOpts.HOST) + "-$1.log");
    }

    @Test
    void multiValuedOptionsCollectEveryLineOfEveryFile() throws IOException {
        Path one = write("1.conf", "[pci]\nalias = {\"name\": \"a\"}\nalias = {\"name\": \"b\"}\n");
        Path two = write("2.conf", "[pci]\nalias = {\"name\": \"c\"}\n");

        ConfigOpts conf = load("--config-file", one.toString(), "--config-file", two.toString());

        assertThat(conf.get(ALIAS)).containsExactly("{\"name\": \"a\"}", "{\"name\": \"b\"}", "{\"name\": \"c\"}");
        assertThat(load().get(ALIAS)).isEmpty();
        assertThat(new SampleConfigGenerator(List.of(ALIAS)).generate()).contains("# Type: multi valued\n#alias =\n");
    }

    @Test
    void emptyIntegerIsNone() throws IOException {
        Path file = write("nova.conf", "[DEFAULT]\nosapi_compute_listen_port =\n");
        assertThat(load("--config-file", file.toString()).get(PORT)).isNull();
    }

    @Test
    void novaSampleConfigWithOptionsUncommentedLoads() throws IOException {
        List<String> lines = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("../shared/reference/nova.conf.sample-zed"))) {
            boolean option = line.matches("#[a-z][a-z0-9_]* = .*") && !line.contains("<");
            lines.add(option ? line.substring(1) : line);
        }
        Path file = tmp.resolve("nova.conf");
        Files.write(file, lines);

        ConfigOpts conf = load("--config-file", file.toString());

        assertThat(conf.get(DefaultOpts.DEBUG)).isFalse();
        assertThat(conf.get(DefaultOpts.INSTANCE_FORMAT)).isEqualTo("[instance: %(uuid)s] ");
        assertThat(conf.get(DefaultOpts.DEFAULT_LOG_LEVELS)).contains("amqp=WARN", "oslo.privsep.daemon=INFO");
        assertThat(conf.warnings()).hasSizeGreaterThan(100).doesNotHaveDuplicates();
    }

    @Test
    void findFileLooksBesideTheConfigFilesThenOnTheSearchPath() throws IOException {
        Path file = write("etc/nova.conf", "[DEFAULT]\n");
        Path paste = write("etc/api-paste.ini", "[app:x]\n");
        Path policy = write("search/policy.yaml", "{}\n");
        ParsedArgs args = CommandLine.parse(new String[] {"--config-file", file.toString()}, "nova", "nova-api",
                options(), new SearchPath(List.of(tmp.resolve("search"))));

        ConfigOpts conf = ConfigLoader.load(options(), args);

        assertThat(conf.findFile("api-paste.ini")).contains(paste);
        assertThat(conf.findFile("policy.yaml")).contains(policy);
        assertThat(conf.findFile("nothing.ini")).isEmpty();
    }

    @Test
    void reloadRereadsTheSameSources() throws IOException {
        Path file = write("nova.conf", "[DEFAULT]\ndebug = false\n");
        ConfigOpts conf = load("--config-file", file.toString());
        Files.writeString(file, "[DEFAULT]\ndebug = true\n");

        ConfigOpts reloaded = conf.reload();

        assertThat(conf.get(DefaultOpts.DEBUG)).isFalse();
        assertThat(reloaded.get(DefaultOpts.DEBUG)).isTrue();
    }

    @Test
    void optionDumpMasksSecretsAndListsSources() throws IOException {
        Path file = write("nova.conf", "[database]\nconnection = mysql://nova:s3cret@db/nova\n[DEFAULT]\n"
                + "osapi_compute_workers = 4\n");

        List<String> lines = load("--config-file", file.toString()).optValueLines();

        assertThat(String.join("\n", lines)).doesNotContain("s3cret");
        assertThat(lines).contains("database.connection            = ****",
                "osapi_compute_workers          = 4",
                "debug                          = False",
                "config files: ['" + file + "']");
        assertThat(lines.indexOf("osapi_compute_workers          = 4"))
                .isLessThan(lines.indexOf("api.auth_strategy              = keystone"));
    }

    @Test
    void setChecksBounds() {
        ConfigOpts conf = new ConfigOpts(options());
        assertThatThrownBy(() -> conf.set(WORKERS, "0")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("greater than or equal to 1");
        conf.set(WORKERS, "3");
        assertThat(conf.get(WORKERS)).isEqualTo(3);
    }
}
