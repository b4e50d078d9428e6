package org.jnova.service.report;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;

import com.sun.management.HotSpotDiagnosticMXBean;
import org.jnova.conf.DefaultOpts;
import org.jnova.conf.cfg.ConfigOpts;
import org.jnova.conf.cfg.Opt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * oslo.reports' Guru Meditation Report: the version, every platform thread's stack, the virtual
 * threads (from the JVM's thread dump, when it can produce one), the process, and every option
 * value with secrets masked. {@link #write()} puts it in {@code [oslo_reports] log_dir} as
 * {@code <binary>_gurumeditation_<yyyyMMddHHmmss>} when that is set, else into the log.
 */
public final class GuruMeditationReport {
    private static final Logger LOG = LoggerFactory.getLogger("oslo_reports.guru_meditation_report");
    private static final int WIDTH = 72;

    private final String binary;
    private final String version;
    private final Supplier<ConfigOpts> conf;

    /**
     * @param binary the service's name ({@code nova-api}), used in the file name
     * @param version the product version shown in the Package section
     * @param conf the current configuration (re-read on each report, so SIGHUP reloads show)
     */
    public GuruMeditationReport(String binary, String version, Supplier<ConfigOpts> conf) {
        this.binary = requireNonNull(binary, "binary is null");
        this.version = requireNonNull(version, "version is null");
        this.conf = requireNonNull(conf, "conf is null");
    }

    /** Writes a report now; returns the file written, or empty when it went to the log. */
    public Optional<Path> write() {
        String text = render();
        String dir = conf.get().get(DefaultOpts.REPORTS_LOG_DIR);
        if (dir == null || dir.isEmpty()) {
            LOG.info("{}", text);
            return Optional.empty();
        }
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss"));
        Path file = Path.of(dir).resolve(binary + "_gurumeditation_" + stamp);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
            LOG.info("Guru Meditation Report written to {}", file);
            return Optional.of(file);
        } catch (IOException e) {
            LOG.error("Cannot write the Guru Meditation Report to {}; here it is instead:\n{}", file, text, e);
            return Optional.empty();
        }
    }

    /** The whole report as text. */
    public String render() {
        StringBuilder out = new StringBuilder();
        banner(out, "Guru Meditation");
        out.append("|".repeat(WIDTH)).append("\n\n");
        banner(out, "Package");
        out.append("product = jnova\n");
        out.append("vendor = OpenStack Foundation\n");
        out.append("version = ").append(version).append('\n');
        out.append("runtime = Java ").append(Runtime.version()).append(' ')
                .append(System.getProperty("java.vm.name", "")).append('\n');
        banner(out, "Threads");
        threads(out);
        banner(out, "Virtual Threads");
        out.append(virtualThreads());
        banner(out, "Processes");
        process(out);
        banner(out, "Configuration");
        configuration(out, conf.get());
        return out.toString();
    }

    private static void banner(StringBuilder out, String title) {
        out.append("=".repeat(WIDTH)).append('\n');
        out.append(centred("====", title)).append('\n');
        out.append("=".repeat(WIDTH)).append('\n');
    }

    private static String centred(String edge, String title) {
        int inner = Math.max(WIDTH - 2 * edge.length(), title.length() + 2);
        int left = (inner - title.length()) / 2;
        return edge + " ".repeat(left) + title + " ".repeat(inner - left - title.length()) + edge;
    }

    private static void threads(StringBuilder out) {
        Map<Thread, StackTraceElement[]> stacks = Thread.getAllStackTraces();
        stacks.keySet().stream().sorted(Comparator.comparingLong(Thread::threadId)).forEach(thread -> {
            String title = "Thread #" + thread.threadId() + " \"" + thread.getName() + "\" (" + thread.getState()
                    + (thread.isDaemon() ? ", daemon" : "") + ")";
            out.append(centred("------", title)).append("\n\n");
            for (StackTraceElement frame : stacks.get(thread)) {
                out.append("    at ").append(frame).append('\n');
            }
            out.append('\n');
        });
    }

    /** Virtual threads from the JVM's own dump (JDK 21+); platform threads are shown above. */
    private static String virtualThreads() {
        Path dump = null;
        try {
            Path dir = Files.createTempDirectory("jnova-gmr");
            dump = dir.resolve("threads.txt");
            ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
                    .dumpThreads(dump.toString(), HotSpotDiagnosticMXBean.ThreadDumpFormat.TEXT_PLAIN);
            StringBuilder out = new StringBuilder();
            int count = 0;
            for (String block : Files.readString(dump).split("\n\\s*\n")) {
                String header = block.strip().lines().findFirst().orElse("");
                if (header.startsWith("#") && header.contains("virtual")) {
                    out.append(block.strip()).append("\n\n");
                    count++;
                }
            }
            return count == 0 ? "(no virtual threads)\n\n" : out.toString();
        } catch (IOException | RuntimeException e) {
            return "(virtual threads unavailable: " + e + ")\n\n";
        } finally {
            if (dump != null) {
                try {
                    Files.deleteIfExists(dump);
                    Files.deleteIfExists(dump.getParent());
                } catch (IOException ignored) {
                    // a left-over temp file is harmless
                }
            }
        }
    }

    private static void process(StringBuilder out) {
        ProcessHandle self = ProcessHandle.current();
        ProcessHandle.Info info = self.info();
        out.append("Process ").append(self.pid())
                .append(" (under ").append(self.parent().map(p -> String.valueOf(p.pid())).orElse("?")).append(")")
                .append(" [ run by: ").append(info.user().orElse("?"))
                .append(", started: ").append(info.startInstant().map(Object::toString).orElse("?"))
                .append(", cpu: ").append(info.totalCpuDuration().map(Object::toString).orElse("?"))
                .append(" ]\n");
        Runtime runtime = Runtime.getRuntime();
        out.append("    heap used: ").append((runtime.totalMemory() - runtime.freeMemory()) >> 20)
                .append(" MiB of ").append(runtime.maxMemory() >> 20).append(" MiB, processors: ")
                .append(runtime.availableProcessors()).append("\n\n");
    }

    private static void configuration(StringBuilder out, ConfigOpts conf) {
        Map<String, Map<String, String>> groups = new TreeMap<>(Comparator
                .comparing((String g) -> !Opt.DEFAULT_GROUP.equals(g)).thenComparing(g -> g));
        for (Opt<?> opt : conf.options()) {
            groups.computeIfAbsent(opt.group(), g -> new TreeMap<>()).put(opt.name(), conf.displayValue(opt));
        }
        for (Map.Entry<String, Map<String, String>> group : groups.entrySet()) {
            out.append('\n').append(Opt.DEFAULT_GROUP.equals(group.getKey()) ? "default" : group.getKey())
                    .append(": \n");
            group.getValue().forEach((name, value) -> out.append("  ").append(name).append(" = ").append(value)
                    .append('\n'));
        }
    }

    /** Names the report sections, for tests and tools. */
    public static List<String> sections() {
        return List.of("Package", "Threads", "Virtual Threads", "Processes", "Configuration");
    }
}
