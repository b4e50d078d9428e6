package org.jnova.service.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sends SIGUSR1 to a real child JVM and reads the report it writes, while it keeps running. */
class SignalReportProcessTest {
    @TempDir
    Path tmp;

    @Test
    void reportSignalWritesAReportAndTheProcessKeepsRunning() throws Exception {
        Path reports = tmp.resolve("reports");
        Path conf = Files.writeString(tmp.resolve("nova.conf"), "[DEFAULT]\nlog_dir = " + tmp + "\n"
                + "[oslo_reports]\nlog_dir = " + reports + "\n[database]\nconnection = mysql://nova:s3cret@db/nova\n");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                ReportChild.class.getName(), "--config-file", conf.toString())
                .redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            String ready = out.readLine();
            assertThat(ready).startsWith("ready ");
            long pid = Long.parseLong(ready.substring("ready ".length()).strip());
            assertThat(pid).isEqualTo(child.pid());

            Process kill = new ProcessBuilder("kill", "-" + SignalHandlers.REPORT_SIGNAL, String.valueOf(pid))
                    .inheritIO().start();
            assertThat(kill.waitFor()).isZero();

            Path report = awaitReport(reports, Duration.ofSeconds(30)).orElseThrow();
            String text = awaitComplete(report);
            assertThat(report.getFileName().toString()).matches("nova-api_gurumeditation_\\d{14}");
            assertThat(text).contains("Guru Meditation", "version = 26.0.0", "\"main\"",
                    "org.jnova.service.report.ReportChild.waitForever(ReportChild.java:", "parked-virtual",
                    "Process " + pid, "connection = ****");
            assertThat(text).doesNotContain("s3cret");
            Thread.sleep(500);
            assertThat(child.isAlive()).isTrue();
            assertThat(Files.readString(tmp.resolve("nova-api.log"))).contains("Guru Meditation Report written to");
        } finally {
            child.destroyForcibly().waitFor();
        }
    }

    private static Optional<Path> awaitReport(Path dir, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.isDirectory(dir)) {
                try (Stream<Path> files = Files.list(dir)) {
                    List<Path> found = files.toList();
                    if (!found.isEmpty()) {
                        return Optional.of(found.get(0));
                    }
                }
            }
            Thread.sleep(100);
        }
        return Optional.empty();
    }

    private static String awaitComplete(Path report) throws IOException, InterruptedException {
        for (int i = 0; i < 100; i++) {
            String text = Files.readString(report);
            if (text.contains("Configuration")) {
                return text;
            }
            Thread.sleep(100);
        }
        return Files.readString(report);
    }
}
