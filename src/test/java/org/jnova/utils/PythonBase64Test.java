package org.jnova.utils;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** binascii.a2b_base64 of CPython 3.11.2, answers taken from /usr/bin/python3 for the same inputs. */
class PythonBase64Test {
    private static Optional<String> decode(String text) {
        return PythonBase64.decode(text.getBytes(StandardCharsets.ISO_8859_1))
                .map(b -> new String(b, StandardCharsets.ISO_8859_1));
    }

    @Test
    void decodesAsPythonsLenientDecoder() {
        assertThat(decode("QUJD")).contains("ABC");
        assertThat(decode("QUI=")).contains("AB");
        assertThat(decode("QU==")).contains("A");
        assertThat(decode("QUI=QUI=")).contains("AB"); // a complete pad ends the data
        assertThat(decode("Q=U=I=")).contains("AB");
        assertThat(decode("QUI==junk")).contains("AB");
        assertThat(decode("=QUI=")).contains("AB");
        assertThat(decode("QU=I=")).contains("AB");
        assertThat(decode("QU\nJD")).contains("ABC"); // what is not base64 is skipped
        assertThat(decode("QUJDQUI=")).contains("ABCAB");
        assertThat(decode("")).contains("");
    }

    @Test
    void refusesWhatPythonRefuses() {
        assertThat(decode("QUI")).isEmpty(); // Incorrect padding
        assertThat(decode("QU=I")).isEmpty();
        assertThat(decode("Q!U@I")).isEmpty();
        assertThat(decode("Q")).isEmpty(); // one more than a multiple of four
        assertThat(decode("Q===")).isEmpty();
        assertThat(decode("QUJDQ")).isEmpty();
        assertThat(PythonBase64.decode("QUJ\u00e9D")).isEmpty(); // a str must be ASCII
    }
}
