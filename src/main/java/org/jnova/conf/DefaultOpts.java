package org.jnova.conf;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;

import org.jnova.conf.cfg.Opt;

/**
 * Process-wide options of the configuration, logging and report area: oslo.log's logging
 * options, nova's {@code host}, {@code my_ip} and {@code state_path}, and oslo.reports'
 * {@code [oslo_reports]} group. Names, groups and defaults follow nova.conf (Zed).
 */
public final class DefaultOpts {
    private DefaultOpts() {
    }

    // --- oslo.log ---------------------------------------------------------------------------

    public static final Opt<Boolean> DEBUG = Opt.bool("DEFAULT", "debug").defaultValue(false).shortName('d')
            .help("If set to true, the logging level will be set to DEBUG instead of the default INFO level.")
            .build();

    public static final Opt<String> LOG_CONFIG_APPEND = Opt.string("DEFAULT", "log_config_append").cli()
            .deprecatedName("DEFAULT", "log_config")
            .help("The name of a logging configuration file (Python logging format). jnova cannot read"
                    + " it; when set, a warning is logged and the options below are used instead.")
            .build();

    public static final Opt<String> LOG_DATE_FORMAT = Opt.string("DEFAULT", "log_date_format").cli()
            .defaultValue("%Y-%m-%d %H:%M:%S")
            .help("Defines the format string (strftime directives) for %(asctime)s in log records.")
            .build();

    public static final Opt<String> LOG_FILE = Opt.string("DEFAULT", "log_file").cli()
            .deprecatedName("DEFAULT", "logfile")
            .help("(Optional) Name of log file to send logging output to. If no default is set,"
                    + " logging will go to stderr as defined by use_stderr, else to stdout.")
            .build();

    public static final Opt<String> LOG_DIR = Opt.string("DEFAULT", "log_dir").cli()
            .deprecatedName("DEFAULT", "logdir")
            .help("(Optional) The base directory used for relative log_file paths.")
            .build();

    public static final Opt<Boolean> USE_STDERR = Opt.bool("DEFAULT", "use_stderr").defaultValue(false)
            .help("Log output to standard error.")
            .build();

    public static final Opt<String> LOGGING_CONTEXT_FORMAT_STRING = Opt.string("DEFAULT",
                    "logging_context_format_string")
            .defaultValue("%(asctime)s.%(msecs)03d %(process)d %(levelname)s %(name)s [%(global_request_id)s"
                    + " %(request_id)s %(user_identity)s] %(instance)s%(message)s")
            .help("Format string to use for log messages with context (a request id).")
            .build();

    public static final Opt<String> LOGGING_DEFAULT_FORMAT_STRING = Opt.string("DEFAULT",
                    "logging_default_format_string")
            .defaultValue("%(asctime)s.%(msecs)03d %(process)d %(levelname)s %(name)s [-] %(instance)s%(message)s")
            .help("Format string to use for log messages when context is undefined.")
            .build();

    public static final Opt<String> LOGGING_DEBUG_FORMAT_SUFFIX = Opt.string("DEFAULT",
                    "logging_debug_format_suffix")
            .defaultValue("%(funcName)s %(pathname)s:%(lineno)d")
            .help("Additional data to append to log message when logging level for the message is DEBUG.")
            .build();

    public static final Opt<String> LOGGING_EXCEPTION_PREFIX = Opt.string("DEFAULT", "logging_exception_prefix")
            .defaultValue("%(asctime)s.%(msecs)03d %(process)d ERROR %(name)s %(instance)s")
            .help("Prefix each line of exception output with this format.")
            .build();

    public static final Opt<List<String>> DEFAULT_LOG_LEVELS = Opt.list("DEFAULT", "default_log_levels")
            .defaultValue(List.of("amqp=WARN", "amqplib=WARN", "boto=WARN", "qpid=WARN", "sqlalchemy=WARN",
                    "suds=INFO", "oslo.messaging=INFO", "oslo_messaging=INFO", "iso8601=WARN",
                    "requests.packages.urllib3.connectionpool=WARN", "urllib3.connectionpool=WARN",
                    "websocket=WARN", "requests.packages.urllib3.util.retry=WARN", "urllib3.util.retry=WARN",
                    "keystonemiddleware=WARN", "routes.middleware=WARN", "stevedore=WARN", "taskflow=WARN",
                    "keystoneauth=WARN", "oslo.cache=INFO", "oslo_policy=INFO", "dogpile.core.dogpile=INFO",
                    "glanceclient=WARN", "oslo.privsep.daemon=INFO"))
            .help("List of package logging levels in logger=LEVEL pairs.")
            .build();

