package org.jnova.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import ch.qos.logback.classic.LoggerContext;
import org.jnova.conf.DefaultOpts;
import org.jnova.conf.cfg.ConfigOpts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.MDC;

class LoggingSetupTest {
    private static final String STAMP = "\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3}";
    private static final long PID = ProcessHandle.current().pid();

    @TempDir
    Path tmp;

    private final LoggerContext context = new LoggerContext();

    @AfterEach
    void stop() {
        MDC.clear();
        context.stop();
    }

    private ConfigOpts conf(String... settings) {
        ConfigOpts conf = new ConfigOpts(DefaultOpts.all());
        conf.set(DefaultOpts.LOG_DIR, tmp.toString());
        for (int i = 0; i < settings.length; i += 2) {
            conf.options().stream().filter(o -> o.name().equals(settings[0])).findFirst()
                    .ifPresent(o -> conf.set(o, settings[1]));
        }
        return conf;
    }

    private List<String> logLines() throws IOException {
        LoggingSetup.flush(context);
        return Files.readAllLines(tmp.resolve("nova-api.log"));
    }

    @Test
    void linesWithoutContextUseTheDefaultFormat() throws IOException {
        LoggingSetup.configure(context, conf(), "nova-api");
        context.getLogger("nova.api.openstack.wsgi").info("Loaded {} extensions", 3);

        assertThat(logLines()).singleElement().asString()
                .matches(STAMP + " " + PID + " INFO nova\\.api\\.openstack\\.wsgi \\[-\\] Loaded 3 extensions");
    }

    @Test
    void linesWithARequestIdUseTheContextFormatFromTheMdc() throws IOException {
        LoggingSetup.configure(context, conf(), "nova-api");
        Logger log = context.getLogger("nova.osapi_compute.wsgi.server");
        MDC.put("request_id", "req-3f1c");
        MDC.put("global_request_id", "req-global");
        MDC.put("user_identity", "admin demo");
        log.warn("GET /v2.1/servers status: 200");
        MDC.remove("global_request_id");
        MDC.put("instance_uuid", "d6b0ef2c-5b0e-4bb4-8c55-0a0a0a0a0a0a");
        log.info("Booting");

        assertThat(logLines()).satisfiesExactly(
                line -> assertThat(line).matches(STAMP + " " + PID
                        + " WARNING nova\\.osapi_compute\\.wsgi\\.server \\[req-global req-3f1c admin demo\\]"
                        + " GET /v2\\.1/servers status: 200"),
                line -> assertThat(line).endsWith(" INFO nova.osapi_compute.wsgi.server [None req-3f1c admin demo]"
                        + " [instance: d6b0ef2c-5b0e-4bb4-8c55-0a0a0a0a0a0a] Booting"));
    }

    @Test
    void debugAddsTheSuffixAndExceptionsArePrefixedLineByLine() throws IOException {
        LoggingSetup.configure(context, conf("debug", "true"), "nova-api");
        Logger log = context.getLogger("nova.test");
        log.debug("details");
        log.error("Unexpected exception in API method", new IllegalStateException("boom"));

        List<String> lines = logLines();
        assertThat(lines.get(0)).matches(STAMP + " " + PID + " DEBUG nova\\.test \\[-\\] details"
                + " debugAddsTheSuffixAndExceptionsArePrefixedLineByLine org/jnova/log/LoggingSetupTest\\.java:\\d+");
        assertThat(lines.get(1)).endsWith(" ERROR nova.test [-] Unexpected exception in API method:"
                + " java.lang.IllegalStateException: boom");
        assertThat(lines.subList(2, lines.size())).isNotEmpty().allMatch(l -> l.matches(STAMP + " " + PID
                + " ERROR nova\\.test .*"));
        assertThat(lines.get(2)).endsWith("ERROR nova.test java.lang.IllegalStateException: boom");
    }

    @Test
    void levelsComeFromDebugAndDefaultLogLevelsAndDateFormatIsStrftime() throws IOException {
        LoggingSetup.configure(context, conf("default_log_levels", "noisy=WARN,chatty.sub=ERROR"), "nova-api");
        ConfigOpts dated = conf();
        dated.set(DefaultOpts.LOG_DATE_FORMAT, "%d/%b/%Y:%H");
        context.getLogger("nova.quiet").debug("not shown");
        context.getLogger("noisy.child").info("not shown either");
        context.getLogger("noisy.child").warn("shown");
        assertThat(logLines()).singleElement().asString().contains("WARNING noisy.child [-] shown");

        LoggingSetup.configure(context, dated, "other");
        context.getLogger("x").info("dated");
        LoggingSetup.flush(context);
        assertThat(Files.readAllLines(tmp.resolve("other.log")).get(0))
                .matches("\\d\\d/[A-Z][a-z]{2}/\\d{4}:\\d\\d\\.\\d{3} " + PID + " INFO x \\[-\\] dated");
    }

