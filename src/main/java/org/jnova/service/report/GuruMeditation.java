package org.jnova.service.report;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jnova.conf.DefaultOpts;
import org.jnova.conf.cfg.ConfigOpts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * oslo.reports' {@code TextGuruMeditation.setup_autorun}: writes a {@link GuruMeditationReport}
 * on {@code SIGUSR1} ({@link SignalHandlers#REPORT_SIGNAL}; nova's SIGUSR2 belongs to HotSpot),
 * or, when {@code [oslo_reports] file_event_handler} names a file, whenever that file's
 * modification time changes (polled every {@code file_event_handler_interval} seconds; the
 * signal is then not used, as in oslo.reports). The process keeps running. Close to stop polling.
 */
public final class GuruMeditation implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GuruMeditation.class);

    private final GuruMeditationReport report;
    private final ScheduledExecutorService poller;

    private GuruMeditation(GuruMeditationReport report, ScheduledExecutorService poller) {
        this.report = report;
        this.poller = poller;
    }

    /** Starts the trigger that {@code conf} asks for. */
    public static GuruMeditation setupAutorun(GuruMeditationReport report, ConfigOpts conf, SignalHandlers signals) {
        requireNonNull(report, "report is null");
        requireNonNull(conf, "conf is null");
        requireNonNull(signals, "signals is null");
        String watched = conf.get(DefaultOpts.REPORTS_FILE_EVENT_HANDLER);
        if (watched == null || watched.isEmpty()) {
            signals.handle(SignalHandlers.REPORT_SIGNAL, () -> writeSafely(report));
            return new GuruMeditation(report, null);
        }
        Integer interval = conf.get(DefaultOpts.REPORTS_FILE_EVENT_HANDLER_INTERVAL);
        long seconds = interval == null || interval < 1 ? 1 : interval;
        ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("gmr-file-watch").factory());
        Path file = Path.of(watched);
        FileTime[] last = {modified(file)};
        poller.scheduleWithFixedDelay(() -> {
            FileTime now = modified(file);
            if (now != null && !now.equals(last[0])) {
                last[0] = now;
                writeSafely(report);
            }
        }, seconds, seconds, TimeUnit.SECONDS);
        return new GuruMeditation(report, poller);
    }

    /** The report this trigger writes. */
    public GuruMeditationReport report() {
        return report;
    }

    private static void writeSafely(GuruMeditationReport report) {
        try {
            report.write();
        } catch (RuntimeException e) {
            LOG.error("Guru Meditation Report failed", e);
        }
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public void close() {
        if (poller != null) {
            poller.shutdownNow();
        }
    }
}
