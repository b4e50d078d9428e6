package org.jnova.api.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.jnova.objects.Instance;
import org.jnova.testing.JnovaTestServer;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Who is calling the metadata service, over real sockets from real source addresses: with
 * proxy headers parsed (http_proxy_to_wsgi) but [api] use_forwarded_for off, a caller cannot
 * pass itself off as another guest by sending X-Forwarded-For or Forwarded; with it on, the
 * header names the guest. An empty proxy secret is warned about at start.
 */
class MetadataCallerAddressTest {
    private static MetadataFixture start(boolean useForwardedFor) throws Exception {
        return MetadataFixture.start("sqlite", 0, "[jnova_compute]", "fixed_range = 127.0.0.0/24",
                "[oslo_middleware]", "enable_proxy_headers_parsing = true",
                "[api]", "use_forwarded_for = " + useForwardedFor);
    }

    private static String instanceId(Instance server) {
        return String.format("i-%08x", server.id());
    }

    @Test
    void proxyHeadersDoNotNameAnotherGuestUnlessUseForwardedForIsOn() throws Exception {
        try (MetadataFixture f = start(false)) {
            Instance guest = f.bootPlain("md-guest");
            String address = guest.interfaces().getFirst().fixedIp();
            assertThat(address).isNotEqualTo("127.0.0.1");
            String path = "/latest/meta-data/instance-id";

            assertThat(f.http.send("GET", path, List.of(), null, address).text()).isEqualTo(instanceId(guest));
            RawHttp.Answer forged = f.http.send("GET", path, List.<String[]>of(new String[] {"X-Forwarded-For", address}),
                    null, "127.0.0.1");
            assertThat(forged.status()).isEqualTo(404);
            RawHttp.Answer forwarded = f.http.send("GET", path,
                    List.<String[]>of(new String[] {"Forwarded", "for=" + address}), null, "127.0.0.1");
            assertThat(forwarded.status()).isEqualTo(404);
        }
        try (MetadataFixture f = start(true)) {
            Instance guest = f.bootPlain("md-guest");
            String address = guest.interfaces().getFirst().fixedIp();
            RawHttp.Answer viaProxy = f.http.send("GET", "/latest/meta-data/instance-id",
                    List.<String[]>of(new String[] {"X-Forwarded-For", address}), null, "127.0.0.1");
            assertThat(viaProxy.status()).isEqualTo(200);
            assertThat(viaProxy.text()).isEqualTo(instanceId(guest));
        }
    }

    @Test
    void trustingTheProxyWithoutASharedSecretIsWarnedAboutAtStart() throws Exception {
        assertThat(warningsAtStart("[neutron]", "service_metadata_proxy = true"))
                .anyMatch(message -> message.contains("metadata_proxy_shared_secret is empty"));
        assertThat(warningsAtStart("[neutron]", "service_metadata_proxy = true", "metadata_proxy_shared_secret = s3"))
                .noneMatch(message -> message.contains("metadata_proxy_shared_secret"));
        assertThat(warningsAtStart()).noneMatch(message -> message.contains("metadata_proxy_shared_secret"));
    }

    /** The warnings the metadata service logs as it starts with these nova.conf lines. */
    private static List<String> warningsAtStart(String... conf) throws Exception {
        try (JnovaTestServer jnova = JnovaTestServer.start("sqlite", conf)) {
            // the server set logging up afresh as it started: listen from here on
            Logger logger = (Logger) LoggerFactory.getLogger(MetadataService.class);
            ListAppender<ILoggingEvent> events = new ListAppender<>();
            events.start();
            logger.addAppender(events);
            try {
                jnova.startMetadata();
            } finally {
                logger.detachAppender(events);
            }
            return events.list.stream().filter(e -> e.getLevel() == Level.WARN).map(ILoggingEvent::getFormattedMessage)
                    .toList();
        }
    }
}
