package org.jnova.cmd;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bin/ scripts as a newcomer meets them: nova-manage syncs in silence, a service on an
 * unsynced database says what to run, and no JVM prints its own warnings.
 */
class ScriptsQuietTest {
    private static final Path BIN = Path.of(System.getProperty("user.dir"), "bin");

    record Run(int exitCode, String stdout, String stderr) {
    }

    /** The script run on the test class path with the test's JDK (nothing built). */
    private static ProcessBuilder script(Path dir, String script, String... args) {
        List<String> command = new ArrayList<>(List.of(BIN.resolve(script).toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("JNOVA_CLASSPATH", System.getProperty("java.class.path"));
        builder.environment().put("JNOVA_CDS", "no");
        builder.environment().put("JNOVA_JAVA_OPTS", "-Xmx192m -XX:TieredStopAtLevel=1");
        return builder;
    }

    private static Run run(Path dir, String script, String... args) throws IOException, InterruptedException {
        Process process = script(dir, script, args).start();
        process.getOutputStream().close();
        CompletableFuture<String> stderr = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
        String stdout = readAll(process.getInputStream());
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(script + " still running:\n" + stdout);
        }
        return new Run(process.exitValue(), stdout, stderr.join());
    }

    private static String readAll(java.io.InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Path conf(Path dir, String extra) throws IOException {
        Path conf = dir.resolve("nova.conf");
        Files.writeString(conf, extra + "\n[database]\nconnection = sqlite:///" + dir.resolve("nova.sqlite")
                + "\n[api_database]\nconnection = sqlite:///" + dir.resolve("nova_api.sqlite") + "\n");
        return conf;
    }

    @Test
    void dbSyncPrintsNothingAndExitsZero(@TempDir Path dir) throws Exception {
        Path conf = conf(dir, "");

        Run apiSync = run(dir, "nova-manage", "--config-file", conf.toString(), "api_db", "sync");
        Run sync = run(dir, "nova-manage", "--config-file", conf.toString(), "db", "sync");

        assertThat(apiSync).isEqualTo(new Run(0, "", ""));
        assertThat(sync).isEqualTo(new Run(0, "", ""));
        Run version = run(dir, "nova-manage", "--config-file", conf.toString(), "db", "version");
        assertThat(version.stdout().strip()).isEqualTo(String.valueOf(org.jnova.db.Migrator.latestVersion("main")));
        assertThat(version.stderr()).isEmpty();
    }

    @Test
    void debugAsksForTheMigrationsLog(@TempDir Path dir) throws Exception {
        Path conf = conf(dir, "");

        Run sync = run(dir, "nova-manage", "--config-file", conf.toString(), "--debug", "db", "sync");

        assertThat(sync.exitCode()).isZero();
        assertThat(sync.stdout()).isEmpty();
        assertThat(sync.stderr()).contains("Applied main database migration 1").doesNotContain("WARNING:");
    }

    @Test
    void novaApiOnAnUnsyncedDatabaseSaysToSyncAndExitsOne(@TempDir Path dir) throws Exception {
        Path conf = conf(dir, "[DEFAULT]\nosapi_compute_listen = 127.0.0.1\nosapi_compute_listen_port = 0\n"
                + "metadata_listen = 127.0.0.1\nmetadata_listen_port = 0\n"
                + "osapi_compute_workers = 1\nmetadata_workers = 1\n[api]\nauth_strategy = noauth2\n");

        Run api = run(dir, "nova-api", "--config-file", conf.toString());

        assertThat(api.exitCode()).isEqualTo(1);
        assertThat(api.stderr().strip()).startsWith("nova-api: ").contains("'nova-manage db sync'")
                .contains("'nova-manage api_db sync'").doesNotContain("\n");
        assertThat(api.stdout() + api.stderr()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void theAllInOneSyncsItsOwnDatabaseAndStartsWithoutJvmWarnings(@TempDir Path dir) throws Exception {
        Path conf = conf(dir, "[DEFAULT]\nosapi_compute_listen_port = " + freePort()
                + "\nmetadata_listen_port = " + freePort() + "\nidentity_listen_port = " + freePort()
                + "\nimage_listen_port = " + freePort() + "\nstate_path = " + dir + "\n");
        Process jnova = script(dir, "jnova", "--config-file", conf.toString()).start();
        try {
            jnova.getOutputStream().close();
            CompletableFuture<String> stderr = CompletableFuture.supplyAsync(() -> readAll(jnova.getErrorStream()));
            try (java.io.BufferedReader out = new java.io.BufferedReader(
                    new java.io.InputStreamReader(jnova.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null && !line.contains("image listening on")) {
                    // the all-in-one is up once its last API listens
                }
                assertThat(line).as("the all-in-one started").isNotNull();
                jnova.destroy();
                assertThat(jnova.waitFor(60, TimeUnit.SECONDS)).isTrue();
            }
            assertThat(stderr.join()).doesNotContain("WARNING:");
        } finally {
            jnova.destroyForcibly();
        }
    }

    private static int freePort() throws IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void novaComputeOnAnUnsyncedDatabaseSaysToSyncAndExitsOne(@TempDir Path dir) throws Exception {
        Path conf = conf(dir, "[DEFAULT]\ntransport_url = rabbit://guest:guest@127.0.0.1:1/\n");

        Run compute = run(dir, "nova-compute", "--config-file", conf.toString());

        assertThat(compute.exitCode()).isEqualTo(1);
        assertThat(compute.stderr().strip()).startsWith("nova-compute: ").contains("'nova-manage db sync'")
                .doesNotContain("api_db").doesNotContain("\n");
    }
}
