package org.jnova.log;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.LayoutBase;

/**
 * Formats log lines as oslo.log's {@code ContextFormatter}: with a {@code request_id} in the MDC
 * the context format ({@code ... [global_request_id request_id user_identity] message}), else
 * the default format ({@code ... [-] message}); WARNING and above with an exception end in
 * {@code : <exception summary>}; DEBUG lines get the debug suffix; every line of a stack trace
 * gets the exception prefix. Field names are oslo's ({@code asctime},
 * {@code msecs}, {@code process}, {@code levelname}, {@code name}, {@code instance},
 * {@code funcName}, {@code pathname}, {@code lineno}, {@code threadName}, any MDC key).
 * The MDC key {@code instance_uuid} fills {@code %(instance)s} through {@code instance_uuid_format}.
 */
public final class OsloLayout extends LayoutBase<ILoggingEvent> {
    /** The formats and date pattern, as the oslo.log options hold them. */
    public record Formats(String context, String plain, String debugSuffix, String exceptionPrefix,
            String dateFormat, String instanceUuidFormat) {
        public Formats {
            requireNonNull(context, "context is null");
            requireNonNull(plain, "plain is null");
            requireNonNull(dateFormat, "dateFormat is null");
            debugSuffix = debugSuffix == null ? "" : debugSuffix;
            exceptionPrefix = exceptionPrefix == null ? "" : exceptionPrefix;
            instanceUuidFormat = instanceUuidFormat == null ? "[instance: %(uuid)s] " : instanceUuidFormat;
        }
    }

    private final PercentFormat context;
    private final PercentFormat plain;
    private final PercentFormat debugSuffix;
    private final PercentFormat exceptionPrefix;
    private final PercentFormat instanceUuid;
    private final DateTimeFormatter dates;
    private final long pid = ProcessHandle.current().pid();

    public OsloLayout(Formats formats) {
        requireNonNull(formats, "formats is null");
        this.context = new PercentFormat(formats.context());
        this.plain = new PercentFormat(formats.plain());
        this.debugSuffix = new PercentFormat(formats.debugSuffix());
        this.exceptionPrefix = new PercentFormat(formats.exceptionPrefix());
        this.instanceUuid = new PercentFormat(formats.instanceUuidFormat());
        this.dates = Strftime.toFormatter(formats.dateFormat()).withZone(ZoneId.systemDefault());
    }

    @Override
    public String doLayout(ILoggingEvent event) {
        Map<String, String> mdc = event.getMDCPropertyMap();
        String requestId = mdc.get("request_id");
        boolean hasContext = requestId != null && !requestId.isEmpty();
        Record record = new Record(event, mdc, hasContext);
        StringBuilder out = new StringBuilder(160);
        PercentFormat format = hasContext ? context : plain;
        format.render(record::field, out);
        String summary = record.errorSummary();
        if (!summary.isEmpty() && !format.source().contains("%(error_summary)s")) {
            out.append(": ").append(summary);
        }
        if (event.getLevel() == Level.DEBUG && !debugSuffix.isEmpty()) {
            out.append(' ');
            debugSuffix.render(record::field, out);
        }
        out.append('\n');
        if (event.getThrowableProxy() != null) {
            String prefix = exceptionPrefix.render(record::field);
            for (String line : ThrowableProxyUtil.asString(event.getThrowableProxy()).split("\n")) {
                out.append(prefix).append(line.replace("\t", "    ")).append('\n');
            }
        }
        return out.toString();
    }

    /** The oslo-named fields of one event. */
    private final class Record {
        private final ILoggingEvent event;
        private final Map<String, String> mdc;
        private final boolean hasContext;

        Record(ILoggingEvent event, Map<String, String> mdc, boolean hasContext) {
            this.event = event;
            this.mdc = mdc;
            this.hasContext = hasContext;
        }

        Object field(String name) {
            return switch (name) {
                case "asctime" -> dates.format(Instant.ofEpochMilli(event.getTimeStamp()));
                case "msecs" -> event.getTimeStamp() % 1000;
                case "created" -> event.getTimeStamp() / 1000.0;
                case "process" -> pid;
                case "levelname" -> levelName(event.getLevel());
                case "levelno" -> levelNumber(event.getLevel());
                case "name" -> event.getLoggerName();
                case "message" -> event.getFormattedMessage();
                case "threadName" -> event.getThreadName();
                case "instance" -> instance();
                case "funcName" -> caller() == null ? "" : caller().getMethodName();
                case "pathname", "filename" -> caller() == null ? "" : caller().getClassName().replace('.', '/')
                        + ".java";
                case "module" -> caller() == null ? "" : caller().getClassName();
                case "lineno" -> caller() == null ? 0 : caller().getLineNumber();
                case "global_request_id" -> mdc.getOrDefault(name, hasContext ? "None" : "-");
                case "user_identity" -> mdc.getOrDefault(name, "");
                case "error_summary" -> errorSummary().isEmpty() ? "-" : errorSummary();
                default -> mdc.getOrDefault(name, "");
            };
        }

        /** oslo.log's error summary: the exception's one-line form, for WARNING and above. */
        String errorSummary() {
            if (event.getThrowableProxy() == null || !event.getLevel().isGreaterOrEqual(Level.WARN)) {
                return "";
            }
            String message = event.getThrowableProxy().getMessage();
            String type = event.getThrowableProxy().getClassName();
            return message == null ? type : type + ": " + message;
        }

        private String instance() {
            String uuid = mdc.get("instance_uuid");
            if (uuid != null && !uuid.isEmpty()) {
                return instanceUuid.render(field -> "uuid".equals(field) ? uuid : "");
            }
            return mdc.getOrDefault("instance", "");
        }

        private StackTraceElement caller() {
            StackTraceElement[] data = event.getCallerData();
            return data == null || data.length == 0 ? null : data[0];
        }
    }

    static String levelName(Level level) {
        return switch (level.toInt()) {
            case Level.WARN_INT -> "WARNING";
            default -> level.toString();
        };
    }

    private static int levelNumber(Level level) {
        return switch (level.toInt()) {
            case Level.TRACE_INT -> 5;
            case Level.DEBUG_INT -> 10;
            case Level.INFO_INT -> 20;
            case Level.WARN_INT -> 30;
            default -> 40;
        };
    }
}
