package org.jnova.log;

import java.io.FileDescriptor;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggerContextListener;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import org.jnova.conf.cfg.ConfigOpts;
import org.slf4j.LoggerFactory;

/**
 * oslo.log's {@code logging.setup(CONF, "nova")} on Logback: the root level from {@code debug},
 * per-logger levels from {@code default_log_levels}, oslo's line formats ({@link OsloLayout}),
 * and the handlers oslo.log picks: a file when {@code log_file}/{@code log_dir} give a path
 * (re-opened when logrotate moves it, as Python's {@code WatchedFileHandler}),
 * standard error when {@code use_stderr}, otherwise standard output. Calling it again (after a
 * SIGHUP reload) replaces the previous setup. Config warnings collected while loading are
 * logged once logging works, under {@code oslo_config.cfg}.
 */
public final class LoggingSetup {
    /**
     * The Java libraries doing the work of a Python one nova's default_log_levels name take its
     * level: {@code sqlalchemy=WARN} also quiets the connection pool, {@code amqp=WARN} the
     * RabbitMQ client.
     */
    private static final Map<String, List<String>> JAVA_STAND_INS = Map.of(
            "sqlalchemy", List.of("com.zaxxer.hikari"),
            "amqp", List.of("com.rabbitmq.client"));

    /**
     * Java loggers that repeat, as a warning, an error their caller receives as an exception and
     * decides on: MariaDB's driver logs every error the server answers, a duplicate key the
     * transaction retry handles included (PyMySQL, nova's driver, logs none). A
     * default_log_levels pair naming such a logger itself wins.
     */
    private static final Map<String, Level> QUIET_JAVA_LOGGERS = Map.of(
            "org.mariadb.jdbc.message.server.ErrorPacket", Level.ERROR);

    private LoggingSetup() {
    }

