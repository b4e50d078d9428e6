package org.jnova.api.openstack.identity.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** JSON values as Python's repr writes them once json.loads decoded them (values checked against CPython). */
class PythonReprTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void writesValuesAsPythonDoes() throws Exception {
        assertThat(PythonRepr.of(JSON.readTree("\"abc\""))).isEqualTo("'abc'");
        assertThat(PythonRepr.of(JSON.readTree("\"it's\""))).isEqualTo("\"it's\"");
        assertThat(PythonRepr.of(JSON.readTree("\"it's \\\"x\\\"\""))).isEqualTo("'it\\'s \"x\"'");
        assertThat(PythonRepr.of(JSON.readTree("\"a\\u0000b\\n\\\\\""))).isEqualTo("'a\\x00b\\n\\\\'");
        assertThat(PythonRepr.of(JSON.readTree("\"\u00e9t\u00e9\""))).isEqualTo("'\u00e9t\u00e9'");
        assertThat(PythonRepr.of(JSON.readTree("[1, 2.5, null, true, false, {\"k\": \"v\"}]")))
                .isEqualTo("[1, 2.5, None, True, False, {'k': 'v'}]");
        assertThat(PythonRepr.of(JSON.readTree("3.0"))).isEqualTo("3.0");
        assertThat(PythonRepr.of(JSON.readTree("{}"))).isEqualTo("{}");
        assertThat(PythonRepr.text("[\\S]+")).isEqualTo("'[\\\\S]+'");
    }
}
