package org.jnova.cmd;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jnova.conf.cfg.SampleConfigGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The entry points as an operator meets them: real child JVMs, their exit codes and output. */
class EntryPointTest {
    record Run(int exitCode, String output) {
    }

    private static Run run(Path dir, String mainClass, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), output);
    }

    @Test
    void versionPrintsTheReleaseAndExitsZero(@TempDir Path dir) throws Exception {
        Run run = run(dir, NovaApiMain.class.getName(), "--version");

        assertThat(run.exitCode()).isZero();
        assertThat(run.output().strip()).endsWith(Version.STRING);
    }

    @Test
    void helpListsNovasFlags(@TempDir Path dir) throws Exception {
        Run run = run(dir, JnovaMain.class.getName(), "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.output()).contains("--config-file").contains("--config-dir").contains("--debug");
    }

    @Test
    void badValuesStopStartUpNamingFileOptionAndProblem(@TempDir Path dir) throws Exception {
        Path conf = dir.resolve("nova.conf");
        Files.writeString(conf, "[DEFAULT]\nosapi_compute_workers = 0\n[api]\nauth_strategy = magic\n");

        Run run = run(dir, JnovaMain.class.getName(), "--config-file", conf.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.output()).contains(conf.toString()).contains("osapi_compute_workers")
                .contains("auth_strategy").contains("magic");
    }

    @Test
    void everyDeclaredOptionIsInTheSampleConfig() {
        String sample = new SampleConfigGenerator(NovaOptions.all()).generate();

        NovaOptions.all().forEach(opt -> assertThat(sample).contains("#" + opt.name() + " ="));
    }
}
