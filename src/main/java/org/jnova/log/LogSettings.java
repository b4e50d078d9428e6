package org.jnova.log;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.jnova.conf.DefaultOpts;
import org.jnova.conf.cfg.ConfigOpts;

/**
 * The oslo.log options logging needs, read once from the configuration.
 *
 * @param debug root level DEBUG instead of INFO
 * @param logFile where lines go, from {@code log_dir}/{@code log_file} (see {@link #from})
 * @param useStderr also (or, without a file, only) write to standard error
 * @param defaultLogLevels {@code logger=LEVEL} pairs
 * @param formats the line formats and date pattern
 * @param logConfigAppend a Python logging file jnova cannot use, reported with a warning
 */
public record LogSettings(boolean debug, Optional<Path> logFile, boolean useStderr, List<String> defaultLogLevels,
        OsloLayout.Formats formats, Optional<String> logConfigAppend) {
    public LogSettings {
        requireNonNull(logFile, "logFile is null");
        defaultLogLevels = List.copyOf(requireNonNull(defaultLogLevels, "defaultLogLevels is null"));
        requireNonNull(formats, "formats is null");
        requireNonNull(logConfigAppend, "logConfigAppend is null");
    }

    /** Reads the options; {@code binary} ({@code nova-api}) names the file when only log_dir is set. */
    public static LogSettings from(ConfigOpts conf, String binary) {
        List<String> levels = conf.get(DefaultOpts.DEFAULT_LOG_LEVELS);
        return new LogSettings(
                Boolean.TRUE.equals(conf.get(DefaultOpts.DEBUG)),
                logFilePath(conf, binary),
                Boolean.TRUE.equals(conf.get(DefaultOpts.USE_STDERR)),
                levels == null ? List.of() : levels,
                new OsloLayout.Formats(
                        conf.get(DefaultOpts.LOGGING_CONTEXT_FORMAT_STRING),
                        conf.get(DefaultOpts.LOGGING_DEFAULT_FORMAT_STRING),
                        conf.get(DefaultOpts.LOGGING_DEBUG_FORMAT_SUFFIX),
                        conf.get(DefaultOpts.LOGGING_EXCEPTION_PREFIX),
                        conf.get(DefaultOpts.LOG_DATE_FORMAT),
                        conf.get(DefaultOpts.INSTANCE_UUID_FORMAT)),
                Optional.ofNullable(conf.get(DefaultOpts.LOG_CONFIG_APPEND)).filter(s -> !s.isEmpty()));
    }

    /** oslo.log's rule: log_dir/log_file, or log_file, or log_dir/&lt;binary&gt;.log, or no file. */
    public static Optional<Path> logFilePath(ConfigOpts conf, String binary) {
        String file = conf.get(DefaultOpts.LOG_FILE);
        String dir = conf.get(DefaultOpts.LOG_DIR);
        boolean hasDir = dir != null && !dir.isEmpty();
        if (file != null && !file.isEmpty()) {
            return Optional.of(hasDir ? Path.of(dir).resolve(file) : Path.of(file));
        }
        return hasDir ? Optional.of(Path.of(dir).resolve(binary + ".log")) : Optional.empty();
    }
}
