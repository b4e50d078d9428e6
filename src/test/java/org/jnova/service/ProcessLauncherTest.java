package org.jnova.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher and its worker processes, as real JVMs sharing a real port. */
class ProcessLauncherTest {
    @TempDir
    Path dir;

    private Path config(int port, String greeting, boolean failOnStart) throws IOException {
        return config(port, greeting, failOnStart, 2);
    }

    private Path config(int port, String greeting, boolean failOnStart, int workers) throws IOException {
        Path file = dir.resolve("nova.conf");
        Files.writeString(file, """
                [DEFAULT]
                enabled_apis = osapi_compute
                osapi_compute_listen = 127.0.0.1
                osapi_compute_listen_port = %d
                osapi_compute_workers = %d
                graceful_shutdown_timeout = 30
                [test]
                greeting = %s
                fail_on_start = %s
                """.formatted(port, workers, greeting, failOnStart));
        return file;
    }

    /** Pids answering, asked over fresh connections until all expected answered or tries run out. */
    private static Set<Long> pidsAnswering(int port, int expected) throws IOException {
        Set<Long> pids = new HashSet<>();
        for (int i = 0; i < 400 && pids.size() < expected; i++) {
            pids.add(Long.parseLong(LauncherProcess.get(port, "/").split(" ")[0]));
        }
        return pids;
    }

    @Test
    void twoWorkersStartAndBothServe() throws Exception {
        int port = LauncherProcess.freePort();
        try (LauncherProcess launcher = LauncherProcess.start(config(port, "hello", false))) {
            launcher.awaitLines("osapi_compute listening on 127.0.0.1:" + port, 2, 60);

            assertThat(launcher.count("Started child")).isEqualTo(2);
            assertThat(pidsAnswering(port, 2)).containsExactlyInAnyOrderElementsOf(launcher.startedChildren());
        }
    }

    @Test
    void aKilledChildIsReplacedAndRequestsKeepSucceeding() throws Exception {
        int port = LauncherProcess.freePort();
        try (LauncherProcess launcher = LauncherProcess.start(config(port, "hello", false))) {
            launcher.awaitLines("listening on", 2, 60);
            long victim = launcher.startedChildren().get(0);

            ProcessHandle.of(victim).orElseThrow().destroyForcibly();

            launcher.awaitLines("Started child", 3, 30);
            launcher.awaitLines("listening on", 3, 60);
            long replacement = launcher.startedChildren().get(2);
            Set<Long> answering = pidsAnswering(port, 2);
            assertThat(answering).contains(replacement).doesNotContain(victim);
            assertThat(launcher.process().isAlive()).isTrue();
        }
    }

    @Test
    void workersExitOnOutOfMemoryWithABoundedHeapAndAreReplaced() throws Exception {
        int port = LauncherProcess.freePort();
        try (LauncherProcess launcher = LauncherProcess.start(config(port, "hello", false))) {
            launcher.awaitLines("listening on", 2, 60);
            for (long child : launcher.startedChildren()) {
                // the JDK gives no arguments for a command line as long as a class path: read it from /proc
                List<String> arguments = List.of(Files.readString(Path.of("/proc/" + child + "/cmdline")).split("\0"));
                assertThat(arguments).contains("-XX:+ExitOnOutOfMemoryError").anyMatch(a -> a.startsWith("-Xmx"));
            }

            try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
                socket.setSoTimeout(60_000);
                socket.getOutputStream().write("GET /oom HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
                        .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
                assertThat(socket.getInputStream().readAllBytes()).isEmpty(); // the worker died answering nothing
            } catch (java.net.SocketException e) {
                // reset by the dying worker: as good as no answer
            }

            launcher.awaitLines("Terminating due to java.lang.OutOfMemoryError", 1, 60);
            launcher.awaitLines("exited with status 3", 1, 30);
            launcher.awaitLines("Started child", 3, 30);
            launcher.awaitLines("listening on", 3, 60);
            long replacement = launcher.startedChildren().get(2);
            assertThat(pidsAnswering(port, 2)).contains(replacement);
            assertThat(launcher.process().isAlive()).isTrue();
        }
    }

