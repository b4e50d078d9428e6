package org.jnova.api.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jnova.conf.KeystoneAuthOpts;
import org.jnova.conf.cfg.ConfigOpts;
import org.jnova.exception.ConfigError;
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
