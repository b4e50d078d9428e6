package org.jnova.api.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jnova.cmd.NovaManage;
import org.jnova.conf.ServiceUserOpts;
import org.jnova.conf.cfg.ConfigOpts;
import org.jnova.conf.cfg.Opt;
import org.jnova.testing.JnovaTestServer;
import org.jnova.testing.LogCapture;
import org.jnova.testing.TlsCertificates;
import org.jnova.testing.TlsForwarder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * nova's {@code [service_user]} session options on the client that gets the service token:
 * jnova's own Identity API behind a TLS-terminating forwarder (certificates made by openssl
 * while the test runs) is trusted with the right {@code cafile}, refused with a wrong one or the
 * JDK's authorities, accepted with {@code insecure}; a server demanding a client certificate gets
 * the one of {@code certfile}/{@code keyfile}; {@code timeout} bounds each call to an identity
 * server that never answers.
 */
class ServiceUserSessionTest {
    @TempDir
    Path dir;

    @RegisterExtension
    final LogCapture log = new LogCapture(IdentityClient.class);

    @Test
    void theServiceTokenComesOverHttpsAsCafileInsecureAndTheClientCertificateSay() throws Exception {
        TlsCertificates tls = TlsCertificates.make(dir, "identity");

        try (JnovaTestServer jnova = JnovaTestServer.start("sqlite")) {
            int port = URI.create(bootstrapped(jnova)).getPort();
            try (TlsForwarder https = tls.https(port);
                    TlsForwarder mutual = tls.mutual(port)) {
                assertThat(client(https.url(), "cafile", tls.cert().toString()).serviceToken()).isNotBlank();
                assertRefused(client(https.url(), "cafile", tls.otherCa().toString()));
                assertRefused(client(https.url()));
                assertThat(client(https.url(), "insecure", "true").serviceToken()).isNotBlank();
                assertThat(client(https.url(), "cafile", tls.otherCa().toString(), "insecure", "true")
                        .serviceToken()).isNotBlank();

                assertRefused(client(mutual.url(), "cafile", tls.cert().toString()));
                assertThat(client(mutual.url(), "cafile", tls.cert().toString(), "certfile",
                        tls.clientCert().toString(), "keyfile", tls.clientKey().toString()).serviceToken())
                        .isNotBlank();
            }
        }
    }

    @Test
    void timeoutBoundsEachCallForTheServiceToken() throws Exception {
        List<Socket> held = new CopyOnWriteArrayList<>();
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread.ofVirtual().start(() -> {
                while (!silent.isClosed()) {
                    try {
                        held.add(silent.accept());
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            String url = "http://127.0.0.1:" + silent.getLocalPort() + "/v3";
            assertThat(KeystoneAuthSettings.serviceUser(conf(url, "timeout", "1")).requestTimeout())
                    .isEqualTo(Duration.ofSeconds(1));

            assertThatThrownBy(client(url, "timeout", "1")::serviceToken).isInstanceOf(KeystoneUnreachable.class)
                    .hasMessageContaining("HttpTimeoutException");
            assertThat(log.events()).isNotEmpty();
            assertThat(log.events().getFirst().getFormattedMessage()).contains("Keystone did not answer within 1000 ms");
            assertThat(held).isNotEmpty();
        } finally {
            for (Socket s : held) {
                s.close();
            }
        }
    }

    /** The [service_user] password options of the bootstrap admin at {@code authUrl}, and {@code settings}. */
    private static ConfigOpts conf(String authUrl, String... settings) {
        ConfigOpts conf = new ConfigOpts(ServiceUserOpts.all());
        List<String> values = new ArrayList<>(List.of("send_service_user_token", "true",
                "auth_type", "password", "auth_url", authUrl, "username", "admin", "password", "s3cret",
                "user_domain_id", "default", "project_name", "admin", "project_domain_id", "default"));
        values.addAll(List.of(settings));
        for (int i = 0; i < values.size(); i += 2) {
            String name = values.get(i);
            Opt<?> opt = conf.options().stream().filter(o -> o.name().equals(name)).findFirst().orElseThrow();
            conf.set(opt, values.get(i + 1));
        }
        return conf;
    }

    private static IdentityClient client(String authUrl, String... settings) {
        return IdentityClient.forServiceUser(conf(authUrl, settings), Clock.systemUTC());
    }

    private static void assertRefused(IdentityClient client) {
        assertThatThrownBy(client::serviceToken).isInstanceOf(KeystoneUnreachable.class)
                .hasMessageStartingWith("Unable to reach Keystone at https://127.0.0.1:");
    }

    /** Starts the server's Identity API with its admin bootstrapped (password s3cret); its URL. */
    private static String bootstrapped(JnovaTestServer jnova) {
        String url = jnova.startIdentity();
        int status = NovaManage.run(new String[] {"--config-file", jnova.configFile().toString(), "identity",
            "bootstrap", "--bootstrap-password", "s3cret", "--bootstrap-public-url", url + "/v3"},
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(new ByteArrayOutputStream()));
        assertThat(status).isZero();
        return url;
    }
}
