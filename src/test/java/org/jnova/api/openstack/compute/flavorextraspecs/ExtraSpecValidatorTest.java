package org.jnova.api.openstack.compute.flavorextraspecs;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.jnova.exception.Invalid;
import org.junit.jupiter.api.Test;

/** Microversion 2.86 extra spec checks with nova's messages. */
class ExtraSpecValidatorTest {
    private final ExtraSpecValidator validator = ExtraSpecValidator.load(new ObjectMapper());

    @Test
    void knownSpecsHaveTheirValuesChecked() {
        assertThatCode(() -> validator.validate("hw:cpu_policy", "dedicated")).doesNotThrowAnyException();
        assertThatCode(() -> validator.validate("hw:numa_nodes", "2")).doesNotThrowAnyException();
        assertThatThrownBy(() -> validator.validate("hw:numa_nodes", "many")).isInstanceOf(Invalid.class)
                .hasMessage("Validation failed; 'many' is not a valid integer value.");
        assertThatThrownBy(() -> validator.validate("hw:numa_nodes", "0")).isInstanceOf(Invalid.class)
                .hasMessage("Validation failed; '0' is less than the min value of '1'.");
        assertThatThrownBy(() -> validator.validate("hw:boot_menu", "perhaps")).isInstanceOf(Invalid.class)
                .hasMessage("Validation failed; 'perhaps' is not a valid boolean-like value.");
    }

    @Test
    void parameterisedNamesAndNamespaces() {
        assertThatCode(() -> validator.validate("hw:numa_cpus.0", "0-3")).doesNotThrowAnyException();
        assertThatCode(() -> validator.validate("resources1:VCPU", "2")).doesNotThrowAnyException();
        assertThatCode(() -> validator.validate("trait:HW_CPU_X86_AVX", "required")).doesNotThrowAnyException();
        assertThatThrownBy(() -> validator.validate("quota:bogus", "1")).isInstanceOf(Invalid.class)
                .hasMessage("Validation failed; extra spec 'quota:bogus' does not appear to be a valid extra spec.");
        assertThatCode(() -> validator.validate("vendor:anything", "x")).doesNotThrowAnyException();
        assertThatCode(() -> validator.validate("plain", "x")).doesNotThrowAnyException();
    }
}
