package org.jnova.cmd;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A jnova entry point in a child JVM on the test class path, its output collected. */
final class ChildJvm implements AutoCloseable {
    private final Process process;
    private final StringBuilder output = new StringBuilder();

    private ChildJvm(Process process) {
        this.process = process;
        Thread.ofVirtual().start(this::collect);
    }

    static ChildJvm start(Class<?> main, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx192m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-D" + ApiServiceFactory.HOME_PROPERTY + "=" + System.getProperty("user.dir"),
                "-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        return new ChildJvm(process);
    }

    private void collect() {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                synchronized (output) {
                    output.append(line).append('\n');
                }
            }
        } catch (IOException e) {
            // The process is gone; what was read stays.
        }
    }

    Process process() {
        return process;
    }

    String output() {
        synchronized (output) {
            return output.toString();
        }
    }

    /** Waits for the exit; its status. */
    int awaitExit(long seconds) throws InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            throw new AssertionError("still running after " + seconds + " s:\n" + output());
        }
        return process.exitValue();
    }

    /** Kills what is left of the process and its children. */
    @Override
    public void close() throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor(20, TimeUnit.SECONDS);
    }
}
