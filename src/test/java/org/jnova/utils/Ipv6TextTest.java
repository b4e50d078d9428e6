package org.jnova.utils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class Ipv6TextTest {
    @ParameterizedTest
    @CsvSource({
        "0000:0000:0000:0000:0000:babe:220.12.22.2, ::babe:dc0c:1602",
        "::ffff:1.2.3.4, ::ffff:1.2.3.4",
        "0:0:0:0:0:FFFF:0102:0304, ::ffff:1.2.3.4",
        "0:0:0:0:0:ffff:0:0, ::ffff:0.0.0.0",
        "::1.2.3.4, ::1.2.3.4",
        "::0.0.1.2, ::102",
        "::ffff, ::ffff",
        "1:0:0:2:0:0:0:3, 1:0:0:2::3",
        "1:0:0:2:0:0:3:4, 1::2:0:0:3:4",
        "2001:DB8::0:1, 2001:db8::1",
        "::, ::",
        "::1, ::1",
        "1::, 1::",
        "fe80:0:0:0:0:0:0:1, fe80::1",
        "1:0:1:0:1:0:1:0, 1:0:1:0:1:0:1:0",
        "2001:0db8:0000:0000:0001:0000:0000:0001, 2001:db8::1:0:0:1",
    })
    void writesWhatNetaddrWrites(String given, String expected) {
        assertThat(Ipv6Text.canonical(given)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.2.3.4", "example.com", "1::2::3", "12345::", "::g", "", "fe80::1%eth0"})
    void refusesWhatIsNotAnIpv6Literal(String given) {
        assertThatThrownBy(() -> Ipv6Text.canonical(given)).isInstanceOf(IllegalArgumentException.class);
    }
}
