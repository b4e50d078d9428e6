package org.jnova.utils;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Java values written as Python's str() and repr() write them. */
class PythonTextTest {
    @Test
    void strWritesScalarsAsPythonDoes() {
        assertThat(PythonText.str(null)).isEqualTo("None");
        assertThat(PythonText.str(true)).isEqualTo("True");
        assertThat(PythonText.str(Optional.empty())).isEqualTo("None");
        assertThat(PythonText.str(Optional.of(false))).isEqualTo("False");
        assertThat(PythonText.str("bare")).isEqualTo("bare");
        assertThat(PythonText.str(42)).isEqualTo("42");
    }

    @Test
    void containersShowTheirItemsAsRepr() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("k", List.of("a", 1));
        map.put("n", null);
        assertThat(PythonText.str(map)).isEqualTo("{'k': ['a', 1], 'n': None}");
        assertThat(PythonText.str(List.of())).isEqualTo("[]");
    }

    @Test
    void reprQuotesAndEscapesStringsAsPythonDoes() {
        assertThat(PythonText.repr("it's")).isEqualTo("\"it's\"");
        assertThat(PythonText.repr("a'b\"c")).isEqualTo("'a\\'b\"c'");
        assertThat(PythonText.repr("back\\slash\n\u0001")).isEqualTo("'back\\\\slash\\n\\x01'");
    }
}