    @Test
    void theConnectionPoolTakesTheLevelNovaGivesSqlalchemy() throws IOException {
        LoggingSetup.configure(context, conf(), "nova-api");
        context.getLogger("com.zaxxer.hikari.HikariDataSource").info("jnova-sqlite - Starting...");
        context.getLogger("com.zaxxer.hikari.pool").warn("shown");

        assertThat(logLines()).singleElement().asString().endsWith("WARNING com.zaxxer.hikari.pool [-] shown");
    }

    @Test
    void theMariaDbDriversRepeatOfAnErrorItRaisesIsQuietUnlessDefaultLogLevelsNameIt() throws IOException {
        LoggingSetup.configure(context, conf(), "nova-api");
        context.getLogger("org.mariadb.jdbc.message.server.ErrorPacket").warn("Error: 1062-23000: Duplicate entry");
        context.getLogger("org.mariadb.jdbc.client").warn("shown");
        assertThat(logLines()).singleElement().asString().endsWith("WARNING org.mariadb.jdbc.client [-] shown");

        LoggingSetup.configure(context, conf("default_log_levels",
                "org.mariadb.jdbc.message.server.ErrorPacket=WARN"), "nova-api");
        context.getLogger("org.mariadb.jdbc.message.server.ErrorPacket").warn("named");
        assertThat(logLines()).last().asString()
                .endsWith("WARNING org.mariadb.jdbc.message.server.ErrorPacket [-] named");
    }

    @Test
    void aToolWritesWarningsOnlyEvenWhereDefaultLogLevelsSayInfo() throws IOException {
        LoggingSetup.configureTool(context, conf("default_log_levels", "chatty=INFO"), "nova-api");
        context.getLogger("nova.db").info("Applied migration 1");
        context.getLogger("chatty.child").info("not shown either");
        context.getLogger("nova.db").warn("shown");

        assertThat(logLines()).singleElement().asString().endsWith("WARNING nova.db [-] shown");
    }

    @Test
    void aToolWithDebugWritesEverything() throws IOException {
        LoggingSetup.configureTool(context, conf("debug", "true"), "nova-api");
        context.getLogger("nova.db").debug("details");
        context.getLogger("nova.db").info("Applied migration 1");

        assertThat(logLines()).hasSize(2);
    }

    @Test
    void aLogFileMovedAwayByLogrotateIsOpenedAgain() throws IOException {
        LoggingSetup.configure(context, conf(), "nova-api");
        Logger log = context.getLogger("nova.rotate");
        log.info("before rotation");
        Files.move(tmp.resolve("nova-api.log"), tmp.resolve("nova-api.log.1"));
        log.info("after rotation");

        LoggingSetup.flush(context);
        assertThat(Files.readString(tmp.resolve("nova-api.log.1"))).contains("before rotation")
                .doesNotContain("after rotation");
        assertThat(logLines()).singleElement().asString().endsWith("after rotation");
    }

    @Test
    void logFilePathFollowsOsloLogRules() {
        ConfigOpts conf = new ConfigOpts(DefaultOpts.all());
        assertThat(LogSettings.logFilePath(conf, "nova-api")).isEmpty();
        conf.set(DefaultOpts.LOG_DIR, "/var/log/nova");
        assertThat(LogSettings.logFilePath(conf, "nova-api")).contains(Path.of("/var/log/nova/nova-api.log"));
        conf.set(DefaultOpts.LOG_FILE, "api.log");
        assertThat(LogSettings.logFilePath(conf, "nova-api")).contains(Path.of("/var/log/nova/api.log"));
        ConfigOpts fileOnly = new ConfigOpts(DefaultOpts.all());
        fileOnly.set(DefaultOpts.LOG_FILE, "api.log");
        assertThat(LogSettings.logFilePath(fileOnly, "nova-api")).contains(Path.of("api.log"));
    }

    @Test
    void configWarningsAreLoggedOnceLoggingWorks() throws IOException {
        Path file = Files.writeString(tmp.resolve("nova.conf"), "[DEFAULT]\nlogfile = x.log\n");
        ConfigOpts loaded = org.jnova.conf.cfg.ConfigLoader.load(DefaultOpts.all(),
                org.jnova.conf.cfg.CommandLine.parse(new String[] {"--config-file", file.toString(),
                        "--log-dir", tmp.toString()}, "nova", "nova", DefaultOpts.all(),
                        new org.jnova.conf.cfg.SearchPath(List.of())));
        LoggingSetup.configure(context, loaded, "nova-api");
        assertThat(Files.readAllLines(tmp.resolve("x.log"))).singleElement().asString()
                .contains("WARNING oslo_config.cfg [-] Option \"logfile\" from group \"DEFAULT\" is deprecated.");
    }
}
