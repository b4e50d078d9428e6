package org.jnova.service.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

import org.jnova.conf.DefaultOpts;
import org.jnova.conf.cfg.ConfigOpts;
import org.jnova.conf.cfg.Opt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GuruMeditationReportTest {
    @TempDir
    Path tmp;

    private ConfigOpts conf() {
        List<Opt<?>> options = new ArrayList<>(DefaultOpts.all());
        options.add(ReportChild.SECRET);
        ConfigOpts conf = new ConfigOpts(options);
        conf.set(ReportChild.SECRET, "postgresql://nova:hunter2@db/nova");
        conf.set(DefaultOpts.REPORTS_LOG_DIR, tmp.resolve("reports").toString());
        return conf;
    }

    @Test
    void reportHoldsVersionThreadStacksVirtualThreadsAndMaskedConfiguration() throws Exception {
        ConfigOpts conf = conf();
        CountDownLatch release = new CountDownLatch(1);
        Thread virtual = Thread.ofVirtual().name("waiting-virtual-thread").start(() -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        try {
            String text = new GuruMeditationReport("nova-api", "26.1.0", () -> conf).render();

            assertThat(text).contains("version = 26.1.0", "Thread #" + Thread.currentThread().threadId(),
                    "org.jnova.service.report.GuruMeditationReportTest.reportHoldsVersionThreadStacks",
                    "waiting-virtual-thread", "connection = ****", "debug = False", "oslo_reports: ");
            assertThat(text).doesNotContain("hunter2");
            for (String section : GuruMeditationReport.sections()) {
                assertThat(text).contains("====" + " ".repeat(5)).containsPattern("====\\s+" + section + "\\s+====");
            }
        } finally {
            release.countDown();
            virtual.join();
        }
    }

    @Test
    void writeCreatesAFileInTheReportsLogDir() throws Exception {
        Path written = new GuruMeditationReport("nova-api", "26.1.0", this::conf).write().orElseThrow();

        assertThat(written.getParent()).isEqualTo(tmp.resolve("reports"));
        assertThat(written.getFileName().toString()).matches("nova-api_gurumeditation_\\d{14}");
        assertThat(Files.readString(written)).contains("Configuration");
    }

    @Test
    void touchingTheWatchedFileWritesAReportInsteadOfTheSignal() throws Exception {
        ConfigOpts conf = conf();
        Path trigger = Files.writeString(tmp.resolve("trigger"), "");
        conf.set(DefaultOpts.REPORTS_FILE_EVENT_HANDLER, trigger.toString());
        try (GuruMeditation gmr = GuruMeditation.setupAutorun(
                new GuruMeditationReport("nova-api", "26.1.0", () -> conf), conf, new SignalHandlers())) {
            Files.setLastModifiedTime(trigger, FileTime.from(Instant.now().plusSeconds(5)));
            Path reports = tmp.resolve("reports");
            for (int i = 0; i < 100 && !hasFiles(reports); i++) {
                Thread.sleep(100);
            }
            assertThat(hasFiles(reports)).isTrue();
        }
    }

    private static boolean hasFiles(Path dir) throws Exception {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.findAny().isPresent();
        }
    }
}
