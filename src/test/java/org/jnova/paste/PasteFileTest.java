package org.jnova.paste;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.jnova.exception.ConfigError;
import org.junit.jupiter.api.Test;

class PasteFileTest {
    private static final Path WHERE = Path.of("/etc/nova/api-paste.ini");

    @Test
    void readsSectionsKeysContinuationsAndDefaults() {
        PasteFile file = PasteFile.parse(WHERE, List.of(
                "[DEFAULT]",
                "debug = true",
                "",
                "[composite:osapi_compute]",
                "use = call:nova.api.openstack.urlmap:urlmap_factory",
                "/: oscomputeversions",
                "/v2.1/+: openstack_compute_api_v21",
                "# v2.1 comment",
                "pipeline = a",
                "  b",
                "",
                "  c",
                "[filter:x]",
                "path = %(here)s/policy.yaml"));
        PasteFile.Section composite = file.sections().get("composite:osapi_compute");
        assertThat(composite.prefix()).isEqualTo("composite");
        assertThat(composite.name()).isEqualTo("osapi_compute");
        assertThat(composite.entries()).containsOnlyKeys("use", "/", "/v2.1/+", "pipeline");
        assertThat(composite.entries().get("/v2.1/+")).isEqualTo("openstack_compute_api_v21");
        assertThat(composite.entries().get("use")).isEqualTo("call:nova.api.openstack.urlmap:urlmap_factory");
        assertThat(composite.entries().get("pipeline")).isEqualTo("a\nb\n\nc");
        assertThat(file.globalConf()).containsEntry("debug", "true").containsEntry("here", "/etc/nova")
                .containsEntry("__file__", "/etc/nova/api-paste.ini");
        assertThat(file.value(file.sections().get("filter:x"), "path")).isEqualTo("/etc/nova/policy.yaml");
    }

    @Test
    void duplicateKeysAndSectionsAreRefused() {
        assertThatThrownBy(() -> PasteFile.parse(WHERE, List.of("[app:a]", "k = 1", "k = 2")))
                .isInstanceOf(ConfigError.class).hasMessageContaining("twice");
        assertThatThrownBy(() -> PasteFile.parse(WHERE, List.of("[app:a]", "[app:a]")))
                .isInstanceOf(ConfigError.class).hasMessageContaining("already exists");
        assertThatThrownBy(() -> PasteFile.parse(WHERE, List.of("k = 1")))
                .isInstanceOf(ConfigError.class).hasMessageContaining("outside any section");
    }
}
