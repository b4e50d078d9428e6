package org.jnova.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The JVM options a worker process gets from its launcher's. */
class WorkerCommandTest {
    @Test
    void aWorkerExitsOnOutOfMemoryAndHasABoundedHeapEvenWhenItsLauncherHasNeither() {
        assertThat(WorkerCommand.workerJvmOptions(List.of("-Dx=y", "-agentlib:jdwp=transport=dt_socket",
                "-XX:+AutoCreateSharedArchive", "-XX:SharedArchiveFile=a.jsa")))
                .containsExactly("-Dx=y", "-XX:SharedArchiveFile=a.jsa", "-XX:+ExitOnOutOfMemoryError", "-Xmx384m");
    }

    @Test
    void theLaunchersOwnHeapAndOutOfMemoryChoicesAreKept() {
        assertThat(WorkerCommand.workerJvmOptions(List.of("-Xmx1g", "-XX:+ExitOnOutOfMemoryError")))
                .containsExactly("-Xmx1g", "-XX:+ExitOnOutOfMemoryError");
        assertThat(WorkerCommand.workerJvmOptions(List.of("-XX:MaxRAMPercentage=50", "-XX:+CrashOnOutOfMemoryError")))
                .containsExactly("-XX:MaxRAMPercentage=50", "-XX:+CrashOnOutOfMemoryError");
    }

    @Test
    void theWorkerCommandRunsWorkerMainWithTheFactoryServiceAndConfiguration() {
        List<String> command = WorkerCommand.ofCurrentJvm("org.example.Factory", List.of("--config-file", "n.conf"))
                .forService("metadata");
        assertThat(command).contains("-XX:+ExitOnOutOfMemoryError", "-cp")
                .endsWith(WorkerMain.class.getName(), "org.example.Factory", "metadata", "--config-file", "n.conf");
    }
}
