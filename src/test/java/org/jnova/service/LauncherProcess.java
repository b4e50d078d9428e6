package org.jnova.service;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@link LauncherMain} running in a child JVM with the test factory, its output collected. */
final class LauncherProcess implements AutoCloseable {
    private final Process process;
    private final List<String> lines = new ArrayList<>();

    private LauncherProcess(Process process) {
        this.process = process;
        Thread.ofVirtual().start(this::collect);
    }

    static LauncherProcess start(Path configFile) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx96m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto",
                "-Dlogback.configurationFile=org/jnova/service/logback-launcher.xml",
                "-cp", System.getProperty("java.class.path"),
                LauncherMain.class.getName(), TestServiceFactory.class.getName(),
                "--config-file", configFile.toString()));
        return new LauncherProcess(new ProcessBuilder(command).redirectErrorStream(true).start());
    }

    private void collect() {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                synchronized (lines) {
                    lines.add(line);
                    lines.notifyAll();
                }
            }
        } catch (IOException e) {
            // The process is gone; what was read stays.
        }
    }

    long pid() {
        return process.pid();
    }

    Process process() {
        return process;
    }

    /** How many output lines contain the text. */
    int count(String text) {
        synchronized (lines) {
            return (int) lines.stream().filter(line -> line.contains(text)).count();
        }
    }

    /** Waits until at least {@code times} lines contain the text. */
    void awaitLines(String text, int times, long timeoutSeconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        synchronized (lines) {
            while (count(text) < times) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    throw new AssertionError("no " + times + " lines with '" + text + "' in:\n" + output());
                }
                lines.wait(left);
            }
        }
    }

    /** The pids of the lines "Started child N", in order. */
    List<Long> startedChildren() {
        List<Long> pids = new ArrayList<>();
        Pattern started = Pattern.compile("Started child (\\d+)");
        synchronized (lines) {
            for (String line : lines) {
                Matcher matcher = started.matcher(line);
                if (matcher.find()) {
                    pids.add(Long.parseLong(matcher.group(1)));
                }
            }
        }
        return pids;
    }

    String output() {
        synchronized (lines) {
            return String.join("\n", lines);
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** One GET on a fresh connection; the body. */
    static String get(int port, String path) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(20_000);
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            if (!response.startsWith("HTTP/1.1 200")) {
                throw new IOException("unexpected response: " + response);
            }
            return response.substring(response.indexOf("\r\n\r\n") + 4);
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
        for (long child : startedChildren()) {
            ProcessHandle.of(child).ifPresent(ProcessHandle::destroyForcibly);
        }
    }
}