    public static final Opt<String> INSTANCE_FORMAT = Opt.string("DEFAULT", "instance_format")
            .defaultValue("[instance: %(uuid)s] ")
            .help("The format for an instance that is passed with the log message.")
            .build();

    public static final Opt<String> INSTANCE_UUID_FORMAT = Opt.string("DEFAULT", "instance_uuid_format")
            .defaultValue("[instance: %(uuid)s] ")
            .help("The format for an instance UUID that is passed with the log message.")
            .build();

    // --- nova.conf.netconf / paths ----------------------------------------------------------

    public static final Opt<String> MY_IP = Opt.string("DEFAULT", "my_ip").defaultValue(localIpv4())
            .sampleDefault("<host_ipv4>")
            .help("The IP address which the host is using to connect to the management network."
                    + " Default is the IPv4 address of this host.")
            .build();

    public static final Opt<String> HOST = Opt.hostDomain("DEFAULT", "host").defaultValue(localHostname())
            .sampleDefault("<current_hostname>")
            .help("Hostname, FQDN or IP address of this host. Must be valid within AMQP key."
                    + " Default is the hostname of this host.")
            .build();

    public static final Opt<String> PYBASEDIR = Opt.string("DEFAULT", "pybasedir")
            .defaultValue(System.getProperty("user.dir")).sampleDefault("<Path>")
            .help("The directory where the nova (here: jnova) code is installed.")
            .build();

    public static final Opt<String> STATE_PATH = Opt.string("DEFAULT", "state_path").defaultValue("$pybasedir")
            .help("The top-level directory for maintaining nova's state.")
            .build();

    // --- oslo.reports -----------------------------------------------------------------------

    public static final Opt<String> REPORTS_LOG_DIR = Opt.string("oslo_reports", "log_dir")
            .help("Path to a log directory where to create a file")
            .build();

    public static final Opt<String> REPORTS_FILE_EVENT_HANDLER = Opt.string("oslo_reports", "file_event_handler")
            .help("The path to a file to watch for changes to trigger the reports, instead of signals."
                    + " Setting this option disables the signal trigger for the reports.")
            .build();

    public static final Opt<Integer> REPORTS_FILE_EVENT_HANDLER_INTERVAL = Opt.integer("oslo_reports",
                    "file_event_handler_interval")
            .defaultValue(1)
            .help("How many seconds to wait between polls when file_event_handler is set")
            .build();

    public static List<Opt<?>> all() {
        return List.of(DEBUG, LOG_CONFIG_APPEND, LOG_DATE_FORMAT, LOG_FILE, LOG_DIR, USE_STDERR,
                LOGGING_CONTEXT_FORMAT_STRING, LOGGING_DEFAULT_FORMAT_STRING, LOGGING_DEBUG_FORMAT_SUFFIX,
                LOGGING_EXCEPTION_PREFIX, DEFAULT_LOG_LEVELS, INSTANCE_FORMAT, INSTANCE_UUID_FORMAT,
                MY_IP, HOST, PYBASEDIR, STATE_PATH,
                REPORTS_LOG_DIR, REPORTS_FILE_EVENT_HANDLER, REPORTS_FILE_EVENT_HANDLER_INTERVAL);
    }

    /** The address the host would use to reach the outside (no packet is sent), else 127.0.0.1. */
    private static String localIpv4() {
        try (DatagramSocket socket = new DatagramSocket()) {
            socket.connect(new InetSocketAddress(InetAddress.getByAddress(new byte[] {8, 8, 8, 8}), 80));
            InetAddress local = socket.getLocalAddress();
            return local == null || local.isAnyLocalAddress() ? "127.0.0.1" : local.getHostAddress();
        } catch (Exception e) {
            return "127.0.0.1";
        }
    }

    private static String localHostname() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            return "localhost";
        }
    }
}
