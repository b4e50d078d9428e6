package org.jnova.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.jnova.conf.ServiceOpts;
import org.jnova.conf.cfg.ConfigOpts;
import org.jnova.exception.ConfigError;
import org.jnova.conf.cfg.ConfigLoader;
import org.junit.jupiter.api.io.TempDir;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jnova.wsgi.Response;
import org.junit.jupiter.api.Test;

class ApiServiceTest {
    private static ConfigOpts conf() {
        return new ConfigOpts(TestServiceFactory.options());
    }

    @Test
    void settingsFollowTheServiceNamesOptions() {
        ServiceSettings compute = ServiceSettings.of(conf(), "osapi_compute");
        ServiceSettings metadata = ServiceSettings.of(conf(), "metadata");

        assertThat(compute).isEqualTo(new ServiceSettings("osapi_compute", "0.0.0.0", 8774,
                Runtime.getRuntime().availableProcessors(), false, java.util.OptionalInt.empty()));
        assertThat(metadata.port()).isEqualTo(8775);
    }

    @Test
    void ec2ListensOn8773AndLimitsUrlsAndAnUnknownServiceListensEverywhereOnAnyPort() {
        ServiceSettings ec2 = ServiceSettings.of(conf(), "ec2");
        ServiceSettings unknown = ServiceSettings.of(conf(), "unknown");

        assertThat(ec2.host()).isEqualTo("0.0.0.0");
        assertThat(ec2.port()).isEqualTo(8773);
        assertThat(ec2.maxUrlLength()).hasValue(16384);
        assertThat(unknown.host()).isEqualTo("0.0.0.0");
        assertThat(unknown.port()).isZero();
        assertThat(unknown.maxUrlLength()).isEmpty();
    }

    @Test
    void sslFollowsEnabledSslApis() {
        ConfigOpts conf = conf();
        conf.set(ServiceOpts.ENABLED_SSL_APIS, "metadata");

        assertThat(ServiceSettings.of(conf, "metadata").useSsl()).isTrue();
        assertThat(ServiceSettings.of(conf, "osapi_compute").useSsl()).isFalse();
    }

    @Test
    void workersBelowOneInAConfigFileStopStartUpNamingFileAndOption(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("nova.conf");
        Files.writeString(file, "[DEFAULT]\nosapi_compute_workers = 0\nmetadata_workers = abc\n");

        assertThatThrownBy(() -> ConfigLoader.load(ServiceOpts.all(),
                new String[] {"--config-file", file.toString()}, "nova", "nova-api"))
                .isInstanceOf(ConfigError.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("osapi_compute_workers")
                .hasMessageContaining("greater than or equal to 1")
                .hasMessageContaining("metadata_workers");
    }

    @Test
    void loadsItsAppByNameAndServesIt() throws Exception {
        ConfigOpts conf = conf();
        conf.set(ServiceOpts.METADATA_LISTEN, "127.0.0.1");
        conf.set(ServiceOpts.METADATA_LISTEN_PORT, "0");
        List<String> loaded = new ArrayList<>();
        ApiService service = new ApiService("metadata", conf, name -> {
            loaded.add(name);
            return request -> Response.text(200, "text/plain", "from " + name);
        });
        service.start();
        try {
            assertThat(loaded).containsExactly("metadata");
            assertThat(service.port()).isPositive();
            assertThat(LauncherProcess.get(service.port(), "/")).isEqualTo("from metadata");
        } finally {
            service.stop();
        }
    }
}