    /** Configures the process's Logback context (the one SLF4J uses). */
    public static void setup(ConfigOpts conf, String binary) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            throw new IllegalStateException("SLF4J is not bound to Logback");
        }
        configure(context, conf, binary);
    }

    /**
     * Logging for a one-shot command-line tool ({@code nova-manage}): silent unless something
     * goes wrong. Without {@code debug} only warnings and errors are written, and what would
     * go to standard output goes to standard error, so the tool's own output stays alone there.
     */
    public static void setupTool(ConfigOpts conf, String binary) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            throw new IllegalStateException("SLF4J is not bound to Logback");
        }
        configureTool(context, conf, binary);
    }

    /** {@link #setupTool} on {@code context}. */
    public static void configureTool(LoggerContext context, ConfigOpts conf, String binary) {
        LogSettings settings = LogSettings.from(conf, binary);
        LogSettings toStderr = new LogSettings(settings.debug(), settings.logFile(),
                settings.useStderr() || settings.logFile().isEmpty(), settings.defaultLogLevels(),
                settings.formats(), settings.logConfigAppend());
        configure(context, toStderr, conf.warnings(), settings.debug() ? Level.DEBUG : Level.WARN);
    }

    /** Configures {@code context} from {@code conf}; {@code binary} names the file under log_dir. */
    public static void configure(LoggerContext context, ConfigOpts conf, String binary) {
        configure(context, LogSettings.from(conf, binary), conf.warnings());
    }

    /** Configures {@code context}, then logs {@code configWarnings} (from loading the config). */
    public static void configure(LoggerContext context, LogSettings settings, List<String> configWarnings) {
        configure(context, settings, configWarnings, Level.ALL);
    }

    /** As above; no logger goes below {@code floor}, whatever default_log_levels say. */
    private static void configure(LoggerContext context, LogSettings settings, List<String> configWarnings,
            Level floor) {
        context.reset();
        if (context.getMDCAdapter() == null && org.slf4j.MDC.getMDCAdapter() instanceof LogbackMDCAdapter mdc) {
            context.setMDCAdapter(mdc);
        }
        context.start();
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(atLeast(settings.debug() ? Level.DEBUG : Level.INFO, floor));
        QUIET_JAVA_LOGGERS.forEach((name, level) -> context.getLogger(name).setLevel(atLeast(level, floor)));
        for (String pair : settings.defaultLogLevels()) {
            int equal = pair.indexOf('=');
            if (equal > 0) {
                String name = pair.substring(0, equal).strip();
                Level level = atLeast(level(pair.substring(equal + 1)), floor);
                context.getLogger(name).setLevel(level);
                for (String standIn : JAVA_STAND_INS.getOrDefault(name, List.of())) {
                    context.getLogger(standIn).setLevel(level);
                }
            }
        }
        OsloLayout layout = new OsloLayout(settings.formats());
        layout.setContext(context);
        layout.start();
        settings.logFile().ifPresent(path -> {
            WatchedFileAppender file = new WatchedFileAppender();
            file.setPath(path);
            attach(context, root, file, layout, "file");
        });
        if (settings.useStderr()) {
            BufferedStreamAppender stderr = new BufferedStreamAppender();
            stderr.setStandardStream(FileDescriptor.err);
            attach(context, root, stderr, layout, "stderr");
        }
        if (settings.logFile().isEmpty() && !settings.useStderr()) {
            BufferedStreamAppender stdout = new BufferedStreamAppender();
            stdout.setStandardStream(FileDescriptor.out);
            attach(context, root, stdout, layout, "stdout");
        }
        flushPeriodically(context);
        org.slf4j.Logger cfgLog = context.getLogger("oslo_config.cfg");
        for (String warning : configWarnings) {
            cfgLog.warn(warning);
        }
        settings.logConfigAppend().ifPresent(file -> cfgLog.warn("log_config_append ({}) is a Python logging"
                + " file, which jnova cannot read; using the logging options instead", file));
    }

    /** Writes out the lines the context's appenders hold in their buffers. */
    public static void flush(LoggerContext context) {
        context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).iteratorForAppenders().forEachRemaining(appender -> {
            if (appender instanceof BufferedStreamAppender buffered) {
                buffered.flush();
            }
        });
    }

    /**
     * Flushes the buffered appenders every {@link BufferedStreamAppender#FLUSH_MILLIS} ms (the
     * task ends with the context's next reset) and once more when the process exits.
     */
    private static void flushPeriodically(LoggerContext context) {
        Runnable flushAll = () -> flush(context);
        long period = BufferedStreamAppender.FLUSH_MILLIS;
        context.addScheduledFuture(context.getScheduledExecutorService()
                .scheduleAtFixedRate(flushAll, period, period, TimeUnit.MILLISECONDS));
        if (context.getCopyOfListenerList().stream().noneMatch(FlushAtExit.class::isInstance)) {
            context.addListener(new FlushAtExit(flushAll));
        }
    }

    private static void attach(LoggerContext context, Logger root, OutputStreamAppender<ILoggingEvent> appender,
            OsloLayout layout, String name) {
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setContext(context);
        encoder.setLayout(layout);
        encoder.setCharset(StandardCharsets.UTF_8);
        encoder.start();
        appender.setContext(context);
        appender.setName(name);
        appender.setEncoder(encoder);
        appender.start();
        root.addAppender((Appender<ILoggingEvent>) appender);
    }

    private static Level atLeast(Level level, Level floor) {
        return level.isGreaterOrEqual(floor) ? level : floor;
    }

    static Level level(String text) {
        return switch (text.strip().toUpperCase(Locale.ROOT)) {
            case "WARN", "WARNING" -> Level.WARN;
            case "CRITICAL", "FATAL", "ERROR" -> Level.ERROR;
            case "TRACE" -> Level.TRACE;
            case "DEBUG" -> Level.DEBUG;
            case "NOTSET", "ALL" -> Level.ALL;
            default -> Level.INFO;
        };
    }

    /** Flushes the log when the process exits; kept across resets, so registered once per context. */
    private static final class FlushAtExit implements LoggerContextListener {
        FlushAtExit(Runnable flush) {
            Runtime.getRuntime().addShutdownHook(new Thread(flush, "log-flush"));
        }

        @Override
        public boolean isResetResistant() {
            return true;
        }

        @Override
        public void onStart(LoggerContext context) {
        }

        @Override
        public void onReset(LoggerContext context) {
        }

        @Override
        public void onStop(LoggerContext context) {
        }

        @Override
        public void onLevelChange(Logger logger, Level level) {
        }
    }
}