    @Test
    void sigtermLetsASlowRequestFinishAndExitsZero() throws Exception {
        int port = LauncherProcess.freePort();
        try (LauncherProcess launcher = LauncherProcess.start(config(port, "hello", false))) {
            launcher.awaitLines("listening on", 2, 60);
            CompletableFuture<String> slow = CompletableFuture.supplyAsync(() -> {
                try {
                    return LauncherProcess.get(port, "/slow?ms=3000");
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(700);

            Signals.send(launcher.pid(), Signals.Kind.TERM);

            assertThat(slow.get(30, TimeUnit.SECONDS)).endsWith(" hello");
            assertThat(launcher.process().waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(launcher.process().exitValue()).isZero();
            assertThat(launcher.output()).contains("Caught SIGTERM, stopping children")
                    .contains("Waiting on 2 children to exit");
            for (long child : launcher.startedChildren()) {
                assertThat(ProcessHandle.of(child).map(ProcessHandle::isAlive).orElse(false)).isFalse();
            }
        }
    }

    @Test
    void sighupAppliesAChangedOptionWithoutRefusingConnections() throws Exception {
        int port = LauncherProcess.freePort();
        Path file = config(port, "hello", false);
        try (LauncherProcess launcher = LauncherProcess.start(file)) {
            launcher.awaitLines("listening on", 2, 60);
            AtomicBoolean running = new AtomicBoolean(true);
            List<String> failures = new ArrayList<>();
            List<String> greetings = new ArrayList<>();
            Thread client = Thread.ofPlatform().start(() -> {
                while (running.get()) {
                    try {
                        String greeting = LauncherProcess.get(port, "/").split(" ")[1];
                        synchronized (greetings) {
                            greetings.add(greeting);
                        }
                    } catch (IOException e) {
                        synchronized (failures) {
                            failures.add(e.toString());
                        }
                    }
                }
            });
            Thread.sleep(500);

            config(port, "bonjour", false);
            Signals.send(launcher.pid(), Signals.Kind.HUP);

            launcher.awaitLines("Started child", 4, 60);
            launcher.awaitLines("listening on", 4, 60);
            for (long old : launcher.startedChildren().subList(0, 2)) {
                ProcessHandle.of(old).ifPresent(handle -> handle.onExit().join());
            }
            Thread.sleep(500);
            running.set(false);
            client.join();

            assertThat(failures).isEmpty();
            assertThat(greetings).contains("hello").endsWith("bonjour");
            assertThat(pidsAnswering(port, 2)).containsExactlyInAnyOrderElementsOf(
                    launcher.startedChildren().subList(2, 4));
        }
    }

    @Test
    void childrenThatDieAtOnceAreNotForkedFasterThanTheLimit() throws Exception {
        int port = LauncherProcess.freePort();
        try (LauncherProcess launcher = LauncherProcess.start(config(port, "hello", true))) {
            launcher.awaitLines("Forking too fast, sleeping", 1, 90);

            assertThat(launcher.count("Started child")).isGreaterThan(2);
            assertThat(launcher.process().isAlive()).isTrue();
        }
    }

    @Test
    void sighupWithAConfigurationWhoseWorkersCannotStartKeepsTheOldChildren() throws Exception {
        int port = LauncherProcess.freePort();
        Path file = config(port, "hello", false);
        try (LauncherProcess launcher = LauncherProcess.start(file)) {
            launcher.awaitLines("listening on", 2, 60);
            List<Long> old = launcher.startedChildren();

            config(port, "hello", true);
            Signals.send(launcher.pid(), Signals.Kind.HUP);

            launcher.awaitLines("New children did not start; keeping the old ones", 1, 60);
            assertThat(pidsAnswering(port, 2)).containsExactlyInAnyOrderElementsOf(old);
            Thread.sleep(1000);
            assertThat(launcher.count("Started child")).isEqualTo(4);
        }
    }

    @Test
    void oneWorkerRunsInProcessAndStopsOnSigterm() throws Exception {
        int port = LauncherProcess.freePort();
        try (LauncherProcess launcher = LauncherProcess.start(config(port, "hello", false, 1))) {
            launcher.awaitLines("osapi_compute listening on 127.0.0.1:" + port, 1, 60);

            assertThat(LauncherProcess.get(port, "/")).isEqualTo(launcher.pid() + " hello");
            assertThat(launcher.count("Started child")).isZero();

            Signals.send(launcher.pid(), Signals.Kind.TERM);
            assertThat(launcher.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(launcher.process().exitValue()).isZero();
            assertThat(launcher.output()).contains("Caught SIGTERM, exiting");
        }
    }
}
