package org.jnova.api.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jnova.conf.KeystoneAuthOpts;
import org.jnova.conf.cfg.ConfigOpts;
import org.jnova.conf.cfg.SampleConfigGenerator;
import org.jnova.exception.ConfigError;
import org.jnova.utils.ClientTls;
import org.junit.jupiter.api.Test;

/** [keystone_authtoken] read as keystonemiddleware reads it, paste keys winning. */
class KeystoneAuthSettingsTest {
    private final ConfigOpts conf = new ConfigOpts(KeystoneAuthOpts.all());

    private void configure() {
        conf.set(KeystoneAuthOpts.SERVICE_USER.authType(), "password");
        conf.set(KeystoneAuthOpts.SERVICE_USER.authUrl(), "http://keystone.internal:5000/v3");
        conf.set(KeystoneAuthOpts.SERVICE_USER.username(), "nova");
        conf.set(KeystoneAuthOpts.SERVICE_USER.password(), "secret");
        conf.set(KeystoneAuthOpts.SERVICE_USER.userDomainName(), "Default");
        conf.set(KeystoneAuthOpts.SERVICE_USER.projectName(), "service");
        conf.set(KeystoneAuthOpts.SERVICE_USER.projectDomainName(), "Default");
    }

    @Test
    void keystonemiddlewaresDefaultsApply() {
        configure();
        KeystoneAuthSettings settings = KeystoneAuthSettings.from(conf, Map.of());
        assertThat(settings.tokenCacheTime()).isEqualTo(Duration.ofSeconds(300));
        assertThat(settings.maxRetries()).isEqualTo(3);
        assertThat(settings.endpointInterface()).isEqualTo("internal");
        assertThat(settings.delayAuthDecision()).isFalse();
        assertThat(settings.httpConnectTimeout()).isEmpty();
        assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.requestTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.serviceTokenRoles()).containsExactly("service");
        assertThat(settings.serviceTokenRolesRequired()).isFalse();
        // without www_authenticate_uri, clients are sent to the auth URL
        assertThat(settings.wwwAuthenticateUri()).isEqualTo("http://keystone.internal:5000/v3");
        assertThat(settings.credentials().username()).contains("nova");
        assertThat(settings.credentials().projectDomainName()).contains("Default");
    }

    @Test
    void pasteSectionKeysOverrideTheFile() {
        configure();
        conf.set(KeystoneAuthOpts.TOKEN_CACHE_TIME, "60");
        KeystoneAuthSettings settings = KeystoneAuthSettings.from(conf, Map.of("token_cache_time", "10",
                "auth_uri", "https://keystone.example.com", "delay_auth_decision", "true",
                "http_connect_timeout", "7", "interface", "publicURL", "region_name", "RegionTwo"));
        assertThat(settings.tokenCacheTime()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.wwwAuthenticateUri()).isEqualTo("https://keystone.example.com");
        assertThat(settings.delayAuthDecision()).isTrue();
        assertThat(settings.httpConnectTimeout()).contains(Duration.ofSeconds(7));
        assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(7));
        assertThat(settings.requestTimeout()).isEqualTo(Duration.ofSeconds(7));
        assertThat(settings.endpointInterface()).isEqualTo("public");
        assertThat(settings.regionName()).isEqualTo(Optional.of("RegionTwo"));
        assertThat(settings.serviceTokenRoles()).isEqualTo(List.of("service"));
    }

    @Test
    void theHttpsOptionsComeFromTheFileOrThePasteSection() {
        configure();
        assertThat(KeystoneAuthSettings.from(conf, Map.of()).tls())
                .isEqualTo(ClientTls.none(KeystoneAuthOpts.GROUP));

        conf.set(KeystoneAuthOpts.TLS.cafile(), "/etc/nova/keystone-ca.pem");
        conf.set(KeystoneAuthOpts.TLS.certfile(), "/etc/nova/client.pem");
        conf.set(KeystoneAuthOpts.TLS.keyfile(), "/etc/nova/client-key.pem");
        assertThat(KeystoneAuthSettings.from(conf, Map.of()).tls()).isEqualTo(new ClientTls(KeystoneAuthOpts.GROUP,
                Path.of("/etc/nova/keystone-ca.pem"), Path.of("/etc/nova/client.pem"),
                Path.of("/etc/nova/client-key.pem"), false));

        ClientTls pasted = KeystoneAuthSettings.from(conf, Map.of("cafile", "/srv/ca.pem", "insecure", "true")).tls();
        assertThat(pasted.cafile()).isEqualTo(Path.of("/srv/ca.pem"));
        assertThat(pasted.insecure()).isTrue();
        assertThat(pasted.certfile()).isEqualTo(Path.of("/etc/nova/client.pem"));

        assertThatThrownBy(() -> KeystoneAuthSettings.from(conf, Map.of("keyfile", "")))
                .isInstanceOf(ConfigError.class)
                .hasMessage("[keystone_authtoken] certfile and keyfile must be set together");
        assertThatThrownBy(() -> KeystoneAuthSettings.from(conf, Map.of("insecure", "maybe")))
                .hasMessageContaining("insecure");
    }

    @Test
    void theSampleConfigurationListsTheHttpsOptions() {
        String sample = new SampleConfigGenerator(KeystoneAuthOpts.all()).generate();
        assertThat(sample).contains("\n#cafile = <None>\n", "\n#certfile = <None>\n", "\n#keyfile = <None>\n",
                "\n#insecure = false\n", "\n#http_connect_timeout = <None>\n", "\n#http_request_max_retries = 3\n");
    }

    @Test
    void missingOrUnsupportedSettingsStopStartUp() {
        assertThatThrownBy(() -> KeystoneAuthSettings.from(conf, Map.of())).isInstanceOf(ConfigError.class)
                .hasMessageContaining("auth_type is not set");
        configure();
        conf.set(KeystoneAuthOpts.SERVICE_USER.authType(), "v3applicationcredential");
        assertThatThrownBy(() -> KeystoneAuthSettings.from(conf, Map.of())).hasMessageContaining("not supported");
        conf.set(KeystoneAuthOpts.SERVICE_USER.authType(), "password");
        assertThatThrownBy(() -> KeystoneAuthSettings.from(conf, Map.of("auth_url", "not a url")))
                .isInstanceOf(ConfigError.class);
        assertThatThrownBy(() -> KeystoneAuthSettings.from(conf, Map.of("token_cache_time", "soon")))
                .hasMessageContaining("token_cache_time");
    }
}
