package org.jnova.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.jnova.conf.ServiceOpts;
import org.jnova.conf.cfg.ConfigOpts;
import org.jnova.exception.InvalidInput;
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
    void unknownServiceListensEverywhereOnAnyPortAndEc2LimitsUrls() {
        ServiceSettings ec2 = ServiceSettings.of(conf(), "ec2");

        assertThat(ec2.host()).isEqualTo("0.0.0.0");
        assertThat(ec2.port()).isZero();
        assertThat(ec2.maxUrlLength()).hasValue(16384);
    }

    @Test
    void sslFollowsEnabledSslApis() {
        ConfigOpts conf = conf();
        conf.set(ServiceOpts.ENABLED_SSL_APIS, "metadata");

        assertThat(ServiceSettings.of(conf, "metadata").useSsl()).isTrue();
        assertThat(ServiceSettings.of(conf, "osapi_compute").useSsl()).isFalse();
    }

    @Test
    void negativeWorkersIsInvalidInput() {
        ConfigOpts conf = conf();
        conf.set(ServiceOpts.OSAPI_COMPUTE_WORKERS, "-2");

        assertThatThrownBy(() -> new ApiService("osapi_compute", conf, name -> request -> Response.empty(204)))
                .isInstanceOf(InvalidInput.class)
                .hasMessage("osapi_compute_workers value of -2 is invalid, must be greater than 0");
    }

    @Test
    void zeroWorkersMeansTheCpuCountAsInTheSeeds() {
        ConfigOpts conf = conf();
        conf.set(ServiceOpts.METADATA_WORKERS, "0");

        assertThat(ServiceSettings.of(conf, "metadata").workers()).isEqualTo(Runtime.getRuntime().availableProcessors());
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
