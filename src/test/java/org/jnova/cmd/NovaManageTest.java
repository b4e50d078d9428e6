package org.jnova.cmd;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jnova.db.TestDatabases;
import org.jnova.testing.EachEngine;

class NovaManageTest {

    private record Result(int code, String out, String err) {
    }

    private static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = NovaManage.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @EachEngine
    void syncVersionArchiveAndPurgeFromTheCommandLine(String engine) throws Exception {
        String url = TestDatabases.create(engine);
        Path conf = Files.createTempFile("nova", ".conf");
        Files.writeString(conf, "[DEFAULT]\ndebug = true\n\n[database]\nconnection = " + url + "\n");
        try {
            assertThat(run("--config-file", conf.toString(), "db", "version").out().strip()).isEqualTo("0");
            assertThat(run("--config-file", conf.toString(), "api_db", "sync").code()).isZero();
            Result sync = run("--config-file", conf.toString(), "db", "sync");
            assertThat(sync.code()).isZero();
            String latest = String.valueOf(org.jnova.db.Migrator.latestVersion("main"));
            assertThat(latest).isNotEqualTo("0");
            assertThat(sync.out()).isEmpty();
            assertThat(run("--config-file", conf.toString(), "db", "sync").code()).isZero();
            assertThat(run("--config-file", conf.toString(), "db", "version").out().strip()).isEqualTo(latest);
            Result nothing = run("--config-file", conf.toString(), "db", "archive_deleted_rows", "--max_rows", "10");
            assertThat(nothing.code()).isZero();
            assertThat(nothing.out()).contains("Nothing was archived.");
            assertThat(run("--config-file", conf.toString(), "db", "purge").code()).isEqualTo(1);
            assertThat(run("--config-file", conf.toString(), "db", "purge", "--all").code()).isEqualTo(3);
            assertThat(run("--config-file", conf.toString(), "db", "purge", "--before", "2020-01-01").code())
                    .isEqualTo(3);
            assertThat(run("--config-file", conf.toString(), "db", "frobnicate").code()).isEqualTo(2);
            assertThat(run("--config-file", conf.toString(), "identity", "rotate_keys").code()).isZero();
            assertThat(run("--config-file", conf.toString(), "identity", "rotate_keys", "--max-active-keys", "1")
                    .code()).isZero();
            assertThat(run("--config-file", conf.toString(), "identity", "rotate_keys", "--max-active-keys", "0")
                    .code()).isEqualTo(2);
            assertThat(run("--config-file", conf.toString(), "identity", "rotate_keys", "--max-active-keys=x")
                    .code()).isEqualTo(2);
        } finally {
            Files.deleteIfExists(conf);
            TestDatabases.drop(url);
        }
    }
}
