package org.jnova.utils;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Caller patterns: valid as Python's re.compile says, searched in linear time. */
class PythonRegexTest {
    private static boolean search(String pattern, String text) {
        return PythonRegex.searcher(pattern).matcher(text).find();
    }

    @Test
    void validityFollowsPythonsReCompile() {
        assertThat(PythonRegex.isValid("web-\\d+$")).isTrue();
        assertThat(PythonRegex.isValid("(?P<w>we)b")).isTrue(); // Python's named group
        assertThat(PythonRegex.isValid("(a)\\1")).isTrue(); // a backreference: Python compiles it
        assertThat(PythonRegex.isValid("(?=a)b")).isTrue();
        assertThat(PythonRegex.isValid("[")).isFalse();
        assertThat(PythonRegex.isValid("(")).isFalse();
        assertThat(PythonRegex.isValid("(".repeat(490) + ")".repeat(490))).isTrue();
        // Python stops with RecursionError at about 495 nested groups
        assertThat(PythonRegex.isValid("(".repeat(600) + ")".repeat(600))).isFalse();
        assertThat(PythonRegex.isValid("\\((((((" + "[(((((((((]")).isFalse(); // unbalanced all the same
    }

    @Test
    void searchesAsReSearchInLinearTime() {
        assertThat(search("b-[13]$", "web-3")).isTrue();
        assertThat(search("WEB", "web-1")).isFalse();
        assertThat(search("(?P<w>we)b-2", "web-2")).isTrue();
        long start = System.nanoTime();
        String name = "a".repeat(5000) + "!";
        assertThat(search("(.*a){12}$", name)).isFalse();
        assertThat(search("^(a+)+$", name)).isFalse();
        assertThat(System.nanoTime() - start).isLessThan(5_000_000_000L);
        // what RE2 cannot run in linear time is literal text
        assertThat(search("(a)\\1", "aa")).isFalse();
        assertThat(search("(a)\\1", "x(a)\\1x")).isTrue();
    }
}
