package org.jnova.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Self-signed certificates that openssl makes while a test runs. */
public final class TestCertificates {
    private TestCertificates() {
    }

    /**
     * A self-signed certificate for {@code name} (its subject alternative name: an IP address or
     * a DNS name) and its key, written to {@code cert} and {@code key}; openssl's output goes to
     * {@code dir}.
     */
    public static void selfSigned(Path dir, String name, Path cert, Path key) throws Exception {
        String san = name.matches("[0-9.]+") ? "subjectAltName=IP:" + name : "subjectAltName=DNS:" + name;
        Path output = dir.resolve("openssl.out");
        Process openssl = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                "-subj", "/CN=" + name, "-addext", san, "-keyout", key.toString(), "-out", cert.toString())
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        assertThat(openssl.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(openssl.exitValue()).as(Files.readString(output)).isZero();
    }
}
