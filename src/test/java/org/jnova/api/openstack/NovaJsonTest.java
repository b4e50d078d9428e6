package org.jnova.api.openstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Response bodies as Python's json.dumps separates them, with Jackson's escapes: the values
 * views build and the values only databind knows, mixed in one body.
 */
class NovaJsonTest {
    private final NovaJson json = new NovaJson();

    record Pair(String name, int count) {
    }

    private String write(Object value) {
        return new String(json.write(value), StandardCharsets.US_ASCII);
    }

    @Test
    void writesStringsWithPythonSeparatorsAndAsciiEscapes() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("text", "caf\u00e9 \u2028 \uD83D\uDE00 \n\t\u0001\u007f \"q\" \\ / <>&'");
        body.put("null", null);
        body.put("flags", Arrays.asList(true, false, null));
        body.put("empty", Map.of());
        body.put("emptyList", List.of());
        body.put("nested", List.of(Map.of("k", List.of(List.of(), Map.of("x", 1)))));
        body.put("k\u00e9y", "v");

        assertThat(write(body)).isEqualTo("{\"text\": \"caf\\u00E9 \\u2028 \\uD83D\\uDE00 \\n\\t\\u0001\u007f "
                + "\\\"q\\\" \\\\ / <>&'\", \"null\": null, \"flags\": [true, false, null], \"empty\": {}, "
                + "\"emptyList\": [], \"nested\": [{\"k\": [[], {\"x\": 1}]}], \"k\\u00E9y\": \"v\"}");
    }

    @Test
    void writesNumbersAsDatabindDoes() {
        assertThat(write(Map.of("numbers", List.of(0, -1, Long.MAX_VALUE, 1.5, 1e20, 0.1f, new BigDecimal("1.50"),
                (short) 3)))).isEqualTo("{\"numbers\": [0, -1, 9223372036854775807, 1.5, 1.0E20, 0.1, 1.50, 3]}");
    }

    @Test
    void writesOtherValuesThroughDatabindInPlace() throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("byInt", new TreeMap<>(Map.of(2, "b", 1, "a")));
        body.put("set", new TreeSet<>(Set.of("y", "x")));
        body.put("node", json.read("{\"a\": [1, {\"b\": \"\u00fc\"}], \"c\": null}".getBytes(StandardCharsets.UTF_8)));
        body.put("array", new String[] {"a", "b"});
        body.put("record", new Pair("n", 2));

        assertThat(write(body)).isEqualTo("{\"byInt\": {\"1\": \"a\", \"2\": \"b\"}, \"set\": [\"x\", \"y\"], "
                + "\"node\": {\"a\": [1, {\"b\": \"\\u00FC\"}], \"c\": null}, \"array\": [\"a\", \"b\"], "
                + "\"record\": {\"name\": \"n\", \"count\": 2}}");
        assertThat(write(List.of(1, "\u00e9"))).isEqualTo("[1, \"\\u00E9\"]");
        assertThat(write("plain")).isEqualTo("\"plain\"");
        assertThat(write(new TreeMap<>(Map.of(1, Map.of("a", "b"))))).isEqualTo("{\"1\": {\"a\": \"b\"}}");
    }

    @Test
    void refusesValuesWithoutAJsonForm() {
        assertThatThrownBy(() -> json.write(Map.of("at", List.of(Instant.EPOCH))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot write response body");
        Map<String, Object> nullKey = new LinkedHashMap<>();
        nullKey.put(null, 1);
        assertThatThrownBy(() -> json.write(Map.of("m", nullKey))).isInstanceOf(IllegalArgumentException.class);
    }
}
