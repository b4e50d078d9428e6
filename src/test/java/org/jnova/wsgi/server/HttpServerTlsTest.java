package org.jnova.wsgi.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.jnova.exception.ConfigError;
import org.jnova.utils.PemKeyStores;
import org.jnova.wsgi.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HTTPS with a self-signed certificate made by openssl when the test runs. */
class HttpServerTlsTest {
    @TempDir
    static Path dir;
    static Path cert;
    static Path pkcs8Key;
    static Path pkcs1Key;

    @BeforeAll
    static void makeCertificate() throws Exception {
        cert = dir.resolve("cert.pem");
        pkcs8Key = dir.resolve("key.pem");
        pkcs1Key = dir.resolve("rsa-key.pem");
        run("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=localhost",
                "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
                "-keyout", pkcs8Key.toString(), "-out", cert.toString());
        run("openssl", "rsa", "-in", pkcs8Key.toString(), "-traditional", "-out", pkcs1Key.toString());
        assertThat(Files.readString(pkcs8Key)).contains("BEGIN PRIVATE KEY");
        assertThat(Files.readString(pkcs1Key)).contains("BEGIN RSA PRIVATE KEY");
    }

    @Test
    void servesHttpsWithAPkcs8Key() throws Exception {
        assertHttpsWorks(pkcs8Key);
    }

    @Test
    void servesHttpsWithAPkcs1RsaKey() throws Exception {
        assertHttpsWorks(pkcs1Key);
    }

    @Test
    void unreadableKeyIsAConfigError() throws Exception {
        Path garbage = Files.writeString(dir.resolve("garbage.pem"), "not a key");
        HttpServer server = new HttpServer("tls", request -> Response.empty(204), "127.0.0.1", 0,
                HttpServerOptions.defaults().withTls(new TlsFiles(cert, garbage, java.util.Optional.empty())));

        assertThatThrownBy(server::start).isInstanceOf(ConfigError.class).hasMessageContaining("garbage.pem");
    }

    private static void assertHttpsWorks(Path key) throws Exception {
        HttpServer server = new HttpServer("tls", request -> Response.text(200, "text/plain", request.scheme()),
                "127.0.0.1", 0, HttpServerOptions.defaults().withTls(new TlsFiles(cert, key, java.util.Optional.empty())));
        server.start();
        try {
            HttpClient client = HttpClient.newBuilder().sslContext(trusting(cert))
                    .connectTimeout(Duration.ofSeconds(5)).build();
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                    URI.create("https://127.0.0.1:" + server.port() + "/")).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("https");
        } finally {
            server.stop(Duration.ofSeconds(1));
        }
    }

    private static SSLContext trusting(Path certificate) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        try (InputStream in = Files.newInputStream(certificate)) {
            trust.setCertificateEntry("server", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return context;
    }

    private static void run(String... command) throws Exception {
        Process process = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
    }

    @Test
    void caFileRequiresClientsToPresentACertificateItSigned() throws Exception {
        HttpServer server = new HttpServer("tls", request -> Response.empty(204), "127.0.0.1", 0,
                HttpServerOptions.defaults().withTls(new TlsFiles(cert, pkcs8Key, java.util.Optional.of(cert))));
        server.start();
        try {
            URI uri = URI.create("https://127.0.0.1:" + server.port() + "/");
            HttpClient anonymous = HttpClient.newBuilder().sslContext(trusting(cert)).build();
            assertThatThrownBy(() -> anonymous.send(HttpRequest.newBuilder(uri).build(),
                    HttpResponse.BodyHandlers.ofString())).isInstanceOf(java.io.IOException.class);

            javax.net.ssl.KeyManagerFactory keys = javax.net.ssl.KeyManagerFactory.getInstance(
                    javax.net.ssl.KeyManagerFactory.getDefaultAlgorithm());
            keys.init(PemKeyStores.keyStore(cert, pkcs8Key), PemKeyStores.PASSWORD);
            SSLContext withClientCert = SSLContext.getInstance("TLS");
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(PemKeyStores.trustStore(cert));
            withClientCert.init(keys.getKeyManagers(), trust.getTrustManagers(), null);
            HttpClient identified = HttpClient.newBuilder().sslContext(withClientCert).build();

            assertThat(identified.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString())
                    .statusCode()).isEqualTo(204);
        } finally {
            server.stop(Duration.ofSeconds(1));
        }
    }

    @Test
    void sslServiceWithoutItsFilesIsAConfigError() {
        org.jnova.conf.cfg.ConfigOpts conf = new org.jnova.conf.cfg.ConfigOpts(org.jnova.conf.WsgiOpts.all());
        conf.set(org.jnova.conf.WsgiOpts.SSL_CERT_FILE, dir.resolve("missing.pem").toString());
        conf.set(org.jnova.conf.WsgiOpts.SSL_KEY_FILE, pkcs8Key.toString());

        assertThatThrownBy(() -> HttpServerOptions.fromConfig(conf, true, java.util.OptionalInt.empty()))
                .isInstanceOf(ConfigError.class).hasMessageStartingWith("Unable to find cert_file : ");
        assertThat(HttpServerOptions.fromConfig(conf, false, java.util.OptionalInt.empty()).tls()).isEmpty();
    }
}
