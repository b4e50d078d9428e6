package org.jnova.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jnova.conf.GlanceClientOpts;
import org.jnova.context.RequestContext;
import org.jnova.objects.Image;
import org.jnova.testing.EngineServers;
import org.jnova.testing.JnovaTestServer;
import org.jnova.testing.TlsCertificates;
import org.jnova.testing.TlsForwarder;
import org.jnova.utils.ClientTls;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * nova's {@code [glance]} HTTPS options against Debian's real glance-api behind a TLS-terminating
 * forwarder whose self-signed certificates openssl makes when the test runs: the right
 * {@code cafile} is trusted, a wrong one (or the JDK's authorities) is nova's 503, {@code insecure}
 * accepts any certificate, and {@code certfile}/{@code keyfile} present a client certificate to a
 * server that demands one.
 */
class GlanceTlsTest {
    private static final String DEMO = "demo:demo";
    private static final RequestContext CTX = RequestContext.project("demo", "demo", List.of("member"), false,
            "req-tls");

    @TempDir
    Path dir;

    @Test
    void httpsGlanceIsTrustedByCafileOrInsecureAndPresentedTheClientCertificate() throws Exception {
        TlsCertificates tls = TlsCertificates.make(dir, "glance");

        try (GlanceTestServer glance = GlanceTestServer.start();
                TlsForwarder https = tls.https(URI.create(glance.url()).getPort());
                TlsForwarder mutual = tls.mutual(URI.create(glance.url()).getPort())) {
            String id = glance.createImage("over-tls");

            assertThat(client(https, new ClientTls("glance", tls.cert(), null, null, false)).find(CTX, id))
                    .map(Image::status).contains("active");
            assertRefused(client(https, new ClientTls("glance", tls.otherCa(), null, null, false)), https, id);
            assertRefused(client(https, ClientTls.none("glance")), https, id);
            assertThat(client(https, new ClientTls("glance", null, null, null, true)).find(CTX, id))
                    .map(Image::name).contains("over-tls");
            assertThat(client(https, new ClientTls("glance", tls.otherCa(), null, null, true)).find(CTX, id))
                    .isPresent();

            assertRefused(client(mutual, new ClientTls("glance", tls.cert(), null, null, false)), mutual, id);
            assertThat(client(mutual, new ClientTls("glance", tls.cert(), tls.clientCert(), tls.clientKey(), false))
                    .find(CTX, id))
                    .map(Image::status).contains("active");

            try (JnovaTestServer jnova = JnovaTestServer.start("sqlite", "[glance]", "api_servers = " + https.url(),
                    "cafile = " + tls.cert(), "num_retries = 0", "collect_timing = true")) {
                JnovaTestServer.Reply shown = jnova.call("GET", "/images/" + id, null, "2.1", DEMO);
                assertThat(shown.status()).as(shown.body()).isEqualTo(200);
                assertThat(shown.json().path("image").path("name").asText()).isEqualTo("over-tls");
            }
            try (JnovaTestServer jnova = JnovaTestServer.start("sqlite", "[glance]", "api_servers = " + https.url(),
                    "cafile = " + tls.otherCa(), "num_retries = 0")) {
                JnovaTestServer.Reply refused = jnova.call("GET", "/images/" + id, null, "2.1", DEMO);
                assertThat(refused.status()).as(refused.body()).isEqualTo(503);
                assertThat(EngineServers.message(refused.json()))
                        .startsWith("Connection to glance host 127.0.0.1:" + https.port() + " failed: ");
            }
        }
    }

    private static GlanceClientImagesApi client(TlsForwarder server, ClientTls tls) {
        return new GlanceClientImagesApi(new GlanceClientOpts.Settings(List.of(URI.create(server.url())), "image",
                List.of("public"), null, 0, Duration.ofSeconds(5), Duration.ofSeconds(20)).withTls(tls));
    }

    private static void assertRefused(GlanceClientImagesApi client, TlsForwarder server, String id) {
        assertThatThrownBy(() -> client.find(CTX, id)).isInstanceOf(GlanceConnectionFailed.class)
                .hasMessageStartingWith("Connection to glance host 127.0.0.1:" + server.port() + " failed: ");
    }
}
